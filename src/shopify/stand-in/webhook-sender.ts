// Delivers a webhook the way Shopify does (shopify.dev, "Deliver webhooks through HTTPS"): a POST of the JSON
// payload with X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(client secret, raw body)) and the topic, shop,
// API version, webhook id, event id and trigger time headers.
import { createHmac, randomUUID } from 'node:crypto';

export interface WebhookDeliveryOptions {
  url: string;
  apiSecret: string;
  topic: string;
  shop: string;
  payload: unknown;
  apiVersion?: string;
  webhookId?: string;
  eventId?: string;
  /** Fault tests: sign with another secret, send a given HMAC, or leave the header out. */
  signingSecret?: string;
  hmac?: string | null;
  /** Fault tests: send this exact body instead of the JSON of `payload`. */
  rawBody?: string;
}

export function signWebhookBody(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

export async function deliverWebhook(options: WebhookDeliveryOptions): Promise<Response> {
  const body = options.rawBody ?? JSON.stringify(options.payload);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': options.topic,
    'X-Shopify-Shop-Domain': options.shop,
    'X-Shopify-API-Version': options.apiVersion ?? '2026-01',
    'X-Shopify-Webhook-Id': options.webhookId ?? randomUUID(),
    'X-Shopify-Event-Id': options.eventId ?? randomUUID(),
    'X-Shopify-Triggered-At': new Date().toISOString(),
  };
  const hmac = options.hmac === undefined ? signWebhookBody(options.signingSecret ?? options.apiSecret, body) : options.hmac;
  if (hmac !== null) headers['X-Shopify-Hmac-Sha256'] = hmac;
  return fetch(options.url, { method: 'POST', headers, body });
}

/**
 * Signs storefront query parameters the way Shopify's app proxy does: parameters sorted by name, each written
 * `name=value` (multiple values joined by commas), concatenated with no separator, HMAC-SHA256 hex with the
 * client secret, sent as `signature`.
 */
export function signAppProxyQuery(params: Record<string, string>, secret: string): URLSearchParams {
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('');
  const signed = new URLSearchParams(params);
  signed.set('signature', createHmac('sha256', secret).update(message).digest('hex'));
  return signed;
}
