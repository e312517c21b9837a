// The two wire formats the storefront sends: a Web Vitals beacon from the theme app embed (one per page view,
// several metrics) and a batch of funnel events from the web pixel. Every field is bounded, so a valid payload
// is small, and nothing personal fits: ids are Shopify's anonymous client id and our random page-view id,
// paths lose their query string (where emails and tokens leak).
import { z } from 'zod';
import { RUM_METRICS } from '../store/index.ts';

export const FUNNEL_EVENTS = [
  'page_viewed', 'product_viewed', 'collection_viewed', 'product_added_to_cart', 'cart_viewed', 'checkout_started',
  'checkout_contact_info_submitted', 'checkout_address_info_submitted', 'checkout_shipping_info_submitted',
  'payment_info_submitted', 'checkout_completed',
] as const;
export type FunnelEventName = (typeof FUNNEL_EVENTS)[number];

export const DEVICE_CLASSES = ['mobile', 'desktop', 'tablet'] as const;

const id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'ids are letters, digits and . : - _');
const token = z.string().min(1).max(40).regex(/^[a-z0-9_/.-]+$/i);
/**
 * Control characters (NUL above all) are removed from free text: PostgreSQL's text type cannot hold NUL at
 * all (SQLSTATE 22021), and no real path or CSS selector needs C0 controls. Lone UTF-16 surrogates, which
 * no database encodes faithfully, become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (text: string): string => text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');

/** Path only: anything from ? or # on is dropped before storing. */
const path = z.string().max(512).transform((p) => storable(p.split(/[?#]/, 1)[0] as string));

export const beaconSchema = z.strictObject({
  v: z.literal(1),
  /** Shopify's anonymous client id (the `_shopify_y` value the pixel reports as event.clientId). */
  cid: id.optional(),
  pv: id,
  /** Liquid request.page_type. */
  t: token,
  d: z.enum(DEVICE_CLASSES),
  n: token.optional(),
  p: path.optional(),
  /** Set by the synthetic-shoppers command, so the data is labelled wherever it is shown. */
  s: z.boolean().optional(),
  m: z.array(z.strictObject({
    n: z.enum(RUM_METRICS),
    v: z.number().finite().min(0).max(600_000),
    r: z.enum(['good', 'needs-improvement', 'poor']).optional(),
    /** LCP element or INP target selector. */
    e: z.string().max(256).transform(storable).optional(),
  })).min(1).max(10),
});
export type BeaconPayload = z.infer<typeof beaconSchema>;

export const pixelBatchSchema = z.strictObject({
  s: z.boolean().optional(),
  events: z.array(z.strictObject({
    id,
    name: z.enum(FUNNEL_EVENTS),
    clientId: id,
    ts: z.iso.datetime({ offset: true }),
    t: token.optional(),
    p: path.optional(),
    value: z.number().finite().min(0).max(1e9).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  })).min(1).max(50),
});
export type PixelBatch = z.infer<typeof pixelBatchSchema>;

