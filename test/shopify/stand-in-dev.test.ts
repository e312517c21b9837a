// Developing against the stand-in by hand: its control routes add a shop on localhost, mint session tokens and
// deliver webhooks, and the app audits that local storefront because its exact origin is named
// (SHOPIFY_DEV_STOREFRONT_ORIGINS); any other private origin, even a local shop's own, is still refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOP = 'demo.myshopify.com';
const backend = sqliteBackend();
let h: Harness;

beforeAll(async () => {
  h = await startHarness(backend, { privateAuditOrigins: ['http://127.0.0.1:4000'] });
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

const control = (path: string, body?: unknown) =>
  fetch(`${h.standIn.url}/_stand-in${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('stand-in control routes', () => {
  it('adds a shop whose storefront is a local server and installs it from a minted token', async () => {
    expect((await control('/shops', { shop: 'not a shop' })).status).toBe(400);
    expect((await control('/shops', { shop: SHOP, primaryDomain: '127.0.0.1:4000', primaryUrl: 'http://127.0.0.1:4000' })).status).toBe(201);
    expect((await fetch(`${h.standIn.url}/_stand-in/session-token?shop=unknown.myshopify.com`)).status).toBe(404);
    const { token } = (await (await control(`/session-token?shop=${SHOP}`)).json()) as { token: string };
    const shop = await (await h.api('/api/shop', { token })).json();
    expect(shop).toMatchObject({ shop: SHOP, primaryDomain: '127.0.0.1:4000', storefrontUrl: 'http://127.0.0.1:4000/' });
    expect(h.auditRequests).toEqual([{ shop: SHOP, url: 'http://127.0.0.1:4000/', reason: 'install' }]);
  });

  it('lets the local shop audit its local storefront, and still nothing else', async () => {
    const { token } = (await (await control(`/session-token?shop=${SHOP}`)).json()) as { token: string };
    const own = await h.api('/api/audits', { method: 'POST', token, body: JSON.stringify({ url: 'http://127.0.0.1:4000/products/classic-tee' }) });
    expect(own.status).toBe(202);
    const other = await h.api('/api/audits', { method: 'POST', token, body: JSON.stringify({ url: 'http://127.0.0.1:5432/' }) });
    expect(other.status).toBe(403);
  });

  it('keeps the private-address guard for every other origin: a local shop on another port is refused', async () => {
    const LOCAL = 'other-port.myshopify.com';
    expect((await control('/shops', { shop: LOCAL, primaryDomain: '127.0.0.1:4001', primaryUrl: 'http://127.0.0.1:4001' })).status).toBe(201);
    const { token } = (await (await control(`/session-token?shop=${LOCAL}`)).json()) as { token: string };
    expect((await h.api('/api/shop', { token })).status).toBe(200);
    // Its own domain, so only the private-address half can refuse it: the install audit and a manual one.
    expect(h.auditRequests.filter((r) => r.shop === LOCAL)).toEqual([]);
    const own = await h.api('/api/audits', { method: 'POST', token, body: JSON.stringify({ url: 'http://127.0.0.1:4001/' }) });
    expect(own.status).toBe(403);
    expect(JSON.stringify(await own.json())).toMatch(/loopback|not a public address/);
  });

  it('delivers a signed webhook to the app', async () => {
    const answer = await (await control('/webhooks', { url: h.webhookUrl, topic: 'themes/publish', shop: SHOP, payload: { id: 9 } })).json();
    expect(answer).toMatchObject({ status: 200 });
    expect(h.auditRequests.at(-1)).toMatchObject({ shop: SHOP, reason: 'theme-publish', url: 'http://127.0.0.1:4000/' });
  });
});
