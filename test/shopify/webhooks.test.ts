// /api/webhooks faults: HMAC checked on the raw body before parsing, forged/missing → 401, duplicates
// idempotent by webhook id, a failed handler → 500 and Shopify's retry processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/shopify/stand-in/webhook-sender.ts';
import { sqliteBackend } from '../store/backends.ts';
import { API_SECRET, startHarness, type Harness } from './harness.ts';

const SHOP = 'hooks.myshopify.com';
const backend = sqliteBackend();
const failAudits = { remaining: 0 };
let h: Harness;

beforeAll(async () => {
  h = await startHarness(backend, { failAudits });
  h.standIn.addShop({ shop: SHOP, primaryDomain: 'hooks.example' });
  // Install, so theme publishes are acted on.
  expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP) })).status).toBe(200);
  h.auditRequests.length = 0;
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

const themePublish = (overrides: Record<string, unknown> = {}) => ({
  url: h.webhookUrl,
  topic: 'themes/publish',
  shop: SHOP,
  payload: { id: 5, name: 'Horizon', role: 'main' },
  ...overrides,
});

describe('webhook authenticity', () => {
  it('refuses a webhook with no HMAC header', async () => {
    const response = await h.standIn.sendWebhook(themePublish({ hmac: null }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'webhook_signature_invalid', reason: 'missing_hmac', text: { id: 'errors.webhook_signature_invalid' } } });
  });

  it('refuses a webhook signed with another secret', async () => {
    const response = await h.standIn.sendWebhook(themePublish({ signingSecret: 'forged-secret' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'webhook_signature_invalid', reason: 'invalid_hmac' } });
  });

  it('refuses a body altered after signing', async () => {
    const signed = JSON.stringify({ id: 5, name: 'Horizon' });
    const response = await h.standIn.sendWebhook(
      themePublish({ rawBody: JSON.stringify({ id: 6, name: 'Evil' }), hmac: signWebhookBody(API_SECRET, signed) }),
    );
    expect(response.status).toBe(401);
  });

  it('checks the HMAC before parsing: a forged non-JSON body is a 401, not a parse error', async () => {
    const response = await h.standIn.sendWebhook(themePublish({ rawBody: '{not json', hmac: 'AAAA' }));
    expect(response.status).toBe(401);
  });

  it('answers 400 to a correctly signed body that is not JSON', async () => {
    const response = await h.standIn.sendWebhook(themePublish({ rawBody: '{not json' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('none of the refused deliveries queued anything', () => {
    expect(h.auditRequests).toEqual([]);
  });
});

describe('webhook delivery semantics', () => {
  it('processes a duplicate delivery once', async () => {
    const delivery = themePublish({ webhookId: 'dup-1' });
    const answers = await Promise.all([h.standIn.sendWebhook(delivery), h.standIn.sendWebhook(delivery), h.standIn.sendWebhook(delivery)]);
    const outcomes = await Promise.all(answers.map(async (r) => (await r.json()).outcome));
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'processed']);
    expect(h.auditRequests.filter((r) => r.cause === 'dup-1')).toHaveLength(1);
  });

  it('answers 500 when the handler fails and processes Shopify\'s retry of the same id', async () => {
    failAudits.remaining = 1;
    const delivery = themePublish({ webhookId: 'retry-1' });
    expect((await h.standIn.sendWebhook(delivery)).status).toBe(500);
    expect(h.auditRequests.filter((r) => r.cause === 'retry-1')).toHaveLength(0);
    const retry = await h.standIn.sendWebhook(delivery);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: 'processed' });
    expect(h.auditRequests.filter((r) => r.cause === 'retry-1')).toHaveLength(1);
  });

  it('acknowledges topics it does not handle without acting', async () => {
    const response = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'products/update', shop: SHOP, payload: { id: 1 } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'ignored' });
  });
});
