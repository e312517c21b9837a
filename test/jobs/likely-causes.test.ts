// A confirmed regression names its likely causes: the storefront changes the platform reported (Shopify's
// performanceEvents, saved with the storefront signals) between the last good run and the regressed one. Real
// embedded jobs layer, real SQLite, the probe store's figures scripted per run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { changesBetween, type StorefrontChange } from '../../src/jobs/likely-causes.ts';
import { probeAudit } from './support/probe-audit.ts';
import { startProbeStore, type ProbeState, type ProbeStore } from './support/probe-store.ts';
import { waitFor } from './support/processes.ts';
import { auditSettled } from './support/audit-settled.ts';

let probe: ProbeStore;
let dir: string;
let store: Store;
let jobs: Jobs;

beforeAll(async () => {
  probe = await startProbeStore();
  dir = mkdtempSync(join(tmpdir(), 'likely-causes-'));
  store = await openStore({ url: `sqlite:${join(dir, 'db.sqlite')}` });
  jobs = await createJobs({ store, logger: pino({ level: 'silent' }), runAudit: probeAudit, dataDir: dir, allowPrivateAddresses: true, pollIntervalMs: 50 });
  await jobs.startWorker();
});

afterAll(async () => {
  await jobs?.stop({ graceful: false });
  await store?.close();
  await probe?.close();
  rmSync(dir, { recursive: true, force: true });
});

const audit = (name: string, states: Array<Partial<ProbeState>>) => auditSettled({ store, jobs, probe }, name, states);

const change = (kind: StorefrontChange['kind'], at: Date, subject: string | null): StorefrontChange => ({ kind, at: at.toISOString(), subject, source: 'shopify' });

describe('likely causes of a regression', () => {
  test('picks the changes after one time up to another, oldest first', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 11, 1, 12, m));
    const changes = [change('theme-live-edit', t(30), null), change('app-install', t(10), 'Chatly'), change('theme-publication', t(0), 'Dawn')];
    expect(changesBetween(changes, t(0).toISOString(), t(30).toISOString()).map((c) => c.kind)).toEqual(['app-install', 'theme-live-edit']);
    expect(changesBetween(changes, null, t(5).toISOString()).map((c) => c.kind)).toEqual(['theme-publication']);
  });

  test('a confirmed regression carries the app installed since the last good run, not older changes', async () => {
    const shop = 'changed.example';
    await store.shops.upsert(shop, { storeUrl: probe.shopUrl('changed'), timezone: 'UTC' });
    const older = change('theme-publication', new Date(Date.now() - 86_400_000), 'Dawn');
    for (let i = 0; i < 3; i++) await audit('changed', [{ score: 90, lcpMs: 1500 }]);
    const installed = change('app-install', new Date(), 'Chatly');
    await store.settings.set(shop, 'shopifyStorefront', { appNames: {}, fieldVitals: [], changes: [older, installed] });
    await audit('changed', [{ score: 60, lcpMs: 4200 }, { score: 58, lcpMs: 4300 }]);
    const alert = await waitFor('regression firing', async () => {
      const state = await store.alerts.get(shop, 'regression');
      return state?.state === 'firing' ? state : null;
    });
    expect((alert.details as { likelyCauses: StorefrontChange[] }).likelyCauses).toEqual([installed]);
    // While it lasts, later runs keep the causes it was confirmed with.
    await audit('changed', [{ score: 59, lcpMs: 4250 }]);
    expect(((await store.alerts.get(shop, 'regression'))!.details as { likelyCauses: StorefrontChange[] }).likelyCauses).toEqual([installed]);
  });

  test('no saved changes: the regression is reported with no cause rather than a guessed one', async () => {
    const shop = 'unchanged.example';
    await store.shops.upsert(shop, { storeUrl: probe.shopUrl('unchanged'), timezone: 'UTC' });
    for (let i = 0; i < 3; i++) await audit('unchanged', [{ score: 90, lcpMs: 1500 }]);
    await audit('unchanged', [{ score: 60, lcpMs: 4200 }, { score: 58, lcpMs: 4300 }]);
    const alert = await waitFor('regression firing', async () => {
      const state = await store.alerts.get(shop, 'regression');
      return state?.state === 'firing' ? state : null;
    });
    expect((alert.details as { likelyCauses: StorefrontChange[] }).likelyCauses).toEqual([]);
  });
});
