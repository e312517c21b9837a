// The queue commands (as the CLI calls them, embedded mode on a temporary data dir), their usage errors, and
// the operations side: Prometheus metrics, health data and the retention policy.
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readConfig, type AppConfig } from '../../src/config.ts';
import { enqueueCommand } from '../../src/cli/commands/enqueue.ts';
import { runsCommand } from '../../src/cli/commands/runs.ts';
import { scheduleAddCommand, scheduleListCommand, scheduleRemoveCommand } from '../../src/cli/commands/schedule.ts';
import { UsageError } from '../../src/engine/errors.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { applyRetention } from '../../src/jobs/retention.ts';
import { probeAudit } from './support/probe-audit.ts';
import { startProbeStore, type ProbeStore } from './support/probe-store.ts';
import { waitFor } from './support/processes.ts';

let dir: string;
let config: AppConfig;

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  return { out, text: () => text };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobs-cli-'));
  config = readConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('queue commands', () => {
  test('enqueue, schedule add/list/remove, runs', async () => {
    const enqueued = capture();
    expect(await enqueueCommand(config, 'https://shop.example/', { only: 'links', out: enqueued.out })).toBe(0);
    expect(enqueued.text()).toMatch(/^queued job \d+ for https:\/\/shop\.example\/ \(embedded mode\)/);
    const again = capture();
    await enqueueCommand(config, 'https://shop.example/', { out: again.out });
    expect(again.text()).toMatch(/already queued/);

    const added = capture();
    expect(await scheduleAddCommand(config, 'https://shop.example/', { every: 'weekly', tz: 'Europe/Paris', out: added.out })).toBe(0);
    expect(added.text()).toMatch(/^shop\.example default: weekly \(cron "\d+ \d+ \* \* [0-6]" Europe\/Paris\), next 20/);
    const listed = capture();
    await scheduleListCommand(config, { json: true, out: listed.out });
    expect(JSON.parse(listed.text())).toMatchObject([{ shop: 'shop.example', every: 'weekly', timezone: 'Europe/Paris' }]);
    await scheduleRemoveCommand(config, 'shop.example', { out: capture().out });
    const empty = capture();
    await scheduleListCommand(config, { out: empty.out });
    expect(empty.text()).toBe('no schedules\n');

    const runs = capture();
    await runsCommand(config, { json: true, out: runs.out });
    expect(JSON.parse(runs.text())).toEqual([]);
  });

  test('bad input is a usage error that names the problem, and changes nothing', async () => {
    await expect(enqueueCommand(config, 'not a url')).rejects.toBeInstanceOf(UsageError);
    await expect(enqueueCommand(config, 'https://shop.example/', { only: 'speed' })).rejects.toThrow(/unknown audit "speed"/);
    await expect(scheduleAddCommand(config, 'https://other.example/', { every: '*/1 * * * *' })).rejects.toThrow(UsageError);
    await expect(scheduleAddCommand(config, 'https://other.example/', { every: 'daily', tz: 'Nowhere/City' })).rejects.toThrow(/unknown time zone/);
    await expect(scheduleRemoveCommand(config, 'nobody.example')).rejects.toThrow(/no schedule "default" for nobody\.example/);
    await expect(runsCommand(config, { limit: '0' })).rejects.toThrow(/--limit/);
    const listed = capture();
    await scheduleListCommand(config, { json: true, out: listed.out });
    expect(JSON.parse(listed.text())).toEqual([]);
  });
});

describe('operations', () => {
  let store: Store;
  let jobs: Jobs;
  let probe: ProbeStore;
  const opsDir = () => join(dir, 'ops');

  beforeAll(async () => {
    probe = await startProbeStore();
    mkdirSync(opsDir(), { recursive: true });
    store = await openStore({ url: `sqlite:${join(opsDir(), 'db.sqlite')}` });
    jobs = await createJobs({ store, logger: pino({ level: 'silent' }), runAudit: probeAudit, dataDir: opsDir(), allowPrivateAddresses: true, pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await jobs.stop({ graceful: false });
    await store.close();
    await probe.close();
  });

  test('metrics expose queue depth, run durations and failures; health reports the queue', async () => {
    await jobs.queue.enqueue({ shop: 'm.example', storeUrl: probe.shopUrl('m'), triggeredBy: 'cli' });
    let text = await jobs.metrics.registry.metrics();
    expect(text).toMatch(/storefront_audit_queue_jobs\{state="queued"\} 1/);
    await jobs.startWorker();
    await waitFor('run', async () => (await store.runs.list('m.example')).items[0]?.status === 'succeeded');
    text = await jobs.metrics.registry.metrics();
    expect(text).toMatch(/storefront_audit_run_duration_seconds_count\{outcome="succeeded"\} 1/);
    expect(text).toMatch(/storefront_audit_queue_jobs\{state="completed"\} 1/);
    expect(text).toMatch(/# TYPE storefront_audit_run_failures_total counter/);
    const health = await jobs.health();
    expect(health).toMatchObject({ ok: true, mode: 'embedded', queue: { queued: 0, completed: 1 }, worker: { running: true } });
    expect(health.worker.lastJobFinishedAt).toBeTruthy();
  });

  test('retention deletes old runs and screenshots, keeps recent ones, and cleans folders of vanished runs', async () => {
    const [run] = (await store.runs.list('m.example')).items;
    const artifacts = join(opsDir(), 'artifacts');
    mkdirSync(join(artifacts, String(run?.id)), { recursive: true });
    writeFileSync(join(artifacts, String(run?.id), 'step.png'), 'png');
    mkdirSync(join(artifacts, '999999'), { recursive: true });

    const now = new Date();
    expect(await applyRetention(store, artifacts, { runDays: 180, screenshotDays: 30 }, now)).toEqual({ runsDeleted: 0, artifactDirsDeleted: 1 });
    expect(existsSync(join(artifacts, String(run?.id), 'step.png'))).toBe(true);
    expect(existsSync(join(artifacts, '999999'))).toBe(false);

    const in40Days = new Date(now.getTime() + 40 * 86_400_000);
    expect(await applyRetention(store, artifacts, { runDays: 180, screenshotDays: 30 }, in40Days)).toEqual({ runsDeleted: 0, artifactDirsDeleted: 1 });
    expect((await store.runs.list('m.example')).items).toHaveLength(1);
    const in200Days = new Date(now.getTime() + 200 * 86_400_000);
    expect((await applyRetention(store, artifacts, { runDays: 180, screenshotDays: 30 }, in200Days)).runsDeleted).toBe(1);
    expect((await store.runs.list('m.example')).items).toHaveLength(0);
  });
});
