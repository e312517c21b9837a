// The lazy hero's lab LCP must not follow Chrome's priority race (3 s when its request stayed Low, 15 s when it
// was raised). One real Lighthouse run of the defective demo store's home; the race is then forced both ways on
// its own devtools log, and each log is audited by Lighthouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFlowArtifacts, navigation, type Artifacts, type RunnerResult } from 'lighthouse';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { lighthouseSettings } from '../../audits/load-time/lighthouse-settings.ts';
import { lowPriorityLcpImage, withLcpImageCounted, withPriorityRaised } from '../../audits/load-time/lcp-image-priority.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';

let pool: BrowserPool;
let store: DemoStore;
let run: RunnerResult;
const { flags, config } = lighthouseSettings('mobile');

/** The run with the hero's request forced to end at `priority`, as if Chrome had (not) raised it. */
function forced(priority: 'Low' | 'High'): RunnerResult {
  const log = run.artifacts.DevtoolsLog;
  const hero = log.find((e) => e.method === 'Network.requestWillBeSent' && e.params.request.url.includes('hero-banner'));
  if (!hero || hero.method !== 'Network.requestWillBeSent') throw new Error('no hero request in the log');
  const at = log.indexOf(hero);
  const change = { ...hero, method: 'Network.resourceChangedPriority', params: { requestId: hero.params.requestId, newPriority: priority, timestamp: hero.params.timestamp } } as Artifacts['DevtoolsLog'][number];
  // Appended last, so it wins over any raise Chrome logged in this run.
  const DevtoolsLog = [...log.slice(0, at + 1), ...log.slice(at + 1), change];
  return { ...run, artifacts: { ...run.artifacts, DevtoolsLog } };
}

const lcpOf = (lhr: RunnerResult['lhr']) => lhr.audits['largest-contentful-paint']?.numericValue ?? 0;

/**
 * The forced run's artifacts audited by Lighthouse as they are. Not the run's own lhr: that is the real run's,
 * whichever way its race went, and `withLcpImageCounted` hands it back unchanged when it raised nothing.
 */
async function audited(forcedRun: RunnerResult): Promise<RunnerResult['lhr']> {
  const flow = await auditFlowArtifacts({ gatherSteps: [{ artifacts: forcedRun.artifacts, flags }] }, config);
  const lhr = flow.steps[0]?.lhr;
  if (!lhr) throw new Error('Lighthouse audited no step');
  return lhr;
}

beforeAll(async () => {
  pool = new BrowserPool();
  store = await startDemoStore({ variant: 'defective' });
  const context = await pool.newContext();
  const page = await context.newPage();
  run = (await navigation(page, `${store.url}/`, { flags, config }))!;
  await context.close();
}, 180_000);

afterAll(async () => {
  await pool?.close();
  await store?.close();
});

describe('the LCP image in Lantern', () => {
  it('finds the painted hero when its request ended Low, and not when it ended High', async () => {
    expect(await lowPriorityLcpImage(forced('Low').artifacts)).toEqual(expect.any(String));
    expect(await lowPriorityLcpImage(forced('High').artifacts)).toBeNull();
  });

  it('audits a Low run again with the hero counted: the same LCP as a High run, not the 3 s that leaves it out', async () => {
    const high = await withLcpImageCounted(forced('High'), flags, config);
    const low = await withLcpImageCounted(forced('Low'), flags, config);
    expect(high.raised).toBe(false);
    expect(low.raised).toBe(true);
    const highLcp = lcpOf(await audited(forced('High')));
    // 2.7 MB over Lighthouse's simulated slow 4G: well over 10 s whichever way the race went.
    expect(highLcp).toBeGreaterThan(10_000);
    expect(lcpOf(low.lhr)).toBe(highLcp);
    // Not asserted: the image-delivery insight's own LCP saving. Lighthouse gives the same 2.65 MB hero 12.1 s in
    // one audit and 0 in the next (it failed CI once with 0), which is why the advisor prices that fix on the
    // image's wasted bytes (test/advisor/image-bytes.test.ts), not on this figure.
  }, 90_000);

  it('a Low run left uncorrected leaves the hero out of its LCP (the defect the correction is for)', async () => {
    expect(lcpOf(await audited(forced('Low')))).toBeLessThan(10_000);
  }, 60_000);

  it('leaves a log without that request untouched', () => {
    const log = run.artifacts.DevtoolsLog;
    expect(withPriorityRaised(log, 'no-such-request')).toBe(log);
  });
});
