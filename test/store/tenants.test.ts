// Tenant isolation between two shops, shop/redact, webhook de-duplication, sessions, settings and fix
// decisions, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from './backends.ts';
import { makeReport } from './fixtures/report.ts';

const A = 'tenant-a.myshopify.com';
const B = 'tenant-b.myshopify.com';

describe.each(BACKENDS)('tenants on %s', (_name, makeBackend) => {
  let backend: TestBackend;
  let store: Store;

  beforeAll(async () => {
    backend = makeBackend();
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend?.cleanup();
  });

  async function fillShop(shop: string): Promise<number> {
    await store.shops.upsert(shop, { name: shop, currency: 'EUR', primaryDomain: `www.${shop}` });
    const run = await store.runs.saveReport(shop, makeReport({ fixes: 2 }));
    await store.fixes.set(shop, 'fix-0', 'done', { runId: run.id, estimate: { central: 100 } });
    await store.settings.set(shop, 'budgets', { lcpMs: 2500 });
    await store.schedules.upsert({ shop, cron: '17 3 * * *', timezone: 'Europe/Berlin', nextRunAt: '2026-11-24T02:17:00Z' });
    await store.sessions.put({ id: `offline_${shop}`, shop, data: 'sealed' });
    await store.webhooks.recordOnce(`wh-${shop}`, shop, 'themes/publish');
    await store.alerts.fire(shop, 'broken-links', { details: { count: 1 }, runId: run.id });
    await store.jobs.enqueue({ queue: 'audit', shop, payload: { shop } });
    await store.rum.insertBeacons([{ shop, occurredAt: '2026-11-20T10:00:00Z', template: 'product', device: 'mobile', metric: 'LCP', value: 2100 }]);
    await store.rum.insertFunnelEvents([{ shop, occurredAt: '2026-11-20T10:00:01Z', clientId: 'c1', eventId: `e-${shop}`, event: 'page_viewed' }]);
    await store.rum.rollupDay(shop, '2026-11-20');
    return run.id;
  }

  it('never shows one shop’s data to the other', async () => {
    const runA = await fillShop(A);
    const runB = await fillShop(B);
    await store.fixes.set(B, 'fix-1', 'ignored');

    expect(await store.runs.get(B, runA)).toBeNull();
    expect(await store.runs.getReport(B, runA)).toBeNull();
    expect(await store.runs.getFixes(B, runA)).toEqual([]);
    expect(await store.runs.getSection(B, runA, 'links')).toBeNull();
    await expect(store.runs.complete(B, runA, makeReport())).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.runs.fail(B, runA, 'x')).rejects.toMatchObject({ code: 'not-found' });
    expect((await store.runs.list(A)).items.map((r) => r.id)).toEqual([runA]);
    expect((await store.runs.latest(B))?.id).toBe(runB);

    expect((await store.fixes.list(A)).map((f) => f.fixId)).toEqual(['fix-0']);
    expect((await store.fixes.list(B)).map((f) => `${f.fixId}:${f.status}`)).toEqual(['fix-0:done', 'fix-1:ignored']);
    await store.settings.set(A, 'budgets', { lcpMs: 2000 });
    expect(await store.settings.get(B, 'budgets')).toEqual({ lcpMs: 2500 });
    expect((await store.schedules.list(A)).map((s) => s.shop)).toEqual([A]);
    expect((await store.sessions.findByShop(A)).map((s) => s.id)).toEqual([`offline_${A}`]);
    expect((await store.alerts.list(B)).map((a) => a.shop)).toEqual([B]);
    expect(await store.rum.countBeacons(A)).toBe(1);
    expect((await store.rum.daily(A, { from: '2026-11-01', to: '2026-11-30' })).map((d) => d.shop)).toEqual([A]);
  });

  it('deletes everything held for a shop in one go, and nothing of the other shop', async () => {
    const before = await store.runs.list(B);
    const deleted = await store.deleteShopData(A);
    const receipts = await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM processed_webhooks WHERE shop = ?', [A]);
    for (const table of ['shops', 'runs', 'run_sections', 'run_fixes', 'fix_status', 'settings', 'schedules', 'shopify_sessions',
      'alert_state', 'jobs', 'rum_beacons', 'funnel_events', 'rum_daily']) {
      expect(deleted[table], table).toBeGreaterThan(0);
      const left = await store.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE shop = ?`, [A]);
      expect(Number(left?.n), table).toBe(0);
    }
    expect(await store.shops.get(A)).toBeNull();
    // Webhook receipts (ids only) survive, so a retry of the redact's own delivery is seen as a duplicate.
    expect(deleted.processed_webhooks).toBeUndefined();
    expect(Number((await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM processed_webhooks WHERE shop = ?', [A]))?.n)).toBe(Number(receipts?.n));
    expect((await store.runs.list(B)).items).toEqual(before.items);
    expect(await store.settings.get(B, 'budgets')).toEqual({ lcpMs: 2500 });
    expect(await store.rum.countBeacons(B)).toBe(1);
    // A second redact (Shopify may resend it) finds nothing and succeeds.
    const again = await store.deleteShopData(A);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    await expect(store.deleteShopData('')).rejects.toThrow(/shop must be a non-empty string/);
  });

  it('processes a webhook id once, even when deliveries race', async () => {
    await expect(store.webhooks.recordOnce('', B, 'x')).rejects.toMatchObject({ code: 'invalid-input' });
    const results = await Promise.all(Array.from({ length: 5 }, () => store.webhooks.recordOnce('wh-race', B, 'app/uninstalled')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.webhooks.recordOnce('wh-race', B, 'app/uninstalled')).toBe(false);
    await store.webhooks.forget('wh-race');
    expect(await store.webhooks.recordOnce('wh-race', B, 'app/uninstalled')).toBe(true);
    expect(await store.webhooks.pruneBefore(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await store.webhooks.recordOnce('wh-race', B, 'app/uninstalled')).toBe(true);
  });

  it('stores sessions as opaque text with expiry, and removes them by id or by shop', async () => {
    await store.sessions.put({ id: 's1', shop: B, data: 'v1', expiresAt: '2027-01-01T00:00:00Z' });
    await store.sessions.put({ id: 's1', shop: B, data: 'v2', expiresAt: null });
    expect(await store.sessions.get('s1')).toMatchObject({ id: 's1', shop: B, data: 'v2', expiresAt: null });
    await store.sessions.put({ id: 's2', shop: B, data: 'x', expiresAt: new Date('2027-01-01T00:00:00Z') });
    expect((await store.sessions.get('s2'))?.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(await store.sessions.remove(['s1', 'missing'])).toBe(1);
    expect(await store.sessions.get('s1')).toBeNull();
    expect(await store.sessions.removeByShop(B)).toBe(2);
  });

  it('keeps fix decisions across runs, updates and clears them, and rejects bad statuses', async () => {
    await store.fixes.set(B, 'render-blocking:theme.js', 'ignored', { note: 'theme vendor' });
    expect((await store.fixes.get(B, 'render-blocking:theme.js'))?.status).toBe('ignored');
    await store.fixes.set(B, 'render-blocking:theme.js', 'done');
    expect(await store.fixes.get(B, 'render-blocking:theme.js')).toMatchObject({ status: 'done', note: null });
    await expect(store.fixes.set(B, 'x', 'maybe' as 'done')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await store.fixes.clear(B, 'render-blocking:theme.js')).toBe(true);
    expect(await store.fixes.get(B, 'render-blocking:theme.js')).toBeNull();
  });

  it('keeps each setting under its own name', async () => {
    await store.settings.set(B, 'alertChannels', { email: 'owner@example.com', webhook: null });
    await store.settings.set(B, 'storeInputs', { sessions: 12000, conversionRate: 0.021, source: { sessions: 'shopify' } });
    expect(await store.settings.getAll(B)).toEqual({
      alertChannels: { email: 'owner@example.com', webhook: null },
      budgets: { lcpMs: 2500 },
      storeInputs: { sessions: 12000, conversionRate: 0.021, source: { sessions: 'shopify' } },
    });
    expect(await store.settings.remove(B, 'alertChannels')).toBe(true);
    expect(await store.settings.get(B, 'alertChannels')).toBeNull();
  });

  it('upserts shops field by field and tracks installation', async () => {
    await store.shops.upsert('c.myshopify.com', { name: 'C', currency: 'USD' });
    await store.shops.upsert('c.myshopify.com', { timezone: 'America/New_York' });
    expect(await store.shops.get('c.myshopify.com')).toMatchObject({ name: 'C', currency: 'USD', timezone: 'America/New_York' });
    await store.shops.markInstalled('c.myshopify.com');
    expect((await store.shops.list({ installedOnly: true })).map((s) => s.shop)).toContain('c.myshopify.com');
    await store.shops.upsert('c.myshopify.com', { installedAt: '2026-11-01T00:00:00+01:00' });
    expect((await store.shops.get('c.myshopify.com'))?.installedAt).toBe('2026-10-31T23:00:00.000Z');
    await store.shops.markUninstalled('c.myshopify.com');
    expect((await store.shops.list({ installedOnly: true })).map((s) => s.shop)).not.toContain('c.myshopify.com');
  });
});
