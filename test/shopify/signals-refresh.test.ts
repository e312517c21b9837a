// Scheduled audits are queued without the app server, so the server refreshes stale storefront signals (embed,
// app names, field vitals, performanceEvents) on its own: each installed shop whose signals are older than the
// limit is read again, fresh and uninstalled shops are left alone, and one failing shop does not stop the pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const STALE = 'stale.myshopify.com';
const FRESH = 'fresh.myshopify.com';
const BROKEN = 'broken.myshopify.com';
const GONE = 'gone-away.myshopify.com';
const backend = sqliteBackend();
let h: Harness;

const signalReads = (shop: string) => h.standIn.state.requests.filter((r) => r.shop === shop && r.operation === 'MainThemeSettings').length;
const age = async (shop: string, hours: number) => {
  const saved = (await h.store.settings.get<Record<string, unknown>>(shop, 'shopifyStorefront'))!;
  await h.store.settings.set(shop, 'shopifyStorefront', { ...saved, checkedAt: new Date(Date.now() - hours * 3_600_000).toISOString() });
};

beforeAll(async () => {
  h = await startHarness(backend);
  for (const shop of [STALE, FRESH, BROKEN, GONE]) {
    h.standIn.addShop({ shop, primaryDomain: shop.replace('.myshopify.com', '.example') });
    expect((await h.api('/api/shop/storefront-plugin?refresh=1', { token: await h.standIn.sessionToken(shop) })).status).toBe(200);
  }
});
afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

describe('stale storefront signals are refreshed by the server', () => {
  it('re-reads the stale shop (a theme published since shows up), skips the fresh and the uninstalled, survives a failing one', async () => {
    expect(h.server.signals).not.toBeNull();
    await age(STALE, 13);
    await age(BROKEN, 13);
    await age(GONE, 13);
    await h.store.shops.markUninstalled(GONE);
    h.standIn.state.shops.get(STALE)!.performanceEvents.push({ type: 'THEME_PUBLICATION', occurrence: new Date().toISOString(), metadata: { theme_name: 'Horizon' } });
    // Shopify keeps failing for one shop (more 5xx than the Admin API client retries).
    h.standIn.failNext(BROKEN, 503, 50);
    const before = { stale: signalReads(STALE), fresh: signalReads(FRESH), gone: signalReads(GONE) };

    const refreshed = await h.server.signals!.refreshStale();

    expect(refreshed).toBe(1);
    expect(signalReads(STALE)).toBe(before.stale + 1);
    expect(signalReads(FRESH)).toBe(before.fresh);
    expect(signalReads(GONE)).toBe(before.gone);
    const stale = (await h.store.settings.get<{ checkedAt: string; changes: { kind: string; subject: string | null }[] }>(STALE, 'shopifyStorefront'))!;
    expect(Date.now() - Date.parse(stale.checkedAt)).toBeLessThan(60_000);
    expect(stale.changes.at(-1)).toMatchObject({ kind: 'theme-publication', subject: 'Horizon' });
  }, 60_000);
});
