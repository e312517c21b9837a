// Ingestion over HTTP on the real server and a real SQLite store: signed beacons and keyed pixel batches are
// stored; forged, stale, oversized, malformed and over-limit requests get a 4xx and nothing is stored; the
// server keeps answering.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { signedProxyQuery, startRumApp, type RumApp } from './app.ts';

const SHOP = 'rum.myshopify.com';
const backend = sqliteBackend();
let app: RumApp;

const beacon = (over: Record<string, unknown> = {}) => ({
  v: 1, cid: 'client-1', pv: 'pv-1', t: 'product', d: 'mobile', n: 'navigate', p: '/products/a?email=x@y.z',
  m: [{ n: 'LCP', v: 2100, r: 'good', e: 'img.hero' }, { n: 'CLS', v: 0.02 }], ...over,
});
const postBeacon = (body: string, query = signedProxyQuery(SHOP)) =>
  fetch(`${app.url}/apps/storefront-auditor/beacon?${query}`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body });
const pixel = (events: unknown[]) => JSON.stringify({ events });
const event = (id: string, name = 'page_viewed') => ({ id, name, clientId: 'client-1', ts: new Date().toISOString(), p: '/' });
const postPixel = (body: string, shop = SHOP, key = app.rum.ingestKeyFor(SHOP)) =>
  fetch(`${app.url}/ingest/pixel?shop=${shop}&key=${encodeURIComponent(key)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
const alive = async () => (await fetch(`${app.url}/health/live`).catch(() => fetch(`${app.url}/health`))).status < 500;

beforeAll(async () => {
  app = await startRumApp(backend, { limits: { perAddressPerMinute: 10_000 } });
});
afterAll(async () => {
  await app?.close();
  await backend.cleanup();
});

describe('beacon through the app proxy', () => {
  it('stores a signed beacon, one row per metric', async () => {
    const response = await postBeacon(JSON.stringify(beacon()));
    expect(response.status).toBe(204);
    expect(await app.store.rum.countBeacons(SHOP)).toBe(2);
    const outcomes = await app.store.rum.rollupDay(SHOP, new Date().toISOString().slice(0, 10));
    expect(outcomes.find((r) => r.metric === 'LCP')).toMatchObject({ template: 'product', device: 'mobile', p75: 2100 });
  });

  it('refuses forged, re-targeted and stale signatures with 401 and stores nothing', async () => {
    const before = await app.store.rum.countBeacons(SHOP);
    expect((await postBeacon(JSON.stringify(beacon()), signedProxyQuery(SHOP, 'not-the-secret'))).status).toBe(401);
    const retargeted = signedProxyQuery(SHOP);
    retargeted.set('shop', 'victim.myshopify.com');
    expect((await postBeacon(JSON.stringify(beacon()), retargeted)).status).toBe(401);
    const stale = signedProxyQuery(SHOP, undefined, Math.floor(Date.now() / 1000) - 600);
    expect((await postBeacon(JSON.stringify(beacon()), stale)).status).toBe(401);
    expect(await app.store.rum.countBeacons(SHOP)).toBe(before);
  });

  it('accepts a signature from a proxy whose clock is a minute off', async () => {
    const skewed = signedProxyQuery(SHOP, undefined, Math.floor(Date.now() / 1000) - 60);
    expect((await postBeacon(JSON.stringify(beacon({ pv: 'pv-skew' })), skewed)).status).toBe(204);
  });

  it('refuses malformed and out-of-schema beacons with 400', async () => {
    const before = await app.store.rum.countBeacons(SHOP);
    expect((await postBeacon('{not json')).status).toBe(400);
    expect((await postBeacon('null')).status).toBe(400);
    expect((await postBeacon(JSON.stringify(beacon({ m: [{ n: 'LCP', v: -1 }] })))).status).toBe(400);
    expect((await postBeacon(JSON.stringify(beacon({ m: [{ n: 'TBT', v: 10 }] })))).status).toBe(400);
    expect((await postBeacon(JSON.stringify(beacon({ email: 'a@b.c' })))).status).toBe(400);
    expect((await postBeacon(JSON.stringify(beacon({ m: [] })))).status).toBe(400);
    expect(await app.store.rum.countBeacons(SHOP)).toBe(before);
    expect(await alive()).toBe(true);
  });

  it('answers a 20 MB beacon with 413 without reading it, and keeps serving', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${app.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`);
      const req = request(url, { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': String(20 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
      req.write(Buffer.alloc(64 * 1024, 'a')); // a sender that would go on to 20 MB; the answer comes first
    });
    expect(status).toBe(413);
    const chunked = await fetch(`${app.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, {
      method: 'POST', body: new ReadableStream({ start(c) { c.enqueue(new Uint8Array(32 * 1024).fill(32)); c.close(); } }), duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await postBeacon(JSON.stringify(beacon({ pv: 'pv-after' })))).status).toBe(204);
  });
});

describe('pixel events', () => {
  it('stores a keyed batch and answers CORS', async () => {
    const response = await postPixel(pixel([event('e1'), event('e2', 'checkout_started')]));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await app.store.rum.countFunnelEvents(SHOP)).toBe(2);
    const preflight = await fetch(`${app.url}/ingest/pixel`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
  });

  it('refuses a wrong key, another shop\'s key and a missing shop with 401', async () => {
    expect((await postPixel(pixel([event('e3')]), SHOP, 'guess')).status).toBe(401);
    expect((await postPixel(pixel([event('e3')]), 'other.myshopify.com')).status).toBe(401);
    expect((await postPixel(pixel([event('e3')]), '')).status).toBe(401);
    expect(await app.store.rum.countFunnelEvents(SHOP)).toBe(2);
  });

  it('refuses unknown events, bad timestamps and oversized batches', async () => {
    expect((await postPixel(pixel([event('e4', 'customer_logged_in')]))).status).toBe(400);
    expect((await postPixel(pixel([{ ...event('e5'), ts: 'yesterday' }]))).status).toBe(400);
    expect((await postPixel(pixel(Array.from({ length: 51 }, (_, i) => event(`x${i}`))))).status).toBe(400);
    expect((await postPixel('x'.repeat(17 * 1024))).status).toBe(413);
    expect(await app.store.rum.countFunnelEvents(SHOP)).toBe(2);
  });
});
