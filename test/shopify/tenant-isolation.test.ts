// Two installed shops on one server (PostgreSQL): each sees and changes only its own data, whatever the
// request says, and may audit only its own storefront, checked after DNS against private addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const A = 'shop-a.myshopify.com';
const B = 'shop-b.myshopify.com';
// A public IP literal needs no DNS (the test machine may be offline); `localhost` resolves to loopback.
const A_DOMAIN = '93.184.215.14';
const B_DOMAIN = 'shop-b.example';
const LOOPBACK_SHOP = 'loopback.myshopify.com';

const backend = postgresBackend();
let h: Harness;

beforeAll(async () => {
  h = await startHarness(backend, {
    // B's domain and a rebinding name are given fixed answers; everything else uses the system resolver.
    resolveHost: async (host) => {
      if (host === B_DOMAIN) return ['23.227.38.65'];
      if (host === 'rebind.example') return ['8.8.8.8', '169.254.169.254'];
      const { lookup } = await import('node:dns/promises');
      return (await lookup(host, { all: true })).map((a) => a.address);
    },
  });
  h.standIn.addShop({ shop: A, name: 'Shop A', primaryDomain: A_DOMAIN });
  h.standIn.addShop({ shop: B, name: 'Shop B', primaryDomain: B_DOMAIN });
  h.standIn.addShop({ shop: LOOPBACK_SHOP, primaryDomain: 'localhost' });
  for (const shop of [A, B, LOOPBACK_SHOP]) {
    expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(shop) })).status).toBe(200);
  }
  // The loopback shop installed, but its first audit was refused by the guard.
  expect(h.auditRequests.map((r) => r.shop)).toEqual([A, B]);
  h.auditRequests.length = 0;
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

const tokenFor = (shop: string) => h.standIn.sessionToken(shop);

describe('two shops', () => {
  it('each token reads its own shop, whatever the query, headers or body name', async () => {
    const asA = await h.api(`/api/shop?shop=${B}`, { token: await tokenFor(A), headers: { 'X-Shopify-Shop-Domain': B } });
    expect((await asA.json()).shop).toBe(A);
    const asB = await h.api(`/api/shop?shop=${A}`, { token: await tokenFor(B) });
    expect((await asB.json()).shop).toBe(B);
  });

  it('keeps separate encrypted sessions per shop', async () => {
    const [a] = await h.store.sessions.findByShop(A);
    const [b] = await h.store.sessions.findByShop(B);
    expect(a!.id).toBe(`offline_${A}`);
    expect(b!.id).toBe(`offline_${B}`);
    expect(await h.server.context.shopify!.getOfflineAccessToken(A)).not.toBe(await h.server.context.shopify!.getOfflineAccessToken(B));
  });

  it('shop A cannot queue an audit of shop B\'s storefront', async () => {
    const response = await h.api('/api/audits', { method: 'POST', token: await tokenFor(A), body: JSON.stringify({ url: `https://${B_DOMAIN}/` }) });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain('is not a domain of shop-a.myshopify.com');
    expect(h.auditRequests).toEqual([]);
  });

  it('each shop may queue an audit of its own domains', async () => {
    const a = await h.api('/api/audits', { method: 'POST', token: await tokenFor(A), body: JSON.stringify({ url: `https://${A_DOMAIN}/collections/all` }) });
    expect(a.status).toBe(202);
    const b = await h.api('/api/audits', { method: 'POST', token: await tokenFor(B), body: '{}' });
    expect(b.status).toBe(202);
    expect(h.auditRequests).toEqual([
      { shop: A, url: `https://${A_DOMAIN}/collections/all`, reason: 'manual' },
      { shop: B, url: `https://${B_DOMAIN}/`, reason: 'manual' },
    ]);
  });

  it('a webhook for B changes nothing of A', async () => {
    await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: B });
    expect(await h.store.sessions.findByShop(B)).toEqual([]);
    expect(await h.store.sessions.findByShop(A)).toHaveLength(1);
    expect((await h.api('/api/shop', { token: await tokenFor(A) })).status).toBe(200);
    expect(h.stoppedSchedules).toEqual([B]);
  });
});

describe('own-domain and private-address guard', () => {
  const post = async (shop: string, url: unknown) =>
    h.api('/api/audits', { method: 'POST', token: await tokenFor(shop), body: JSON.stringify({ url }) });

  it('refuses a shop whose own domain resolves to a loopback address', async () => {
    const response = await post(LOOPBACK_SHOP, 'http://localhost/');
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/resolves to (127\.0\.0\.1|::1) \(loopback\)/);
  });

  it('guards every audit request, including the admin\'s "Run audit now" and theme publishes', async () => {
    const runNow = await h.api('/api/admin/runs', { method: 'POST', token: await tokenFor(LOOPBACK_SHOP), body: '{}' });
    expect(runNow.status).toBe(403);
    const published = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'themes/publish', shop: LOOPBACK_SHOP, payload: { id: 1 } });
    expect(published.status).toBe(200);
    expect(await published.json()).toEqual({ outcome: 'ignored' });
    expect(h.auditRequests.filter((r) => r.shop === LOOPBACK_SHOP)).toEqual([]);
  });

  it('refuses private and metadata addresses given as IP literals', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5/', 'http://[::1]/']) {
      expect((await post(A, url)).status).toBe(403);
    }
  });

  it('refuses a name with any private answer (DNS rebinding)', async () => {
    const guard = await import('../../src/shopify/own-domain-guard.ts');
    const profile = { shop: A, name: 'A', domains: ['rebind.example'], primaryDomain: 'rebind.example', storefrontUrl: 'https://rebind.example/', currency: 'USD', plan: null, timezone: null };
    await expect(guard.assertShopOwnsAuditTarget('https://rebind.example/', profile, { resolve: h.server.context.resolveHost })).rejects.toThrow(/169\.254\.169\.254/);
  });

  it('refuses other schemes, credentials and malformed input with 4xx', async () => {
    expect((await post(A, `ftp://${A_DOMAIN}/`)).status).toBe(403);
    expect((await post(A, `https://user:pw@${A_DOMAIN}/`)).status).toBe(403);
    expect((await post(A, 'not a url')).status).toBe(403);
    expect((await post(A, 42)).status).toBe(400);
    const malformed = await h.api('/api/audits', { method: 'POST', token: await tokenFor(A), body: '{"url":' });
    expect(malformed.status).toBe(400);
    expect(h.auditRequests.filter((r) => r.shop === A)).toHaveLength(1);
  });
});
