// What a storefront client (the theme embed's beacon, the web pixel, Shopify's app proxy) reads when the app
// refuses it: the API's {error: {code, message, text}} body, a stable machine code and a message from the errors
// catalogue in the request's language, never an English sentence written in the route (issue #16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { sqliteBackend } from '../store/backends.ts';
import { signedProxyQuery, startRumApp, type RumApp } from './app.ts';

const backend = sqliteBackend();
const SHOP = 'refusals.myshopify.com';
let app: RumApp;
let busy: RumApp;
let limited: RumApp;

beforeAll(async () => {
  app = await startRumApp(backend, { limits: { maxBodyBytes: 2048 } });
  limited = await startRumApp(backend, { limits: { perAddressPerMinute: 1 } });
  busy = await startRumApp(backend, { batch: { capacity: 2, maxDelayMs: 200, maxRows: 1000 } });
});
afterAll(async () => {
  await app?.close();
  await busy?.close();
  await limited?.close();
  await backend.cleanup();
});

const beacon = (pv: string) => JSON.stringify({ v: 1, pv, t: 'index', d: 'desktop', m: [{ n: 'TTFB', v: 120 }] });
const LOCALES = ['en', 'zh-CN', 'he', 'fa'] as const;

interface ErrorBody { error: { code: string; message: string; text: { id: string; params?: Record<string, unknown> }; issues?: unknown[] } }

/** The same refusal in every shipped language: one code, the catalogue's message for each locale. */
async function refusedInEveryLocale(send: (locale: string) => Promise<Response>, status: number, code: string): Promise<ErrorBody[]> {
  const bodies: ErrorBody[] = [];
  for (const locale of LOCALES) {
    const response = await send(locale);
    expect(response.status, `${code} in ${locale}`).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.text.id).toBe(`errors.${code}`);
    expect(body.error.message).toBe(formatMessage(body.error.text as never, locale as never, { isolate: locale === 'he' || locale === 'fa' }));
    bodies.push(body);
  }
  const messages = bodies.map((b) => b.error.message);
  expect(new Set(messages).size, `${code}: each language has its own message`).toBe(LOCALES.length);
  return bodies;
}

describe('refusals a storefront client gets, in its language', () => {
  it('an unsigned beacon: 401 app_proxy_signature_invalid', async () => {
    await refusedInEveryLocale((locale) => fetch(`${app.url}/apps/storefront-auditor/beacon`, { method: 'POST', headers: { 'accept-language': locale }, body: beacon('u') }), 401, 'app_proxy_signature_invalid');
  });

  it('a beacon that is not a beacon: 400 invalid_body with the issue found', async () => {
    const bodies = await refusedInEveryLocale((locale) => fetch(`${app.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, {
      method: 'POST', headers: { 'accept-language': locale }, body: JSON.stringify({ v: 1, pv: 'x', t: 'index', d: 'toaster', m: [] }),
    }), 400, 'invalid_body');
    expect(bodies[0]!.error.issues?.length).toBeGreaterThan(0);
  });

  it('a beacon over the size cap: 413 payload_too_large with the limit', async () => {
    const bodies = await refusedInEveryLocale((locale) => fetch(`${app.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, {
      method: 'POST', headers: { 'accept-language': locale, 'content-length': String(4096) }, body: 'x'.repeat(4096),
    }), 413, 'payload_too_large');
    expect(bodies[0]!.error.text.params).toEqual({ limit: { kind: 'bytes', value: 2048 } });
  });

  it('a pixel batch with a wrong ingest key: 401 ingest_key_invalid', async () => {
    await refusedInEveryLocale((locale) => fetch(`${app.url}/ingest/pixel?shop=${SHOP}&key=wrong`, { method: 'POST', headers: { 'accept-language': locale }, body: '{}' }), 401, 'ingest_key_invalid');
  });

  it('a client over its rate limit: 429 too_many_requests', async () => {
    // One beacon a minute per address: the first is stored, every further one is refused.
    expect((await fetch(`${limited.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, { method: 'POST', body: beacon('first') })).status).toBe(204);
    await refusedInEveryLocale((locale) => fetch(`${limited.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, { method: 'POST', headers: { 'accept-language': locale }, body: beacon(`r-${locale}`) }), 429, 'too_many_requests');
  });

  it('a full ingestion buffer: 503 ingest_busy with Retry-After', async () => {
    const responses = await Promise.all(Array.from({ length: 24 }, (_, i) =>
      fetch(`${busy.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, { method: 'POST', headers: { 'accept-language': LOCALES[i % 4]! }, body: beacon(`b${i}`) })));
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.headers.get('retry-after')).toBe('1');
      expect(((await response.json()) as ErrorBody).error.code).toBe('ingest_busy');
    }
  });
});
