// Shopify's app-proxy signature (shopify.dev, "Authenticate app proxies"): drop `signature`, join repeated
// parameters' values with commas, write each parameter as `key=value`, sort those strings, concatenate them
// with no separator, and HMAC-SHA256 (hex) the result with the app's client secret. Shopify sorts by bytes;
// @shopify/shopify-api 15.0 sorts with localeCompare, which puts `alpha` before `Zeta` and so refuses genuine
// requests whose keys differ in case. This module verifies with byte order (node:crypto for the HMAC and the
// constant-time compare) and keeps the library's 90-second freshness window and single-value rules.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const APP_PROXY_CLOCK_TOLERANCE_SEC = 90;
const SINGLE_VALUE = new Set(['hmac', 'shop', 'signature', 'timestamp']);

export type AppProxyCheck = { valid: true; shop: string; timestamp: number } | { valid: false; reason: string };

/** The string Shopify signs: `key=value` pairs (repeated keys comma-joined), sorted by bytes, concatenated. */
export function appProxyMessage(query: URLSearchParams): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of query) {
    if (key === 'signature') continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return [...values]
    .map(([key, list]) => `${key}=${list.join(',')}`)
    .sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
    .join('');
}

export function signAppProxyMessage(query: URLSearchParams, secret: string): string {
  return createHmac('sha256', secret).update(appProxyMessage(query), 'utf8').digest('hex');
}

export function verifyAppProxyQuery(query: URLSearchParams, secret: string, nowMs: number = Date.now()): AppProxyCheck {
  for (const key of SINGLE_VALUE) if (query.getAll(key).length > 1) return { valid: false, reason: `${key} appears more than once` };
  const signature = query.get('signature');
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return { valid: false, reason: 'missing or malformed signature' };
  const timestamp = Number(query.get('timestamp'));
  if (!Number.isInteger(timestamp)) return { valid: false, reason: 'missing timestamp' };
  if (Math.abs(nowMs / 1000 - timestamp) > APP_PROXY_CLOCK_TOLERANCE_SEC) return { valid: false, reason: 'stale timestamp' };
  const expected = Buffer.from(signAppProxyMessage(query, secret), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { valid: false, reason: 'signature does not match' };
  return { valid: true, shop: query.get('shop') ?? '', timestamp };
}
