// Delivers a webhook the way Shopify does (shopify.dev, "Deliver webhooks through HTTPS"): a POST of the JSON
// payload with X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(client secret, raw body)) and the topic, shop,
// API version, webhook id, event id and trigger time headers.
import { createHmac, randomUUID } from 'node:crypto';

export interface WebhookDeliveryOptions {
  url: string;
  apiSecret: string;
  topic: string;
  shop: string;
  /** Omitted: the payload Shopify sends for the topic (shop resource, compliance body), naming `shop`. */
  payload?: unknown;
  apiVersion?: string;
  webhookId?: string;
  eventId?: string;
  /** When the event happened; now when omitted. */
  triggeredAt?: Date;
  /** Fault tests: sign with another secret, send a given HMAC, or leave the header out. */
  signingSecret?: string;
  hmac?: string | null;
  /** Fault tests: send this exact body instead of the JSON of `payload`. */
  rawBody?: string;
}

/** The bodies Shopify documents for the topics the app subscribes to, trimmed to the fields that identify. */
export function defaultPayload(topic: string, shop: string): Record<string, unknown> {
  const shopId = 548380009;
  switch (topic) {
    case 'app/uninstalled':
      return { id: shopId, name: shop.replace(/\.myshopify\.com$/, ''), domain: shop, myshopify_domain: shop };
    case 'shop/redact':
      return { shop_id: shopId, shop_domain: shop };
    case 'customers/redact':
      return { shop_id: shopId, shop_domain: shop, customer: { id: 207119551, email: 'john@example.com', phone: '555-625-1199' }, orders_to_redact: [299938, 280263] };
    case 'customers/data_request':
      return { shop_id: shopId, shop_domain: shop, orders_requested: [299938], customer: { id: 207119551, email: 'john@example.com' }, data_request: { id: 9999 } };
    case 'themes/publish':
      return { id: 828155753, name: 'Comfort', role: 'main', theme_store_id: null, previewable: true, processing: false };
    default:
      return {};
  }
}

export function signWebhookBody(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

export async function deliverWebhook(options: WebhookDeliveryOptions): Promise<Response> {
  const body = options.rawBody ?? JSON.stringify(options.payload ?? defaultPayload(options.topic, options.shop));
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': options.topic,
    'X-Shopify-Shop-Domain': options.shop,
    'X-Shopify-API-Version': options.apiVersion ?? '2026-10',
    'X-Shopify-Webhook-Id': options.webhookId ?? randomUUID(),
    'X-Shopify-Event-Id': options.eventId ?? randomUUID(),
    'X-Shopify-Triggered-At': (options.triggeredAt ?? new Date()).toISOString(),
  };
  const hmac = options.hmac === undefined ? signWebhookBody(options.signingSecret ?? options.apiSecret, body) : options.hmac;
  if (hmac !== null) headers['X-Shopify-Hmac-Sha256'] = hmac;
  return fetch(options.url, { method: 'POST', headers, body });
}

/**
 * Signs storefront query parameters the way Shopify's app proxy does: each parameter written `name=value`
 * (multiple values joined by commas), the strings sorted by bytes, concatenated with no separator, HMAC-SHA256
 * hex with the client secret, sent as `signature`. Written independently of the app's verifier on purpose.
 */
export function signAppProxyQuery(params: Record<string, string | string[]>, secret: string): URLSearchParams {
  const pairs = Object.entries(params).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : value}`);
  pairs.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  const signed = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) signed.append(key, v);
  signed.set('signature', createHmac('sha256', secret).update(pairs.join('')).digest('hex'));
  return signed;
}
