// Embedded mode (SQLite job table): a worker process killed with SIGKILL in the middle of an audit loses no
// job and duplicates no run; the restarted process takes the job over once the dead one's lease runs out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { createEmbeddedQueue } from '../../src/jobs/embedded-queue.ts';
import { beginRunForJob } from '../../src/jobs/run-ledger.ts';
import { parseAuditJob } from '../../src/jobs/audit-job.ts';
import { probeAudit } from './support/probe-audit.ts';
import { startProbeStore, type ProbeStore } from './support/probe-store.ts';
import { startWorker, waitFor, type WorkerProcess } from './support/processes.ts';

const logger = pino({ level: 'silent' });
let probe: ProbeStore;
let dir: string;
let dbPath: string;
let store: Store;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  probe = await startProbeStore();
  dir = mkdtempSync(join(tmpdir(), 'jobs-embedded-'));
  dbPath = join(dir, 'db.sqlite');
  store = await openStore({ url: `sqlite:${dbPath}` });
});

afterAll(async () => {
  for (const w of workers) await w.kill();
  await store.close();
  await probe.close();
  rmSync(dir, { recursive: true, force: true });
});

const workerEnv = () => ({ JOBS_DATABASE_URL: dbPath, JOBS_DATA_DIR: dir, JOBS_LEASE_SECONDS: '2', JOBS_POLL_MS: '200' });

describe('embedded queue across a SIGKILL', () => {
  test('a job running when its process is killed is finished after restart: one run, two attempts', async () => {
    const queue = createEmbeddedQueue({ store, logger });
    probe.set('killed', { hold: true });
    const jobId = await queue.enqueue({ shop: 'killed.example', storeUrl: probe.shopUrl('killed'), triggeredBy: 'cli' });
    expect(jobId).not.toBeNull();

    const first = await startWorker(workerEnv());
    workers.push(first);
    await probe.waitForStart('killed', 1);
    const running = (await store.runs.list('killed.example')).items;
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ status: 'running', attempts: 1, jobId });

    await first.kill('SIGKILL');
    probe.release('killed');
    const second = await startWorker(workerEnv());
    workers.push(second);

    const job = await waitFor('job completed', async () => {
      const j = await store.jobs.get(Number(jobId));
      return j?.status === 'completed' ? j : null;
    });
    expect(job.attempts).toBe(2);
    const runs = (await store.runs.list('killed.example')).items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', attempts: 2, jobId, storeScore: 90 });
    expect(probe.started('killed')).toBe(2);
    await second.kill('SIGTERM');
  });

  test('a job whose run was saved just before the kill is acknowledged without auditing again', async () => {
    const queue = createEmbeddedQueue({ store, logger });
    const jobId = await queue.enqueue({ shop: 'saved.example', storeUrl: probe.shopUrl('saved'), triggeredBy: 'cli' });
    // The state a kill between "run saved" and "job acknowledged" leaves: the job active under a dead worker's
    // lapsed lease, its run already succeeded.
    const claimed = await store.jobs.claim('storefront-audit', 'dead-worker', 1);
    expect(claimed?.id).toBe(Number(jobId));
    const attempt = { id: String(jobId), data: parseAuditJob(claimed?.payload), attempt: 1, maxAttempts: 3 };
    const { runId } = await beginRunForJob(store, attempt, 'dead-worker');
    await store.runs.complete('saved.example', runId, await probeAudit(probe.shopUrl('saved'), { artifactsDir: dir }));
    const auditsBefore = probe.started('saved');

    const worker = await startWorker(workerEnv());
    workers.push(worker);
    await waitFor('job completed', async () => (await store.jobs.get(Number(jobId)))?.status === 'completed');
    expect(probe.started('saved')).toBe(auditsBefore);
    const runs = (await store.runs.list('saved.example')).items;
    expect(runs.map((r) => [r.id, r.status])).toEqual([[runId, 'succeeded']]);
    await worker.kill('SIGTERM');
  });
});
