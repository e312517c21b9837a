// The full life of a shop over HTTP against the stand-in (issue #16, "Done when"): managed install by token
// exchange (expiring offline token), web pixel connected with the scopes and settings Shopify demands and its
// events arriving, theme app embed detected after the merchant switches it on and a themes/publish, embedded
// apps' names and Shopify's field Web Vitals handed to the audit options, then uninstall and redact.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunOptionsResolver } from '../../src/jobs/run-options.ts';
import { sqliteBackend } from '../store/backends.ts';
import { API_KEY, startHarness, type Harness } from './harness.ts';

const SHOP = 'lifecycle.myshopify.com';
const NO_PIXEL_SCOPES = 'narrow.myshopify.com';
const backend = sqliteBackend();
let h: Harness;
const standInShop = () => h.standIn.state.shops.get(SHOP)!;
const token = () => h.standIn.sessionToken(SHOP);

beforeAll(async () => {
  h = await startHarness(backend);
  h.standIn.addShop({ shop: SHOP, name: 'Lifecycle Goods', primaryDomain: 'www.lifecycle.example', primaryUrl: 'https://www.lifecycle.example' });
  h.standIn.addShop({ shop: NO_PIXEL_SCOPES, primaryDomain: 'narrow.example', scopes: ['read_products', 'read_themes', 'read_orders', 'read_reports'] });
});
afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

describe('a shop, install to redact', () => {
  it('installs: token exchange for an expiring offline token, first audit on the primary domain', async () => {
    expect((await h.api('/api/shop', { token: await token() })).status).toBe(200);
    expect(h.standIn.state.requests.filter((r) => r.shop === SHOP && r.kind === 'token-exchange' && r.status === 200)).toHaveLength(1);
    const [session] = await h.server.context.shopify!.sessionStorage.findSessionsByShop(SHOP);
    expect(session?.refreshToken).toMatch(/^shprt_/);
    expect(h.auditRequests).toEqual([{ shop: SHOP, url: 'https://www.lifecycle.example/', reason: 'install' }]);
  });

  it('connects the web pixel with our ingest URL and the shop key, and its events reach the store', async () => {
    const pixel = standInShop().webPixel;
    expect(pixel).not.toBeNull();
    const settings = JSON.parse(pixel!.settings) as { ingestUrl: string; ingestKey: string };
    expect(settings.ingestUrl).toBe('https://app.example.test/ingest/pixel');
    expect(settings.ingestKey).toBe(h.server.context.rum.ingestKeyFor(SHOP));
    // The pixel sends to ingestUrl?shop=&key=; here the app's own host stands in for app.example.test.
    const events = [{ id: 'evt-1', name: 'checkout_completed', clientId: 'shopper-9', ts: new Date().toISOString(), value: 30, currency: 'USD' }];
    const sent = await fetch(`${h.url}/ingest/pixel?shop=${SHOP}&key=${encodeURIComponent(settings.ingestKey)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ events }) });
    expect(sent.status).toBe(204);
    expect(await h.store.rum.countFunnelEvents(SHOP)).toBe(1);
  });

  it('reconnects idempotently: unchanged when settings match, updated when they drift', async () => {
    const before = standInShop().webPixel!;
    const again = await (await h.api('/api/shop/storefront-plugin?refresh=1', { token: await token() })).json();
    expect(again.pixel).toMatchObject({ state: 'unchanged', id: before.id });
    standInShop().webPixel = { id: before.id, settings: JSON.stringify({ ingestUrl: 'https://old.example/ingest/pixel', ingestKey: 'old' }) };
    const drifted = await (await h.api('/api/shop/storefront-plugin?refresh=1', { token: await token() })).json();
    expect(drifted.pixel).toMatchObject({ state: 'updated', id: before.id });
    expect(standInShop().webPixel!.settings).toBe(before.settings);
  });

  it('the stand-in refuses what Shopify refuses: wrong settings, a second pixel, missing scopes', async () => {
    const { webPixelCreate, webPixelUpdate } = await import('../../src/shopify/stand-in/theme-and-pixel.ts');
    const shop = { ...standInShop(), webPixel: null };
    expect(webPixelCreate(shop, { webPixel: { settings: '{"ingestUrl":"https://a"}' } }, () => 'x')).toMatchObject({ data: { webPixelCreate: { userErrors: [{ code: 'INVALID_SETTINGS' }] } } });
    expect(webPixelCreate(shop, { webPixel: { settings: '{nope' } }, () => 'x')).toMatchObject({ data: { webPixelCreate: { userErrors: [{ code: 'INVALID_CONFIGURATION_JSON' }] } } });
    expect(webPixelCreate(shop, { webPixel: { settings: '{"ingestUrl":"https://a","ingestKey":"k","extra":"1"}' } }, () => 'x')).toMatchObject({ data: { webPixelCreate: { userErrors: [{ code: 'INVALID_SETTINGS' }] } } });
    expect(webPixelCreate(standInShop(), { webPixel: { settings: '{"ingestUrl":"https://a","ingestKey":"k"}' } }, () => 'x')).toMatchObject({ data: { webPixelCreate: { userErrors: [{ code: 'TAKEN' }] } } });
    expect(webPixelUpdate(standInShop(), { id: 'gid://shopify/WebPixel/0', webPixel: { settings: '{}' } })).toMatchObject({ data: { webPixelUpdate: { userErrors: [{ code: 'NOT_FOUND' }] } } });

    // A shop that granted no pixel scopes still installs; the pixel is reported as not connected, with why.
    expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(NO_PIXEL_SCOPES) })).status).toBe(200);
    expect(h.standIn.state.shops.get(NO_PIXEL_SCOPES)!.webPixel).toBeNull();
    expect(await h.store.settings.get(NO_PIXEL_SCOPES, 'pixel')).toMatchObject({ state: 'failed', code: 'ACCESS_DENIED' });
  });

  it('reports the app embed as off with Shopify\'s activateAppId deep link, and the other embedded apps by name', async () => {
    const status = await (await h.api('/api/shop/storefront-plugin', { token: await token() })).json();
    expect(status.storefront.embed).toEqual({
      checked: true, enabled: false, present: false,
      activateUrl: `https://${SHOP}/admin/themes/current/editor?context=apps&activateAppId=${API_KEY}%2Fvitals`,
    });
    expect(status.storefront.appNames).toEqual({ '61ccd3b1-a9f2-4160-9fe9-4fec8413e5d8': 'Judge.me Reviews' });
  });

  it('detects the embed after the merchant switches it on and publishes (themes/publish re-checks)', async () => {
    h.standIn.setOurEmbed(SHOP, true);
    await h.store.settings.set(SHOP, 'appNameOverrides', { 'judge-me-reviews': 'Reviews (Judge.me)' });
    const published = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'themes/publish', shop: SHOP });
    expect(await published.json()).toEqual({ outcome: 'processed' });
    const status = await (await h.api('/api/shop/storefront-plugin', { token: await token() })).json();
    expect(status.storefront.embed).toMatchObject({ checked: true, enabled: true, present: true });
    expect(status.storefront.appNames).toEqual({ '61ccd3b1-a9f2-4160-9fe9-4fec8413e5d8': 'Reviews (Judge.me)' });
    // Switched off again: present but disabled.
    h.standIn.setOurEmbed(SHOP, false);
    const off = await (await h.api('/api/shop/storefront-plugin?refresh=1', { token: await token() })).json();
    expect(off.storefront.embed).toMatchObject({ enabled: false, present: true });
  });

  it('reads Shopify\'s performanceEvents on the unstable API: the app install, then the theme publication', async () => {
    const status = await (await h.api('/api/shop/storefront-plugin?refresh=1', { token: await token() })).json();
    expect(status.storefront.changesUnavailable).toBeUndefined();
    expect(status.storefront.changes).toEqual([
      expect.objectContaining({ kind: 'app-install', subject: 'Judge.me Reviews', source: 'shopify' }),
      expect.objectContaining({ kind: 'theme-publication', subject: 'Dawn', source: 'shopify' }),
    ]);
    const calls = h.standIn.state.requests.filter((r) => r.shop === SHOP && r.operation === 'PerformanceEvents');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.status === 200)).toBe(true);
  });

  it('the stand-in refuses performanceEvents as Shopify does: unknown on a dated version, ACCESS_DENIED without read_reports', async () => {
    const access = h.standIn.state.issue(SHOP, 'access', 600);
    const ask = (version: string, shop = SHOP, tokenValue = access) => fetch(`${h.standIn.url}/admin/api/${version}/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': tokenValue, 'x-stand-in-shop': shop },
      body: JSON.stringify({ query: 'query PerformanceEvents($maxDays: Int) { performanceEvents(maxDays: $maxDays) { type occurrence metadata } }', variables: { maxDays: 30 } }),
    }).then((r) => r.json());
    expect(await ask('2026-10')).toMatchObject({ errors: [{ extensions: { code: 'undefinedField', fieldName: 'performanceEvents' } }] });
    expect((await ask('unstable')).data.performanceEvents.length).toBeGreaterThan(0);
    const NO_REPORTS = 'no-reports.myshopify.com';
    h.standIn.addShop({ shop: NO_REPORTS, primaryDomain: 'no-reports.example', scopes: ['read_products', 'read_themes', 'write_pixels', 'read_customer_events'] });
    expect(await ask('unstable', NO_REPORTS, h.standIn.state.issue(NO_REPORTS, 'access', 600))).toMatchObject({ data: { performanceEvents: null }, errors: [{ extensions: { code: 'ACCESS_DENIED' } }] });
    // Through the app, such a shop still installs; the changes are reported unavailable, not empty.
    expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(NO_REPORTS) })).status).toBe(200);
    const status = await (await h.api('/api/shop/storefront-plugin?refresh=1', { token: await h.standIn.sessionToken(NO_REPORTS) })).json();
    expect(status.storefront.changes).toEqual([]);
    expect(status.storefront.changesUnavailable).toMatch(/ACCESS_DENIED|Access denied/);
  });

  it('hands Shopify\'s field vitals (source shopify) and the app names to the next audit\'s options', async () => {
    const resolve = createRunOptionsResolver({ store: h.store, logger: pino({ level: 'silent' }) });
    const options = await resolve(SHOP);
    // The embed's uuid with the merchant's name, and the rename itself (by handle) for URLs named by handle.
    expect(options.auditOptions).toEqual({ load: { appNames: { '61ccd3b1-a9f2-4160-9fe9-4fec8413e5d8': 'Reviews (Judge.me)', 'judge-me-reviews': 'Reviews (Judge.me)' } } });
    expect(options.inputs?.fieldVitals).toEqual(expect.arrayContaining([
      expect.objectContaining({ template: 'home', device: 'mobile', lcpP75Ms: 3100, inpP75Ms: 240, clsP75: 0.08, samples: 4200, source: 'shopify' }),
      expect.objectContaining({ template: 'product', device: 'desktop', lcpP75Ms: 1900, source: 'shopify' }),
    ]));
  });

  it('degrades cleanly when web_performance is not available: no field vitals, the reason kept', async () => {
    standInShop().webPerformance = null;
    const status = await (await h.api('/api/shop/storefront-plugin?refresh=1', { token: await token() })).json();
    expect(status.storefront.fieldVitals).toEqual([]);
    expect(status.storefront.fieldVitalsUnavailable).toMatch(/web_performance/);
    // The merchant-facing text is a catalogue message, in every shipped language.
    expect(status.storefront.fieldVitalsText).toEqual({ id: 'shopify.fieldVitalsUnavailable' });
    const { formatMessage } = await import('../../src/i18n/format-message.ts');
    expect(formatMessage(status.storefront.fieldVitalsText, 'he')).toMatch(/Shopify/);
    expect(formatMessage(status.storefront.fieldVitalsText, 'he')).not.toBe(formatMessage(status.storefront.fieldVitalsText, 'en'));
  });

  it('uninstalls and redacts: rows gone, receipts kept', async () => {
    expect(await (await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP })).json()).toEqual({ outcome: 'processed' });
    h.standIn.state.revokeShop(SHOP);
    expect(await (await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'shop/redact', shop: SHOP, webhookId: 'life-redact' })).json()).toEqual({ outcome: 'processed' });
    expect(await h.store.shops.get(SHOP)).toBeNull();
    expect(await h.store.settings.get(SHOP, 'shopifyStorefront')).toBeNull();
    expect(await h.store.rum.countFunnelEvents(SHOP)).toBe(0);
  });
});
