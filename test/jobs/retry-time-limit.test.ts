// A hung store hangs the real Chromium of the audit: the time limit kills that Chrome, the job is retried
// with growing delays up to its cap, then fails, and the run history shows why, with timings and attempts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { retryDelayMs } from '../../src/jobs/backoff.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/jobs/queue.ts';
import { probeAudit, probeTrace } from './support/probe-audit.ts';
import { startProbeStore, type ProbeStore } from './support/probe-store.ts';
import { waitFor } from './support/processes.ts';

let probe: ProbeStore;
let dir: string;
let store: Store;
let jobs: Jobs;

beforeAll(async () => {
  probe = await startProbeStore();
  dir = mkdtempSync(join(tmpdir(), 'jobs-retry-'));
  store = await openStore({ url: `sqlite:${join(dir, 'db.sqlite')}` });
  jobs = await createJobs({
    store,
    logger: pino({ level: 'silent' }),
    runAudit: probeAudit,
    dataDir: dir,
    allowPrivateAddresses: true,
    pollIntervalMs: 100,
    retry: { maxAttempts: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 1.5, timeLimitSeconds: 10 },
  });
  await jobs.startWorker();
});

afterAll(async () => {
  await jobs.stop({ graceful: false });
  await store.close();
  await probe.close();
  rmSync(dir, { recursive: true, force: true });
});

function childChromes(): string[] {
  const out = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'comm='], { encoding: 'utf8' });
  return out.split('\n').filter((name) => /chrom/i.test(name));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('time limit, retries with backoff, failure reason', () => {
  test('backoff doubles per attempt, is jittered, and stops at the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, retryDelaySeconds: 30, retryDelayMaxSeconds: 300 };
    expect(retryDelayMs(policy, 1, () => 0)).toBe(15_000);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(30_000);
    expect(retryDelayMs(policy, 2, () => 1)).toBe(60_000);
    expect(retryDelayMs(policy, 3, () => 1)).toBe(120_000);
    expect(retryDelayMs(policy, 10, () => 1)).toBe(300_000);
  });

  test('a hung Chrome is killed at the time limit, retried with delays, then the run fails with the reason', async () => {
    probe.set('hung', { hold: true });
    probeTrace.chromePids.length = 0;
    probeTrace.startedAt.length = 0;
    const jobId = await jobs.queue.enqueue({
      shop: 'hung.example',
      storeUrl: probe.shopUrl('hung'),
      triggeredBy: 'cli',
      options: { auditOptions: { probe: { useBrowser: true } } },
    });

    const [retrying] = await waitFor('first attempt failed and waits for its retry', async () => {
      const runs = (await store.runs.list('hung.example')).items;
      return runs[0]?.status === 'queued' && runs[0].attempts === 1 ? runs : null;
    });
    expect(retrying?.error).toMatch(/attempt 1 of 3 failed: audit exceeded its time limit of 10s/);

    const job = await waitFor('job failed', async () => {
      const j = await store.jobs.get(Number(jobId));
      return j?.status === 'failed' ? j : null;
    }, 90_000);
    expect(job.attempts).toBe(3);
    const runs = (await store.runs.list('hung.example')).items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'failed', attempts: 3, jobId });
    expect(runs[0]?.error).toMatch(/failed after 3 attempt\(s\): audit exceeded its time limit of 10s; the browser was killed/);
    expect(runs[0]?.startedAt).toBeTruthy();
    expect(runs[0]?.finishedAt).toBeTruthy();

    // Each attempt that got its Chrome running saw it killed, and no Chrome of this process is left at all
    // (one still launching when the limit passed, as happens on a loaded machine, is killed on arrival).
    await waitFor('every Chrome killed', async () => probeTrace.chromePids.every((pid) => !alive(pid)) && childChromes().length === 0, 15_000);
    // Attempts are spaced by the time limit plus at least half the retry delay.
    const gaps = probeTrace.startedAt.slice(1).map((t, i) => t - (probeTrace.startedAt[i] as number));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(10_000 + 500);
  }, 120_000);
});
