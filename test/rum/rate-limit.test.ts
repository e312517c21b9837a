// Per-shop and per-address limits answer 429 with Retry-After; nothing over the limit is stored. A full
// ingestion buffer answers 503 rather than acknowledging rows it might lose.
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { signedProxyQuery, startRumApp, type RumApp } from './app.ts';

const backend = sqliteBackend();
const apps: RumApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  await backend.cleanup();
});

const body = (pv: string) => JSON.stringify({ v: 1, pv, t: 'index', d: 'desktop', m: [{ n: 'TTFB', v: 120 }] });
const send = (app: RumApp, shop: string, pv: string) =>
  fetch(`${app.url}/apps/storefront-auditor/beacon?${signedProxyQuery(shop)}`, { method: 'POST', body: body(pv) });

describe('ingestion limits', () => {
  it('limits one shop without starving another', async () => {
    const app = await startRumApp(backend, { limits: { perShopPerMinute: 3, perAddressPerMinute: 100 } });
    apps.push(app);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send(app, 'busy.myshopify.com', `p${i}`)).status);
    expect(statuses).toEqual([204, 204, 204, 429, 429]);
    const limited = await send(app, 'busy.myshopify.com', 'p9');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send(app, 'quiet.myshopify.com', 'q1')).status).toBe(204);
    expect(await app.store.rum.countBeacons('busy.myshopify.com')).toBe(3);
  });

  it('limits one client address across shops', async () => {
    const app = await startRumApp(backend, { limits: { perShopPerMinute: 100, perAddressPerMinute: 2 } });
    apps.push(app);
    expect((await send(app, 'a.myshopify.com', 'a')).status).toBe(204);
    expect((await send(app, 'b.myshopify.com', 'b')).status).toBe(204);
    expect((await send(app, 'c.myshopify.com', 'c')).status).toBe(429);
  });

  it('answers 503 when the buffer is full and stores exactly what it acknowledged', async () => {
    const app = await startRumApp(backend, { batch: { capacity: 5, maxDelayMs: 50, maxRows: 1000 } });
    apps.push(app);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => send(app, 'flood.myshopify.com', `f${i}`)));
    const acknowledged = responses.filter((r) => r.status === 204).length;
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.headers.get('retry-after')).toBe('1');
    expect(await app.store.rum.countBeacons('flood.myshopify.com')).toBe(acknowledged);
  });
});
