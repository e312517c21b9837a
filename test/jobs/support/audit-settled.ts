// Runs one audit job of a probe-store shop (and the confirmation re-run it may queue) and waits until the queue
// is idle and every run of the shop succeeded; answers the shop's runs, newest first.
import type { Jobs } from '../../../src/jobs/jobs-runtime.ts';
import type { RunRecord, Store } from '../../../src/store/index.ts';
import type { ProbeState, ProbeStore } from './probe-store.ts';
import { waitFor } from './processes.ts';

export async function auditSettled(env: { store: Store; jobs: Jobs; probe: ProbeStore }, name: string, states: Array<Partial<ProbeState>>): Promise<RunRecord[]> {
  const { store, jobs, probe } = env;
  const shop = `${name}.example`;
  probe.script(name, states);
  const before = (await store.runs.list(shop, { limit: 100 })).items.length;
  await jobs.queue.enqueue({ shop, storeUrl: probe.shopUrl(name), triggeredBy: 'schedule' });
  return waitFor(`audit of ${name}`, async () => {
    const runs = (await store.runs.list(shop, { limit: 100 })).items;
    const depth = await jobs.queue.depth();
    const settled = runs.length > before && runs.every((r) => r.status === 'succeeded') && depth.queued === 0 && depth.active === 0;
    return settled ? runs : null;
  });
}
