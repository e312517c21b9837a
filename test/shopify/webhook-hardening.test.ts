// Webhook faults a real shop meets (issue #16, items 7 and 8): retries that arrive after a re-install, one event
// redelivered under a new webhook id, and a signed body whose shop disagrees with its headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOP = 'rehook.myshopify.com';
const OTHER = 'bystander.myshopify.com';
const backend = sqliteBackend();
let h: Harness;

const install = async (shop: string) => expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(shop) })).status).toBe(200);
const outcome = async (response: Response) => ({ status: response.status, body: await response.json() });

beforeAll(async () => {
  h = await startHarness(backend);
  h.standIn.addShop({ shop: SHOP, primaryDomain: 'rehook.example' });
  h.standIn.addShop({ shop: OTHER, primaryDomain: 'bystander.example' });
  await install(SHOP);
  await install(OTHER);
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

describe('webhook hardening', () => {
  it('treats one X-Shopify-Event-Id under a second webhook id as a duplicate', async () => {
    const base = { url: h.webhookUrl, topic: 'themes/publish', shop: SHOP, eventId: 'evt-theme-7' };
    expect(await outcome(await h.standIn.sendWebhook({ ...base, webhookId: 'wh-a' }))).toEqual({ status: 200, body: { outcome: 'processed' } });
    expect(await outcome(await h.standIn.sendWebhook({ ...base, webhookId: 'wh-b' }))).toEqual({ status: 200, body: { outcome: 'duplicate' } });
    expect(h.auditRequests.filter((r) => r.reason === 'theme-publish')).toHaveLength(1);
  });

  it('refuses a signed body whose shop is not the X-Shopify-Shop-Domain (400, nothing done)', async () => {
    const forged = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP, payload: { id: 1, myshopify_domain: OTHER } });
    expect(forged.status).toBe(400);
    const missing = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'shop/redact', shop: OTHER, payload: { shop_id: 1 } });
    expect(missing.status).toBe(400);
    expect((await h.store.shops.get(SHOP))?.uninstalledAt).toBeNull();
    expect(await h.store.shops.get(OTHER)).not.toBeNull();
    expect(h.stoppedSchedules).toEqual([]);
  });

  it('ignores an app/uninstalled triggered before the current install (a stale retry)', async () => {
    const installedAt = new Date((await h.store.shops.get(SHOP))!.installedAt!);
    const stale = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP, triggeredAt: new Date(installedAt.getTime() - 60_000) });
    expect(await outcome(stale)).toEqual({ status: 200, body: { outcome: 'stale' } });
    expect((await h.store.shops.get(SHOP))?.uninstalledAt).toBeNull();
    expect(await h.store.sessions.findByShop(SHOP)).not.toEqual([]);
  });

  it('a retried shop/redact does not wipe a shop that re-installed: the receipt survives the redact', async () => {
    const uninstall = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP });
    expect((await outcome(uninstall)).body).toEqual({ outcome: 'processed' });
    const redact = { url: h.webhookUrl, topic: 'shop/redact', shop: SHOP, webhookId: 'wh-redact-1', eventId: 'evt-redact-1' };
    expect((await outcome(await h.standIn.sendWebhook(redact))).body).toEqual({ outcome: 'processed' });
    expect(await h.store.shops.get(SHOP)).toBeNull();
    expect(await h.store.db.get('SELECT webhook_id FROM processed_webhooks WHERE webhook_id = ?', ['wh-redact-1'])).toBeTruthy();

    await install(SHOP);
    await h.store.runs.create({ shop: SHOP, storeUrl: 'https://rehook.example/', triggeredBy: 'install' });
    // Shopify retries the same delivery (same webhook id) after the merchant re-installed.
    expect((await outcome(await h.standIn.sendWebhook(redact))).body).toEqual({ outcome: 'duplicate' });
    expect((await h.store.shops.get(SHOP))?.installedAt).toBeTruthy();
    expect(await h.store.runs.latest(SHOP, { status: 'any' })).not.toBeNull();
  });
});
