// App Bridge session tokens at the server's door: signature, audience, expiry with a few seconds' leeway, and
// the answers App Bridge expects (401 + retry header for fetches, the bounce page for document loads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '../store/backends.ts';
import { API_KEY, startHarness, type Harness } from './harness.ts';

const SHOP = 'tokens.myshopify.com';
const backend = sqliteBackend();
let h: Harness;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  h = await startHarness(backend);
  h.standIn.addShop({ shop: SHOP });
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

async function expectRetryable401(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('x-shopify-retry-invalid-session-request')).toBe('1');
}

describe('session tokens on /api', () => {
  it('refuses a fetch with no token', async () => {
    await expectRetryable401(await h.api('/api/shop'));
  });

  it('refuses an expired token', async () => {
    await expectRetryable401(await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP, { issuedAt: now() - 120 }) }));
  });

  it('refuses a token for another app (wrong audience)', async () => {
    await expectRetryable401(await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP, { audience: 'another-app' }) }));
  });

  it('refuses a token signed with the wrong secret', async () => {
    await expectRetryable401(await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP, { signingSecret: 'not-our-secret' }) }));
  });

  it('refuses a token that is not a JWT', async () => {
    await expectRetryable401(await h.api('/api/shop', { token: 'garbage.token.value' }));
  });

  it('refuses Basic, an empty Bearer and a lower-case scheme with 401 + retry header (not a 200 bounce page)', async () => {
    const token = await h.standIn.sessionToken(SHOP);
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', `bearer ${token}`, `BEARER ${token}`, `Bearer  ${token}`, `Token ${token}`]) {
      const response = await h.api('/api/shop', { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('x-shopify-retry-invalid-session-request'), authorization).toBe('1');
      expect(response.headers.get('content-type'), authorization).toMatch(/json/);
    }
  });

  it('exchanged nothing for any refused token', () => {
    expect(h.standIn.state.requests.filter((r) => r.kind === 'token-exchange')).toEqual([]);
    expect(h.auditRequests).toEqual([]);
  });

  it('tolerates a few seconds of clock skew on either side', async () => {
    // Expired 5 s ago, and not valid for another 5 s: both inside the 10 s leeway.
    const late = await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP, { issuedAt: now() - 65 }) });
    expect(late.status).toBe(200);
    const early = await h.api('/api/shop', { token: await h.standIn.sessionToken(SHOP, { issuedAt: now() + 5 }) });
    expect(early.status).toBe(200);
  });
});

describe('document loads', () => {
  it('bounces a document load without a token to App Bridge, framed only by the shop admin', async () => {
    const response = await fetch(`${h.url}/?shop=${SHOP}&embedded=1`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('https://cdn.shopify.com/shopifycloud/app-bridge.js');
    expect(html).toContain(`data-api-key="${API_KEY}"`);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors https://${SHOP} https://admin.shopify.com`);
  });

  it('bounces a document load whose id_token has expired', async () => {
    const stale = await h.standIn.sessionToken(SHOP, { issuedAt: now() - 300 });
    const response = await fetch(`${h.url}/?shop=${SHOP}&embedded=1&id_token=${stale}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('app-bridge.js');
  });

  it('serves the /session-token-bounce page', async () => {
    const response = await fetch(`${h.url}/session-token-bounce?shopify-reload=%2F`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('app-bridge.js');
    expect(html).toContain(`content="${API_KEY}"`);
  });
});
