// The app embed in real Chromium on the demo store: its beacon leaves the page with sendBeacon, goes through an
// app proxy that signs it like Shopify's, and is stored by the real app server. The storefront's Customer
// Privacy API (window.Shopify.customerPrivacy, Shopify's code, stubbed on the page) decides whether anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { demoAppProxy, embedScriptTag } from '../../src/rum/demo-proxy.ts';
import { sqliteBackend } from '../store/backends.ts';
import { API_SECRET, startRumApp, type RumApp } from '../rum/app.ts';

const SHOP = 'demo-rum.myshopify.com';
const backend = sqliteBackend();
const pool = new BrowserPool();
const forwarded: Array<[string, number]> = [];
let app: RumApp;
let demo: DemoStore;

beforeAll(async () => {
  app = await startRumApp(backend);
  demo = await startDemoStore({
    variant: 'fixed', productCount: 8, embedPlugin: true, embedHtml: embedScriptTag(),
    appProxy: demoAppProxy({ appUrl: app.url, shop: SHOP, secret: API_SECRET, onForward: (path, status) => forwarded.push([path, status]) }),
  });
}, 60_000);

afterAll(async () => {
  await pool.close();
  await demo?.close();
  await app?.close();
  await backend.cleanup();
});

type Consent = 'granted' | 'denied' | 'no-api';

/** One visit: the home page (measured), a click, then leaving for /cart (pagehide sends the beacon). */
async function visit(clientId: string, consent: Consent): Promise<void> {
  const context = await pool.newContext();
  try {
    const page = await context.newPage();
    await page.setCookie({ name: '_shopify_y', value: clientId, url: demo.url });
    if (consent !== 'no-api') {
      await page.evaluateOnNewDocument((allowed: boolean) => {
        (window as unknown as { Shopify: unknown }).Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => allowed } };
      }, consent === 'granted');
    }
    await page.goto(`${demo.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'webVitals' in window, { timeout: 15_000 });
    // A shopper clicks what they see. Under load, headless Chromium can fire `load` before its first frame, and a
    // click before any paint ends web-vitals' LCP with no candidate, so the click waits for the first paint.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, { timeout: 15_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.mouse.click(5, 5);
    await page.goto(`${demo.url}/cart`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 300));
    await page.close();
  } finally {
    await context.close();
  }
}

interface Row { client_id: string | null; metric: string; template: string; target: string | null; url_path: string | null; synthetic: unknown }

/** The stored beacon rows (read straight from the table: what was stored is the thing under test). */
async function rowsFor(clientId: string, waitMs: number): Promise<Row[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const rows = await app.store.db.all<Row>('SELECT client_id, metric, template, target, url_path, synthetic FROM rum_beacons WHERE shop = ? AND client_id = ?', [SHOP, clientId]);
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Beacons of one visit arrive in more than one request (visibility change, then pagehide): wait until the
 * stored rows stop changing, so the assertions see the whole visit rather than its first beacon. */
async function settledRowsFor(clientId: string, waitMs: number): Promise<Row[]> {
  const deadline = Date.now() + waitMs;
  let rows = await rowsFor(clientId, waitMs);
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const again = await rowsFor(clientId, 0);
    if (again.length === rows.length || Date.now() > deadline) return again;
    rows = again;
  }
}

describe('theme app embed in Chromium', () => {
  it('sends nothing without analytics consent, or without the Customer Privacy API', async () => {
    await visit('client-denied', 'denied');
    await visit('client-no-api', 'no-api');
    expect(await rowsFor('client-denied', 1500)).toEqual([]);
    expect(forwarded.filter(([path]) => path.endsWith('/beacon'))).toEqual([]);
  }, 60_000);

  it('with consent, sends the page view\'s Web Vitals through the signed proxy, stored with the template', async () => {
    await visit('client-granted', 'granted');
    const rows = await settledRowsFor('client-granted', 10_000);
    expect(forwarded.filter(([path]) => path.endsWith('/beacon')).every(([, status]) => status === 204)).toBe(true);
    const home = rows.filter((r) => r.url_path === '/');
    const metrics = new Set(home.map((r) => r.metric));
    for (const metric of ['LCP', 'FCP', 'TTFB', 'CLS']) expect(metrics).toContain(metric);
    const templateOf: Record<string, string> = { '/': 'index', '/cart': 'cart' };
    expect(rows.map((r) => r.template)).toEqual(rows.map((r) => templateOf[r.url_path ?? '']));
    expect(home.find((r) => r.metric === 'LCP')?.target).toBeTruthy();
    expect(await app.store.rum.countBeacons(SHOP)).toBe(rows.length);
  }, 60_000);
});
