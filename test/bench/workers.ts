// Scale figures of the jobs layer (issue 8):
// 1. planning: 10,000 shops' default daily slots, busiest hour over the average (one time zone, and mixed);
// 2. crash safety: 3 worker processes on one PostgreSQL, 300 queued light audits (links only, demo store),
//    one worker SIGKILLed in the middle of a job: every audit must complete exactly once;
// 3. scaling: throughput with 1, 2 and 4 workers on the same light audits.
// Usage: npm run bench:workers  (PostgreSQL at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startDemoStore } from '../../src/demo-store/server.ts';
import { createPgBossQueue } from '../../src/jobs/pgboss-queue.ts';
import type { AuditQueue } from '../../src/jobs/queue.ts';
import { planSpread } from '../../src/jobs/schedule-spread.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { dropSchemas, PG_URL, uniqueSchema } from '../jobs/support/pg.ts';
import { startWorker, waitFor, type WorkerProcess } from '../jobs/support/processes.ts';

const CRASH_JOBS = Number(process.env.BENCH_CRASH_JOBS ?? 300);
const SCALE_JOBS = Number(process.env.BENCH_SCALE_JOBS ?? 24);
const LIGHT = { maxPages: 2, auditOptions: { links: { checkExternal: false } } };

function planning(): void {
  const zones = ['America/Los_Angeles', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin',
    'Europe/Istanbul', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney'];
  const started = performance.now();
  const one = planSpread(Array.from({ length: 10_000 }, (_, i) => ({ shop: `shop-${i}.myshopify.com`, timezone: 'America/New_York' })));
  const mixed = planSpread(Array.from({ length: 10_000 }, (_, i) => ({ shop: `shop-${i}.myshopify.com`, timezone: zones[i % zones.length] as string })));
  console.log('\n## planning: 10,000 shops, default daily off-peak slot');
  console.log(`one time zone:   busiest off-peak hour / average = ${one.maxHourOverAverage.toFixed(3)}  (limit 2)  busiest minute = ${one.maxPerMinute} shops (average ${(10_000 / 300).toFixed(1)})`);
  console.log(`12 time zones:   busiest UTC hour / average of 24 = ${mixed.maxUtcHourOverAverage.toFixed(3)}  (limit 2)  busiest minute = ${mixed.maxPerMinute}`);
  console.log(`planned both in ${Math.round(performance.now() - started)} ms`);
}

interface Cluster {
  schema: string;
  store: Store;
  queue: AuditQueue;
  workers: WorkerProcess[];
  env: Record<string, string>;
}

async function cluster(dir: string): Promise<Cluster> {
  const schema = uniqueSchema('bench_workers');
  const store = await openStore({ url: PG_URL, schema, poolSize: 4 });
  const queue = await createPgBossQueue({ databaseUrl: PG_URL, schema: `${schema}_boss`, logger: pino({ level: 'silent' }), schedule: false, heartbeatSeconds: 10, superviseIntervalSeconds: 2 });
  const env = { JOBS_DATABASE_URL: PG_URL, JOBS_SCHEMA: schema, JOBS_DATA_DIR: dir, JOBS_LEASE_SECONDS: '10', JOBS_POLL_MS: '500', AUDIT: 'engine' };
  return { schema, store, queue, workers: [], env };
}

async function closeCluster(c: Cluster): Promise<void> {
  for (const w of c.workers) await w.kill('SIGTERM').catch(() => w.kill('SIGKILL'));
  await c.queue.stop({ graceful: false });
  await c.store.close();
  await dropSchemas(c.schema, `${c.schema}_boss`);
}

async function enqueueMany(c: Cluster, storeUrl: string, prefix: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = await c.queue.enqueue({ shop: `${prefix}-${i}.example`, storeUrl, triggeredBy: 'bench', only: ['links'], options: LIGHT });
    if (!id) throw new Error(`job ${i} was not queued`);
  }
}

async function counts(store: Store, prefix: string) {
  return (await store.db.get<{ runs: number; jobs: number; shops: number; succeeded: number; retried: number }>(
    `SELECT COUNT(*) AS runs, COUNT(DISTINCT job_id) AS jobs, COUNT(DISTINCT shop) AS shops,
            SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded, SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END) AS retried
     FROM runs WHERE shop LIKE ?`,
    [`${prefix}-%`],
  )) as { runs: number; jobs: number; shops: number; succeeded: number; retried: number };
}

async function crashSafety(storeUrl: string, dir: string): Promise<void> {
  console.log(`\n## crash safety: 3 workers, ${CRASH_JOBS} light audits (links only, demo store), one worker SIGKILLed mid-job`);
  const c = await cluster(dir);
  try {
    for (let i = 0; i < 3; i++) c.workers.push(await startWorker(c.env));
    const started = performance.now();
    await enqueueMany(c, storeUrl, 'crash', CRASH_JOBS);
    await waitFor('a tenth of the audits done', async () => Number((await counts(c.store, 'crash')).succeeded) >= CRASH_JOBS / 10, 600_000);
    const running = await waitFor('a running audit', async () =>
      c.store.db.get<{ id: number; worker_id: string }>("SELECT id, worker_id FROM runs WHERE status = 'running' AND shop LIKE 'crash-%' LIMIT 1"));
    const victim = c.workers.find((w) => running.worker_id.includes(`-${w.child.pid}-`));
    if (!victim) throw new Error(`no worker owns ${running.worker_id}`);
    await victim.kill('SIGKILL');
    console.log(`killed worker pid ${victim.child.pid} while it ran run ${running.id}; starting a replacement`);
    c.workers.splice(c.workers.indexOf(victim), 1);
    c.workers.push(await startWorker(c.env));
    await waitFor('every audit done', async () => {
      const depth = await c.queue.depth();
      return Number((await counts(c.store, 'crash')).succeeded) >= CRASH_JOBS && depth.queued === 0 && depth.active === 0;
    }, 1_800_000);
    const seconds = (performance.now() - started) / 1000;
    const final = await counts(c.store, 'crash');
    const depth = await c.queue.depth();
    const killedRun = await c.store.db.get<{ attempts: number; status: string }>('SELECT attempts, status FROM runs WHERE id = ?', [running.id]);
    console.log(`queued ${CRASH_JOBS}; runs ${final.runs}; distinct jobs ${final.jobs}; distinct shops ${final.shops}; succeeded ${final.succeeded}`);
    console.log(`pg-boss jobs completed ${depth.completed}, failed ${depth.failed}; killed run: ${killedRun?.status} after ${killedRun?.attempts} attempts; runs retried: ${final.retried}`);
    console.log(`exactly once: ${Number(final.runs) === CRASH_JOBS && Number(final.jobs) === CRASH_JOBS && Number(final.shops) === CRASH_JOBS ? 'YES' : 'NO'}  (${seconds.toFixed(1)} s, ${((CRASH_JOBS / seconds) * 60).toFixed(0)} audits/min)`);
  } finally {
    await closeCluster(c);
  }
}

async function scaling(storeUrl: string, dir: string): Promise<void> {
  console.log(`\n## scaling: ${SCALE_JOBS} light audits with 1, 2 and 4 workers (one job at a time per worker)`);
  const results: Array<{ workers: number; perMinute: number }> = [];
  for (const n of [1, 2, 4]) {
    const c = await cluster(dir);
    try {
      for (let i = 0; i < n; i++) c.workers.push(await startWorker(c.env));
      const started = performance.now();
      await enqueueMany(c, storeUrl, `scale${n}`, SCALE_JOBS);
      await waitFor('all done', async () => Number((await counts(c.store, `scale${n}`)).succeeded) >= SCALE_JOBS, 1_800_000);
      const seconds = (performance.now() - started) / 1000;
      results.push({ workers: n, perMinute: (SCALE_JOBS / seconds) * 60 });
      console.log(`${n} worker(s): ${seconds.toFixed(1)} s, ${((SCALE_JOBS / seconds) * 60).toFixed(1)} audits/min`);
    } finally {
      await closeCluster(c);
    }
  }
  const base = results[0]?.perMinute ?? 1;
  console.log(`speed-up vs 1 worker: ${results.map((r) => `${r.workers}w ${(r.perMinute / base).toFixed(2)}x`).join(', ')}`);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-workers-'));
const demo = await startDemoStore({ variant: 'fixed' });
try {
  planning();
  await crashSafety(demo.url, dir);
  await scaling(demo.url, dir);
} finally {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
