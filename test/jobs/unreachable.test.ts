// A scheduled audit of a store that cannot be reached fails on its first attempt with one plain reason, on
// both queues (embedded SQLite and pg-boss on PostgreSQL), instead of being retried twice minutes apart.
// The real engine's runAudit runs: discovery's own request meets a closed port or a store that never answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAudit } from '../../src/engine/run-audit.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { runErrorKey } from '../../src/admin/run-error.ts';
import { dropSchemas, PG_URL, QUEUE_BACKENDS, uniqueSchema } from './support/pg.ts';
import { waitFor } from './support/processes.ts';

/** A port nothing listens on: bound, noted, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A store that takes the connection and never answers (a hung origin, a dead load balancer). */
async function silentStore(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

describe.each(QUEUE_BACKENDS)('unreachable store, $name', ({ pg }) => {
  const schema = uniqueSchema('t_unreachable');
  let dir: string;
  let store: Store;
  let jobs: Jobs;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jobs-unreachable-'));
    store = pg ? await openStore({ url: PG_URL, schema, poolSize: 4 }) : await openStore({ url: `sqlite:${join(dir, 'db.sqlite')}` });
    jobs = await createJobs({
      store,
      logger: pino({ level: 'silent' }),
      runAudit,
      dataDir: dir,
      allowPrivateAddresses: true,
      pollIntervalMs: 100,
      ...(pg ? { databaseUrl: PG_URL, pgBossSchema: `${schema}_boss`, superviseIntervalSeconds: 1, leaseSeconds: 10 } : {}),
      // Retries close together, so a retry that should not happen would happen within the test.
      retry: { maxAttempts: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 },
    });
    await jobs.startWorker();
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await store?.close();
    if (pg) await dropSchemas(schema, `${schema}_boss`);
    rmSync(dir, { recursive: true, force: true });
  });

  async function auditOnce(shop: string, storeUrl: string) {
    await store.shops.upsert(shop, { storeUrl, timezone: 'UTC' });
    const jobId = await jobs.queue.enqueue({ shop, storeUrl, triggeredBy: 'schedule' });
    expect(jobId).toBeTruthy();
    const run = await waitFor('the run ended', async () => {
      const [latest] = (await store.runs.list(shop)).items;
      return latest && latest.status !== 'queued' && latest.status !== 'running' ? latest : null;
    }, 90_000);
    await waitFor('the job is finished, no retry pending', async () => !(await jobs.queue.jobAlive(String(jobId))), 30_000);
    // Past the retry delay: a retry, had one been queued, would have started a second attempt by now.
    await new Promise((done) => setTimeout(done, 2_500));
    return { run: (await store.runs.get(shop, run.id))!, all: (await store.runs.list(shop)).items };
  }

  test('a closed port: failed after one attempt, no retry, the admin shows its "could not reach" sentence', async () => {
    const port = await closedPort();
    const { run, all } = await auditOnce('closed.example', `http://127.0.0.1:${port}/`);
    expect(all).toHaveLength(1);
    expect(run).toMatchObject({ status: 'failed', attempts: 1 });
    expect(run.error).toMatch(/^store_unreachable: Cannot reach the store at http:\/\/127\.0\.0\.1:\d+\/: .*(refused|ECONNREFUSED)/i);
    expect(runErrorKey(run.error)).toBe('runError.unreachable');
  }, 120_000);

  test.skipIf(pg)('a store that never answers: failed after one attempt at discovery\'s timeout, not retried', async () => {
    const silent = await silentStore();
    try {
      const { run, all } = await auditOnce('silent.example', silent.url);
      expect(all).toHaveLength(1);
      expect(run).toMatchObject({ status: 'failed', attempts: 1 });
      expect(run.error).toMatch(/^store_unreachable: Cannot reach the store at/);
      expect(runErrorKey(run.error)).toBe('runError.unreachable');
    } finally {
      await silent.close();
    }
  }, 120_000);
});
