// /metrics and /health on the real server with the real embedded jobs layer: what an operator scrapes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { createJobsLogger } from '../../src/jobs/logger.ts';
import { startAppServer } from '../../src/server/start-app-server.ts';
import { openStore, type Store } from '../../src/store/index.ts';

let dir: string;
let store: Store;
let jobs: Jobs;
let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'metrics-'));
  store = await openStore({ dataDir: dir });
  const logger = createJobsLogger('silent');
  jobs = await createJobs({ store, logger, dataDir: dir, runAudit: async () => { throw new Error('no audits in this test'); } });
  const config = { ...readConfig({}), dataDir: dir };
  server = await startAppServer({ config, logger, store, jobs, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await jobs?.stop();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('operations endpoints', () => {
  it('serves Prometheus metrics with the queue depth, counting a queued job', async () => {
    await jobs.queue.enqueue({ shop: 'metrics.example', storeUrl: 'https://metrics.example/' });
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/storefront_audit_queue_jobs\{state="queued"\} 1/);
    expect(body).toContain('storefront_audit_run_duration_seconds');
  });

  it('answers /health with the jobs readiness', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { ok: true } });
  });
});
