// Admin GraphQL through the stand-in: cost-based throttling (THROTTLED inside HTTP 200), 429 with
// Retry-After, 5xx retried with jitter up to a cap, and the ShopifyQL → orders fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerInputs } from '../../src/advisor/index.ts';
import { AdminApiError } from '../../src/shopify/graphql-with-backoff.ts';
import { ShopNotAuthorisedError } from '../../src/shopify/offline-token.ts';
import { shopifyInputLayer } from '../../src/shopify/store-analytics.ts';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOP = 'busy.myshopify.com';
const NO_REPORTS = 'noreports.myshopify.com';
const backend = sqliteBackend();
let h: Harness;

beforeAll(async () => {
  h = await startHarness(backend);
  h.standIn.addShop({ shop: SHOP, primaryDomain: 'busy.example' });
  h.standIn.addShop({ shop: NO_REPORTS, scopes: ['read_products', 'read_themes', 'read_orders'], orderTotals: [40, 60, 100], currency: 'CAD' });
  for (const shop of [SHOP, NO_REPORTS]) expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(shop) })).status).toBe(200);
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

const admin = () => h.server.context.shopify!.adminApi;
const graphqlSince = (start: number) => h.standIn.state.requests.slice(start).filter((r) => r.kind === 'graphql');

describe('rate limits', () => {
  it('backs off on THROTTLED (HTTP 200) for as long as the bucket needs to refill, then succeeds', async () => {
    const start = h.standIn.state.requests.length;
    h.standIn.throttleNext(SHOP, 2);
    const theme = await admin().mainTheme(SHOP);
    expect(theme).toEqual({ id: 'gid://shopify/OnlineStoreTheme/1001', name: 'Dawn' });
    const calls = graphqlSince(start);
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
    // Cost 10 with 0 available at 100 points/s: at least 100 ms before each retry.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(100);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(100);
  });

  it('honours Retry-After on 429', async () => {
    const start = h.standIn.state.requests.length;
    h.standIn.failNext(SHOP, 429, 1, 0.3);
    expect((await admin().catalogHandles(SHOP)).products).toContain('classic-tee');
    const calls = graphqlSince(start);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(300);
  });

  it('retries 5xx and gives up with a clear error after the cap', async () => {
    const start = h.standIn.state.requests.length;
    h.standIn.failNext(SHOP, 503, 2);
    expect((await admin().shopProfile(SHOP)).primaryDomain).toBe('busy.example');
    expect(graphqlSince(start).map((c) => c.status)).toEqual([503, 503, 200]);

    h.standIn.failNext(SHOP, 500, 10);
    await expect(admin().shopProfile(SHOP)).rejects.toThrow(AdminApiError);
    expect(h.standIn.state.takeFault(SHOP)).toBeDefined(); // gave up before using every fault: capped at 5 attempts
    h.standIn.state.faults.delete(SHOP);
  });

  it('throttling on an /api request is absorbed, not passed to the merchant', async () => {
    h.standIn.throttleNext(SHOP, 1);
    const response = await h.api('/api/shop/catalog', { token: await h.standIn.sessionToken(SHOP) });
    expect(response.status).toBe(200);
    expect((await response.json()).collections).toEqual(['frontpage', 'summer']);
  });
});

describe('store inputs', () => {
  it('reads sales and sessions through ShopifyQL when read_reports is granted', async () => {
    expect(await admin().storeInputs(SHOP)).toEqual({
      source: 'shopifyql',
      periodDays: 30,
      sessions: 6250,
      orders: 125,
      revenue: 12500,
      currency: 'USD',
      conversionRate: 0.02,
      averageOrderValue: 100,
    });
  });

  it('falls back to an orders summary without read_reports, leaving sessions unknown', async () => {
    const inputs = await admin().storeInputs(NO_REPORTS);
    expect(inputs).toMatchObject({ source: 'orders', sessions: null, orders: 3, revenue: 200, currency: 'CAD', conversionRate: null, averageOrderValue: 66.67 });
    expect(inputs.fallbackReason).toContain('read_reports');
  });

  it('feeds the advisor as its Shopify layer, leaving unknowns to the layers below', async () => {
    const layered = layerInputs([
      shopifyInputLayer(await admin().storeInputs(NO_REPORTS)),
      { source: 'cli', values: { monthlySessions: 9000, conversionRate: 0.5 } },
    ]);
    expect(layered.monthlySessions).toEqual({ value: 9000, source: 'cli' });
    expect(layered.conversionRate).toEqual({ value: 0.5, source: 'cli' });
    expect(layered.averageOrderValue).toEqual({ value: 66.67, source: 'shopify' });
    expect(layered.currency).toEqual({ value: 'CAD', source: 'shopify' });
    const full = layerInputs([shopifyInputLayer(await admin().storeInputs(SHOP))]);
    expect(full.monthlySessions).toEqual({ value: 6341, source: 'shopify' });
    expect(full.conversionRate).toEqual({ value: 0.02, source: 'shopify' });
  });

});

describe('offline token that can no longer be refreshed', () => {
  it('fails with ShopNotAuthorisedError, and the next admin visit re-authorises without a new install', async () => {
    const shopify = h.server.context.shopify!;
    const session = (await shopify.sessionStorage.findSessionsByShop(NO_REPORTS))[0]!;
    session.expires = new Date(Date.now() - 1000);
    await shopify.sessionStorage.storeSession(session);
    h.standIn.state.revokeShop(NO_REPORTS);
    await expect(shopify.getOfflineAccessToken(NO_REPORTS)).rejects.toThrow(ShopNotAuthorisedError);

    const installsBefore = h.auditRequests.filter((r) => r.reason === 'install').length;
    const visit = await h.api('/api/shop', { token: await h.standIn.sessionToken(NO_REPORTS) });
    expect(visit.status).toBe(200);
    const token = await shopify.getOfflineAccessToken(NO_REPORTS);
    expect(token).not.toBe(session.accessToken);
    expect((await admin().mainTheme(NO_REPORTS))?.name).toBe('Dawn');
    expect(h.auditRequests.filter((r) => r.reason === 'install')).toHaveLength(installsBefore);
  });
});
