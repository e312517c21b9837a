import { randomBytes } from 'node:crypto';
import type { Catalog, Product } from './catalog.ts';
import { productImageFile } from './images.ts';

/**
 * The cart lives entirely in the `cart` cookie ("<token>|<variantId>:<qty>,…"), so any number of shoppers
 * and store instances need no server memory.
 */
export interface CartLine {
  product: Product;
  quantity: number;
}
export interface Cart {
  token: string;
  lines: CartLine[];
}

export const CART_COOKIE = 'cart';
export const MAX_QUANTITY = 99;
const MAX_LINES = 50;

export function newToken(): string {
  return randomBytes(16).toString('hex');
}

export function parseCart(value: string | undefined, catalog: Catalog): Cart {
  const [token, items = ''] = (value ?? '').split('|');
  const lines: CartLine[] = [];
  for (const item of items.split(',')) {
    const [id, qty] = item.split(':');
    const product = catalog.byVariantId(Number(id));
    const quantity = Math.min(MAX_QUANTITY, Math.floor(Number(qty)));
    if (product && quantity > 0 && lines.length < MAX_LINES) lines.push({ product, quantity });
  }
  // Pages only need the count; a token is minted when the cart is written or shown (ensureToken).
  return { token: token && /^[0-9a-f]{32}$/.test(token) ? token : '', lines };
}

function ensureToken(cart: Cart): string {
  if (!cart.token) cart.token = newToken();
  return cart.token;
}

export function serializeCart(cart: Cart): string {
  return `${ensureToken(cart)}|${cart.lines.map((l) => `${l.product.variantId}:${l.quantity}`).join(',')}`;
}

export function addToCart(cart: Cart, product: Product, quantity: number): CartLine {
  const existing = cart.lines.find((l) => l.product.variantId === product.variantId);
  if (existing) {
    existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity);
    return existing;
  }
  const line = { product, quantity: Math.min(MAX_QUANTITY, quantity) };
  cart.lines.push(line);
  return line;
}

export function cartTotal(cart: Cart): number {
  return cart.lines.reduce((sum, l) => sum + l.product.priceCents * l.quantity, 0);
}

export function itemCount(cart: Cart): number {
  return cart.lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** A line item as Shopify's Ajax Cart API returns it. */
export function lineItemJson(l: CartLine): Record<string, unknown> {
  const p = l.product;
  return {
    id: p.variantId, properties: {}, quantity: l.quantity, variant_id: p.variantId, key: `${p.variantId}:${p.id.toString(16)}`,
    title: p.title, price: p.priceCents, original_price: p.priceCents, discounted_price: p.priceCents, line_price: p.priceCents * l.quantity,
    original_line_price: p.priceCents * l.quantity, final_price: p.priceCents, final_line_price: p.priceCents * l.quantity,
    sku: `SKU-${p.index}`, grams: 300, vendor: p.vendor, taxable: true, product_id: p.id, product_has_only_default_variant: true,
    gift_card: false, url: `/products/${p.handle}?variant=${p.variantId}`, image: `/cdn/shop/files/${productImageFile(p.index)}`,
    handle: p.handle, requires_shipping: true, product_type: p.type, product_title: p.title, variant_title: null, discounts: [],
  };
}

export function cartJson(cart: Cart): Record<string, unknown> {
  const total = cartTotal(cart);
  return {
    token: ensureToken(cart), note: null, attributes: {}, original_total_price: total, total_price: total, total_discount: 0,
    total_weight: itemCount(cart) * 300, item_count: itemCount(cart), items: cart.lines.map(lineItemJson),
    requires_shipping: cart.lines.length > 0, currency: 'USD', items_subtotal_price: total, cart_level_discount_applications: [],
  };
}
