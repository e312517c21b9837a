// Scale-out mode (pg-boss on PostgreSQL, a unique schema per file): worker processes share the queue; one
// killed with SIGKILL mid-audit loses no job and duplicates no run, and one shop never runs two audits at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { createPgBossQueue } from '../../src/jobs/pgboss-queue.ts';
import type { AuditQueue } from '../../src/jobs/queue.ts';
import { dropSchemas, PG_URL, uniqueSchema } from './support/pg.ts';
import { startProbeStore, type ProbeStore } from './support/probe-store.ts';
import { startWorker, waitFor, type WorkerProcess } from './support/processes.ts';

const logger = pino({ level: 'silent' });
const schema = uniqueSchema('t_jobs_pgboss');
let probe: ProbeStore;
let dir: string;
let store: Store;
let queue: AuditQueue;
const workers: WorkerProcess[] = [];

const workerEnv = () => ({ JOBS_DATABASE_URL: PG_URL, JOBS_SCHEMA: schema, JOBS_DATA_DIR: dir, JOBS_LEASE_SECONDS: '10', JOBS_POLL_MS: '500' });

beforeAll(async () => {
  probe = await startProbeStore();
  dir = mkdtempSync(join(tmpdir(), 'jobs-pgboss-'));
  store = await openStore({ url: PG_URL, schema, poolSize: 4 });
  queue = await createPgBossQueue({ databaseUrl: PG_URL, schema: `${schema}_boss`, logger, heartbeatSeconds: 10, superviseIntervalSeconds: 1 });
  workers.push(await startWorker(workerEnv()), await startWorker(workerEnv()));
});

afterAll(async () => {
  for (const w of workers) await w.kill();
  await queue?.stop({ graceful: false });
  await store?.close();
  await probe.close();
  await dropSchemas(schema, `${schema}_boss`);
  rmSync(dir, { recursive: true, force: true });
});

async function runsOf(shop: string) {
  return (await store.runs.list(shop)).items;
}

describe('pg-boss workers', () => {
  test('a worker killed mid-audit: another worker finishes the job, one run with two attempts', async () => {
    probe.set('killed', { hold: true });
    const jobId = await queue.enqueue({ shop: 'killed.example', storeUrl: probe.shopUrl('killed'), triggeredBy: 'cli' });
    expect(jobId).toBeTruthy();
    await probe.waitForStart('killed', 1);
    const [run] = await runsOf('killed.example');
    expect(run).toMatchObject({ status: 'running', attempts: 1, jobId });
    const victim = workers.find((w) => run?.workerId?.includes(`-${w.child.pid}-`));
    expect(victim, `no worker process owns ${run?.workerId}`).toBeDefined();
    await victim?.kill('SIGKILL');
    probe.release('killed');

    const done = await waitFor('run succeeded', async () => {
      const runs = await runsOf('killed.example');
      return runs[0]?.status === 'succeeded' ? runs : null;
    }, 90_000);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ attempts: 2, jobId });
    expect(done[0]?.workerId).not.toBe(run?.workerId);
    expect(probe.started('killed')).toBe(2);
    await waitFor('job completed', async () => !(await queue.jobAlive(String(jobId))));
  }, 120_000);

  test('one shop never has two audits running at once, even with two free workers', async () => {
    workers.push(await startWorker(workerEnv()));
    probe.set('busy', { delayMs: 1500 });
    const ids = [
      await queue.enqueue({ shop: 'busy.example', storeUrl: probe.shopUrl('busy'), triggeredBy: 'manual' }),
      await queue.enqueue({ shop: 'busy.example', storeUrl: probe.shopUrl('busy'), triggeredBy: 'schedule' }),
    ];
    expect(ids.every(Boolean)).toBe(true);
    await waitFor('both runs succeeded', async () => {
      const runs = await runsOf('busy.example');
      return runs.length === 2 && runs.every((r) => r.status === 'succeeded');
    }, 60_000);
    expect(probe.started('busy')).toBe(2);
    expect(probe.maxConcurrent('busy')).toBe(1);
  }, 90_000);

  test('an explicit dedupe key (a confirmation re-run) is queued once however often it is sent', async () => {
    probe.set('dedupe', { hold: true });
    const job = { shop: 'dedupe.example', storeUrl: probe.shopUrl('dedupe'), triggeredBy: 'confirm', confirmOf: 7 };
    const first = await queue.enqueue(job, { dedupeKey: 'dedupe.example:confirm:7' });
    expect(first).toBeTruthy();
    expect(await queue.enqueue(job, { dedupeKey: 'dedupe.example:confirm:7' })).toBeNull();
    await queue.cancelShop('dedupe.example');
    probe.release('dedupe');
  }, 90_000);
});
