// Storefront requests through Shopify's app proxy: only correctly signed, fresh ones reach the routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAppProxyQuery } from '../../src/shopify/stand-in/webhook-sender.ts';
import { sqliteBackend } from '../store/backends.ts';
import { API_SECRET, startHarness, type Harness } from './harness.ts';

const SHOP = 'proxy.myshopify.com';
const backend = sqliteBackend();
let h: Harness;

beforeAll(async () => {
  h = await startHarness(backend);
});

afterAll(async () => {
  await h?.close();
  await backend.cleanup();
});

const params = (timestamp = Math.floor(Date.now() / 1000)) => ({
  shop: SHOP,
  path_prefix: '/apps/storefront-auditor',
  timestamp: String(timestamp),
  logged_in_customer_id: '',
});
const ping = (query: URLSearchParams) => fetch(`${h.url}/apps/storefront-auditor/ping?${query}`);

describe('app proxy signature', () => {
  it('accepts a signed request and names the signed shop', async () => {
    const response = await ping(signAppProxyQuery(params(), API_SECRET));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ shop: SHOP });
  });

  it('refuses unsigned, wrongly signed, altered and stale requests', async () => {
    expect((await ping(new URLSearchParams(params()))).status).toBe(401);
    expect((await ping(signAppProxyQuery(params(), 'wrong-secret'))).status).toBe(401);
    const altered = signAppProxyQuery(params(), API_SECRET);
    altered.set('shop', 'other.myshopify.com');
    expect((await ping(altered)).status).toBe(401);
    expect((await ping(signAppProxyQuery(params(Math.floor(Date.now() / 1000) - 600), API_SECRET))).status).toBe(401);
  });
});

describe('app proxy signature: Shopify sorts the key=value strings by bytes', () => {
  // Byte order puts upper-case keys before lower-case ones (Z = 0x5A < a = 0x61); a locale sort does the
  // opposite, so a verifier using localeCompare refuses these genuine requests.
  it('accepts a genuine request with keys Zeta and alpha (byte order differs from locale order)', async () => {
    const response = await ping(signAppProxyQuery({ ...params(), Zeta: '1', alpha: '2' }, API_SECRET));
    expect(response.status).toBe(200);
  });

  it('refuses the same request signed in locale order', async () => {
    const { createHmac } = await import('node:crypto');
    const query = { ...params(), Zeta: '1', alpha: '2' };
    const localeMessage = Object.keys(query).sort((a, b) => a.localeCompare(b)).map((k) => `${k}=${query[k as keyof typeof query]}`).join('');
    const signed = new URLSearchParams(query);
    signed.set('signature', createHmac('sha256', API_SECRET).update(localeMessage).digest('hex'));
    expect((await ping(signed)).status).toBe(401);
  });

  it('joins repeated parameters with commas, and refuses a repeated shop', async () => {
    expect((await ping(signAppProxyQuery({ ...params(), ids: ['1', '2'] }, API_SECRET))).status).toBe(200);
    const twice = signAppProxyQuery(params(), API_SECRET);
    twice.append('shop', 'other.myshopify.com');
    expect((await ping(twice)).status).toBe(401);
  });
});
