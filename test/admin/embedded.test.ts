// Embedded mode: the UI loads App Bridge (here a stub served in place of Shopify's CDN script, whose
// shopify.idToken() mints session tokens signed with the test app's secret), sends the token on every fetch,
// and when the server rejects an expired one (401 + X-Shopify-Retry-Invalid-Session-Request) gets a fresh token
// and retries, as App Bridge's flow expects.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { BrowserContext, HTTPRequest } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { ensureAdminBuilt } from '../../src/admin/build.ts';
import { readConfig } from '../../src/config.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import type { ShopLifecycle } from '../../src/shopify/ports.ts';
import { signSessionToken } from '../../src/shopify/stand-in/session-tokens.ts';
import { startShopifyStandIn, type ShopifyStandIn } from '../../src/shopify/stand-in/server.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { ARTIFACTS, auditAndStore } from './setup.ts';

const API_KEY = 'admin-ui-test-key';
const API_SECRET = 'admin-ui-test-secret-0123456789';
const SHOP = 'ui-shop.myshopify.com';
const APP_BRIDGE = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';

// What the stub App Bridge does: idToken() asks the test (exposed function) for a token; toasts are recorded.
const STUB_APP_BRIDGE = `window.shopify = {
  idToken: () => window.__mintSessionToken(),
  toast: { show: (message) => (window.__toasts = [...(window.__toasts || []), message]) },
};`;

let dataDir: string;
let store: Store;
let standIn: ShopifyStandIn;
let demo: DemoStore;
let browser: BrowserPool;
let context: BrowserContext;
let running: RunningServer;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'admin-embedded-'));
  store = await openStore({ url: `sqlite:${join(dataDir, 'db.sqlite')}` });
  standIn = await startShopifyStandIn({ apiKey: API_KEY, apiSecret: API_SECRET });
  standIn.addShop({ shop: SHOP, name: 'UI Shop', primaryDomain: 'ui-shop.example', currency: 'EUR' });
  demo = await startDemoStore({ variant: 'defective' });
  browser = new BrowserPool();
  const lifecycle: ShopLifecycle = { requestAudit: async () => undefined, stopSchedules: async () => undefined, deleteShopData: async (shop) => void (await store.deleteShopData(shop)) };
  const server = createServer({
    config: readConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: 'https://app.example.test',
      SHOPIFY_API_ORIGIN: standIn.url,
      ENCRYPTION_KEY: 'b'.repeat(64),
    }),
    logger: pino({ level: 'silent' }),
    store,
    lifecycle,
    adminStaticDir: await ensureAdminBuilt(),
  });
  running = await server.listen(0, '127.0.0.1');
  // A real link check of the demo store, stored as this shop's run.
  await auditAndStore({ demo, browser, store, dataDir }, ['links'], SHOP);
  context = await browser.newContext();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await running?.close();
  await browser?.close();
  await standIn?.close();
  await demo?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded admin', () => {
  it('re-authenticates through App Bridge after an expired session token, then shows the shop data', async () => {
    const page = await context.newPage();
    const minted: Array<'expired' | 'fresh'> = [];
    const rejected: string[] = [];
    // The first token App Bridge hands out has expired (minted two minutes ago, one-minute lifetime).
    await page.exposeFunction('__mintSessionToken', async () => {
      const expired = minted.length === 0;
      minted.push(expired ? 'expired' : 'fresh');
      return signSessionToken({ apiKey: API_KEY, apiSecret: API_SECRET, shop: SHOP, ...(expired ? { issuedAt: Math.floor(Date.now() / 1000) - 120 } : {}) });
    });
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.url() === APP_BRIDGE) void request.respond({ status: 200, contentType: 'text/javascript', body: STUB_APP_BRIDGE });
      else void request.continue();
    });
    page.on('response', (response) => {
      if (response.status() === 401 && response.headers()['x-shopify-retry-invalid-session-request']) rejected.push(new URL(response.url()).pathname);
    });
    // The admin opens the app with a valid id_token (document load: the server validates it and installs the shop).
    const idToken = await signSessionToken({ apiKey: API_KEY, apiSecret: API_SECRET, shop: SHOP });
    const host = Buffer.from(`admin.shopify.com/store/ui-shop`).toString('base64url');
    await page.goto(`${running.url}/?shop=${SHOP}&host=${host}&embedded=1&locale=en&id_token=${idToken}#/links`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('[data-testid="broken-links"] tbody tr', { timeout: 20_000 });

    expect(await page.evaluate(() => document.querySelector('meta[name="shopify-api-key"]')?.getAttribute('content'))).toBe(API_KEY);
    expect(minted[0]).toBe('expired');
    expect(minted).toContain('fresh');
    // The first API call (the shop context every view loads first) carried the expired token and was retried.
    expect(rejected).toContain('/api/admin/context');
    // In the admin, App Bridge draws the navigation and title bar: the page's own tabs are not shown.
    expect(await page.$('ui-title-bar[title="Links"]')).not.toBeNull();
    expect(await page.$$eval('ui-nav-menu a', (links) => links.length)).toBe(6);
    expect(await page.$('nav.tabs')).toBeNull();
    const links = await store.runs.getSection(SHOP, (await store.runs.latest(SHOP))!.id, 'links');
    expect(await page.$$eval('[data-testid="broken-links"] tbody tr', (rows) => rows.length)).toBe((links as { broken: unknown[] }).broken.length);
    await page.screenshot({ path: join(ARTIFACTS, 'embedded-links.png') });
    await page.close();
  });

  it('an API call without a session token is refused the App Bridge way', async () => {
    const response = await fetch(`${running.url}/api/admin/overview`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-shopify-retry-invalid-session-request')).toBe('1');
  });
});
