// The shop-field check per webhook topic reads only the topics it lists: a topic named like an Object member
// ("constructor", "toString") has no shop field to compare, rather than a function looked up as the field's name.
import { describe, expect, it } from 'vitest';
import { assertPayloadMatches, WebhookPayloadError } from '../../src/shopify/webhook-handlers.ts';

const SHOP = 'payload.myshopify.com';

describe('assertPayloadMatches', () => {
  it('checks the listed topics and leaves any other topic alone, Object member names included', () => {
    expect(() => assertPayloadMatches({ topic: 'SHOP_REDACT', shop: SHOP, payload: { shop_domain: 'other.myshopify.com' } })).toThrow(WebhookPayloadError);
    expect(() => assertPayloadMatches({ topic: 'SHOP_REDACT', shop: SHOP, payload: { shop_domain: SHOP } })).not.toThrow();
    for (const topic of ['THEMES_PUBLISH', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => assertPayloadMatches({ topic, shop: SHOP, payload: {} }), topic).not.toThrow();
    }
  });
});
