// The per-shop ingest key the web pixel sends with its events. It is derived (HMAC-SHA256 of the shop domain
// under the app's secret) rather than stored, so checking it costs no database round trip at thousands of
// events per second, and rotating the secret rotates every key.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function ingestKeyFor(secret: string, shop: string): string {
  return createHmac('sha256', secret).update(`rum-ingest:${shop}`).digest('base64url');
}

export function isValidIngestKey(secret: string, shop: string, key: string): boolean {
  const expected = Buffer.from(ingestKeyFor(secret, shop));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
