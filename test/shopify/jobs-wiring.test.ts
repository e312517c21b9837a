// The lifecycle `serve` uses, on the real jobs layer (embedded SQLite queue, no worker started): install gives
// the shop its default schedule and a queued first audit, a theme publish queues a re-audit, uninstall disables
// the schedules and cancels what is queued.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { jobsLifecycle } from '../../src/server/jobs-lifecycle.ts';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOP = 'wired.myshopify.com';
const backend = sqliteBackend();
let h: Harness;
let jobsRef: Jobs | undefined;

beforeAll(async () => {
  h = await startHarness(backend, {
    makeLifecycle: async (store) => {
      const jobs = await createJobs({
        store,
        logger: pino({ level: 'silent' }),
        dataDir: backend.fresh().dataDir as string,
        runAudit: async () => {
          throw new Error('no worker runs in this test');
        },
      });
      jobsRef = jobs;
      return { lifecycle: jobsLifecycle(jobs, store), close: () => jobs.stop({ graceful: false }) };
    },
  });
  h.standIn.addShop({ shop: SHOP, primaryDomain: 'wired.example', timezone: 'Europe/Berlin' });
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

describe('shop lifecycle on the jobs layer', () => {
  it('install: default daily schedule in the shop time zone and the first audit queued', async () => {
    expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP) })).status).toBe(200);
    const schedule = await h.store.schedules.get(SHOP, 'default');
    expect(schedule).toMatchObject({ enabled: true, timezone: 'Europe/Berlin' });
    const jobs = await h.store.jobs.list({ shop: SHOP });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'queued' });
    expect(JSON.stringify(jobs[0])).toContain('https://wired.example/');
    expect(JSON.stringify(jobs[0])).toContain('install');
  });

  it('startAppServer reports the jobs layer on /health, 503 when it fails', async () => {
    const { startAppServer } = await import('../../src/server/start-app-server.ts');
    const { readConfig } = await import('../../src/config.ts');
    let failing = false;
    const jobs = {
      ...jobsRef!,
      health: async () => (failing ? Promise.reject(new Error('queue unreachable')) : jobsRef!.health()),
    };
    const running = await startAppServer({ config: readConfig({ NODE_ENV: 'test' }), logger: pino({ level: 'silent' }), store: h.store, jobs, port: 0 });
    try {
      const ok = await fetch(`${running.url}/health`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: 'ok', mode: 'standalone', checks: { ok: true, mode: 'embedded', queue: { queued: 1 } } });
      failing = true;
      const down = await fetch(`${running.url}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { ok: false, error: 'queue unreachable' } });
    } finally {
      await running.close();
    }
  });

  it('uninstall: schedules disabled and queued audits cancelled at once', async () => {
    await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP });
    expect((await h.store.schedules.get(SHOP, 'default'))?.enabled).toBe(false);
    expect((await h.store.jobs.list({ shop: SHOP, status: 'queued' }))).toEqual([]);
  });
});
