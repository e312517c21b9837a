// The web pixel as Shopify runs it: bundled (rolldown, as an extension build would), loaded into a host that
// plays Shopify's part (the `shopify.extend('WebPixel::Render', …)` global, analytics.subscribe, init, settings),
// fed standard events, and its batches land in the real ingest endpoint and store, joined on the client id.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { startRumApp, type RumApp } from '../rum/app.ts';

const SHOP = 'pixel.myshopify.com';
const backend = sqliteBackend();
const dir = mkdtempSync(join(tmpdir(), 'pixel-'));
let app: RumApp;
type Handler = (event: Record<string, unknown>) => void;
const subscribers = new Map<string, Handler>();

beforeAll(async () => {
  app = await startRumApp(backend);
  const out = await build({ input: new URL('../../plugin/web-pixel/src/index.ts', import.meta.url).pathname, write: false, output: { format: 'esm' } });
  const file = join(dir, 'pixel.mjs');
  writeFileSync(file, (out.output[0] as { code: string }).code);
  (globalThis as Record<string, unknown>).shopify = {
    extend: (point: string, extend: (api: unknown) => void) => {
      expect(point).toBe('WebPixel::Render');
      extend({
        analytics: { subscribe: (name: string, handler: Handler) => subscribers.set(name, handler) },
        browser: {},
        init: { data: { shop: { myshopifyDomain: SHOP } } },
        settings: { ingestUrl: `${app.url}/ingest/pixel`, ingestKey: app.rum.ingestKeyFor(SHOP) },
      });
    },
  };
  await import(pathToFileURL(file).href);
});
afterAll(async () => {
  delete (globalThis as Record<string, unknown>).shopify;
  await app?.close();
  await backend.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const fire = (name: string, id: string, extra: Record<string, unknown> = {}) =>
  subscribers.get(name)?.({ id, name, clientId: 'shopper-1', timestamp: new Date().toISOString(), context: { document: { location: { pathname: '/products/a?email=x@y.z' } } }, ...extra });

describe('web pixel bundle', () => {
  it('subscribes to the funnel and delivers a checkout to the store, joined on the client id', async () => {
    expect(subscribers.size).toBe(11);
    fire('page_viewed', 'e1');
    fire('product_viewed', 'e2');
    fire('checkout_started', 'e3');
    fire('checkout_completed', 'e4', { data: { checkout: { totalPrice: { amount: 42.5 }, currencyCode: 'EUR' } } });
    for (let i = 0; i < 25 && (await app.store.rum.countFunnelEvents(SHOP)) < 4; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await app.store.rum.countFunnelEvents(SHOP)).toBe(4);
    const rows = await app.store.db.all<{ client_id: string; url_path: string; value: number | null; currency: string | null; event: string }>(
      'SELECT client_id, url_path, value, currency, event FROM funnel_events WHERE shop = ? ORDER BY event_id', [SHOP]);
    expect(rows.every((r) => r.client_id === 'shopper-1' && r.url_path === '/products/a')).toBe(true);
    expect(rows.find((r) => r.event === 'checkout_completed')).toMatchObject({ value: 42.5, currency: 'EUR' });
  });
});
