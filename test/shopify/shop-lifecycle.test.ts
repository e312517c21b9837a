// The whole life of a shop, over HTTP against the real server: install through the first session token
// (token exchange), first audit requested, token refresh after expiry, theme publish → re-audit, uninstall,
// redact, and the customer-data compliance webhooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShopNotAuthorisedError } from '../../src/shopify/offline-token.ts';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOP = 'alpha.myshopify.com';
const backend = sqliteBackend();
let h: Harness;

beforeAll(async () => {
  h = await startHarness(backend);
  h.standIn.addShop({ shop: SHOP, name: 'Alpha Outfitters', primaryDomain: 'alpha.example', currency: 'EUR' });
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

const shopify = () => h.server.context.shopify!;

describe('a shop from install to redact', () => {
  it('installs on the first session token: token exchange, profile read, first audit requested once', async () => {
    const response = await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP) });
    expect(response.status).toBe(200);
    const profile = await response.json();
    expect(profile).toMatchObject({ shop: SHOP, name: 'Alpha Outfitters', primaryDomain: 'alpha.example', currency: 'EUR', mode: 'embedded' });
    expect(h.standIn.state.requests.filter((r) => r.kind === 'token-exchange' && r.status === 200)).toHaveLength(1);
    expect(h.installed).toEqual([SHOP]);
    expect(h.auditRequests).toEqual([{ shop: SHOP, url: 'https://alpha.example/', reason: 'install' }]);

    // A later request with a new token reuses the stored offline session: no second exchange, no second audit.
    const again = await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP) });
    expect(again.status).toBe(200);
    expect(h.standIn.state.requests.filter((r) => r.kind === 'token-exchange')).toHaveLength(1);
    expect(h.auditRequests).toHaveLength(1);
  });

  it('stores an expiring offline token with its refresh token, both readable only through the adapter', async () => {
    const [session] = await shopify().sessionStorage.findSessionsByShop(SHOP);
    expect(session?.accessToken).toMatch(/^shpat_/);
    expect(session?.refreshToken).toMatch(/^shprt_/);
    expect(session!.expires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    const [row] = await h.store.sessions.findByShop(SHOP);
    expect(row!.data).not.toContain(session!.accessToken!);
    expect(row!.data).not.toContain(session!.refreshToken!);
  });

  it('reads catalog handles, the main theme and 30-day store inputs through GraphQL', async () => {
    const token = await h.standIn.sessionToken(SHOP);
    const catalog = await (await h.api('/api/shop/catalog', { token })).json();
    expect(catalog).toEqual({
      products: ['classic-tee', 'canvas-tote', 'wool-beanie'],
      collections: ['frontpage', 'summer'],
      mainTheme: { id: 'gid://shopify/OnlineStoreTheme/1001', name: 'Dawn' },
    });
    const inputs = await (await h.api('/api/shop/store-inputs', { token })).json();
    expect(inputs).toMatchObject({ source: 'shopifyql', sessions: 6250, orders: 125, revenue: 12500, conversionRate: 0.02, averageOrderValue: 100 });
  });

  it('refreshes the offline token once it has expired, with no merchant present', async () => {
    const before = (await shopify().sessionStorage.findSessionsByShop(SHOP))[0]!;
    // An hour passes: the stored session and the stand-in's token both reach their expiry.
    before.expires = new Date(Date.now() - 1000);
    await shopify().sessionStorage.storeSession(before);
    h.standIn.state.tokens.get(before.accessToken!)!.expiresAt = Date.now() - 1000;

    const [tokenA, tokenB] = await Promise.all([shopify().getOfflineAccessToken(SHOP), shopify().getOfflineAccessToken(SHOP)]);
    expect(tokenA).toBe(tokenB);
    expect(tokenA).not.toBe(before.accessToken);
    // Concurrent callers shared one refresh: a refresh token is spent by its use.
    expect(h.standIn.state.requests.filter((r) => r.kind === 'refresh')).toEqual([expect.objectContaining({ shop: SHOP, status: 200 })]);
    const after = (await shopify().sessionStorage.findSessionsByShop(SHOP))[0]!;
    expect(after.accessToken).toBe(tokenA);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(h.standIn.state.verify(before.refreshToken, 'refresh')).toBeUndefined();
    // The refreshed token works against the Admin API.
    expect((await shopify().adminApi.shopProfile(SHOP)).name).toBe('Alpha Outfitters');
  });

  it('requests a re-audit when a theme is published, once per webhook id', async () => {
    const delivery = { url: h.webhookUrl, topic: 'themes/publish', shop: SHOP, webhookId: 'wh-theme-1', payload: { id: 1002, name: 'Refresh', role: 'main' } };
    const first = await h.standIn.sendWebhook(delivery);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const duplicate = await h.standIn.sendWebhook(delivery);
    expect(duplicate.status).toBe(200);
    expect(await duplicate.json()).toEqual({ outcome: 'duplicate' });
    expect(h.auditRequests.filter((r) => r.reason === 'theme-publish')).toEqual([
      { shop: SHOP, url: 'https://alpha.example/', reason: 'theme-publish', cause: 'wh-theme-1' },
    ]);
  });

  it('answers the customer compliance webhooks: no customer data is held', async () => {
    for (const topic of ['customers/data_request', 'customers/redact']) {
      const response = await h.standIn.sendWebhook({
        url: h.webhookUrl,
        topic,
        shop: SHOP,
        payload: { shop_id: 1, shop_domain: SHOP, customer: { id: 7, email: 'a@example.com' }, orders_requested: [] },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ outcome: 'processed' });
    }
  });

  it('stops schedules and revokes sessions on app/uninstalled', async () => {
    await h.store.runs.create({ shop: SHOP, storeUrl: 'https://alpha.example/', triggeredBy: 'install' });
    const response = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP });
    expect(response.status).toBe(200);
    h.standIn.state.revokeShop(SHOP);
    expect(h.stoppedSchedules).toEqual([SHOP]);
    expect(await h.store.sessions.findByShop(SHOP)).toEqual([]);
    expect((await h.store.shops.get(SHOP))?.uninstalledAt).toBeTruthy();
    await expect(shopify().getOfflineAccessToken(SHOP)).rejects.toBeInstanceOf(ShopNotAuthorisedError);
    // A theme published after uninstall no longer queues anything.
    const late = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'themes/publish', shop: SHOP, payload: { id: 3 } });
    expect(await late.json()).toEqual({ outcome: 'ignored' });
  });

  it('deletes everything held for the shop on shop/redact', async () => {
    const response = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'shop/redact', shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP } });
    expect(response.status).toBe(200);
    expect(await h.store.shops.get(SHOP)).toBeNull();
    expect(await h.store.sessions.findByShop(SHOP)).toEqual([]);
    expect(await h.store.runs.latest(SHOP, { status: 'any' })).toBeNull();
  });
});
