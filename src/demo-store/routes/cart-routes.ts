import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cart } from '../cart.ts';
import { CART_COOKIE, addToCart, cartJson, lineItemJson, serializeCart } from '../cart.ts';
import type { Product } from '../catalog.ts';
import { HttpError, html, json, readForm, redirect, setCookie } from '../http.ts';
import { checkoutPath } from '../templates/checkout-steps.ts';
import { cartPage } from '../templates/cart.ts';
import { themeOf } from '../themes/index.ts';
import { variantById } from '../variants.ts';
import type { Route, StoreState } from './state.ts';
import { cartOf, pageRequest } from './state.ts';

/** The cart page, form posts and Shopify's Ajax Cart API. */
interface AddItem {
  id: number;
  quantity: number;
}

function parseItems(form: URLSearchParams, body: unknown): AddItem[] {
  if (body !== undefined) {
    const b = body as { id?: unknown; quantity?: unknown; items?: unknown };
    const raw = Array.isArray(b.items) ? (b.items as { id?: unknown; quantity?: unknown }[]) : [b];
    return raw.map((i) => ({ id: Number(i?.id), quantity: i?.quantity === undefined ? 1 : Number(i.quantity) }));
  }
  return [{ id: Number(form.get('id')), quantity: form.has('quantity') ? Number(form.get('quantity')) : 1 }];
}

function resolveItems(items: AddItem[], state: StoreState): { product: Product; quantity: number }[] {
  if (items.length === 0) throw new HttpError(422, 'Cart Error: no items given');
  return items.map((item) => {
    if (!Number.isSafeInteger(item.id)) throw new HttpError(422, 'Cart Error: Parameter Missing or Invalid: Required parameter missing or invalid: id');
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw new HttpError(422, 'Cart Error: quantity must be a positive integer');
    const found = variantById(state.ctx.catalog, item.id);
    if (!found) throw new HttpError(404, 'Cart Error: Cannot find variant');
    const { product, variant } = found;
    if (!variant.available) throw new HttpError(422, `Cart Error: The product '${product.title}${variant.title === 'Default Title' ? '' : ` - ${variant.title}`}' is already sold out.`);
    return { product, quantity: item.quantity };
  });
}

/** [line index, new quantity] pairs from /cart/change.js ({line|id, quantity}) or /cart/update.js ({updates}). */
function changesOf(path: string, form: URLSearchParams, body: unknown, cart: Cart): [number, number][] {
  const b = (body ?? Object.fromEntries(form)) as { line?: unknown; id?: unknown; quantity?: unknown; updates?: unknown };
  const lineOf = (id: unknown): number => cart.lines.findIndex((l) => String(l.product.variantId) === String(id).split(':')[0]);
  if (path === '/cart/change.js') {
    const index = b.line !== undefined ? Number(b.line) - 1 : lineOf(b.id);
    return [[index, Number(b.quantity)]];
  }
  if (Array.isArray(b.updates)) return b.updates.map((q, i) => [i, Number(q)]);
  if (b.updates && typeof b.updates === 'object') return Object.entries(b.updates).map(([id, q]) => [lineOf(id), Number(q)]);
  return form.getAll('updates[]').map((q, i) => [i, Number(q)]);
}

function withCart(res: ServerResponse, cart: Cart): void {
  res.setHeader('set-cookie', setCookie(CART_COOKIE, serializeCart(cart)));
}

function ajaxError(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  if (!(err instanceof HttpError)) throw err;
  const [message, description] = err.message.includes(': ') ? [err.message.slice(0, err.message.indexOf(': ')), err.message.slice(err.message.indexOf(': ') + 2)] : ['Cart Error', err.message];
  json(req, res, err.status, { status: err.status, message, description });
}

/** Shopify answers /cart/add with JSON when a script asks for it (Dawn: `Accept: application/javascript`). */
function wantsJson(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? '');
  return /application\/(javascript|json)/.test(accept) || String(req.headers['x-requested-with'] ?? '') === 'XMLHttpRequest';
}

/**
 * A script's add to cart: the line item as JSON, plus `sections` (Section Rendering API) rendered against the
 * new cart when the theme asked for them, as Dawn's product form does for its notification or drawer.
 */
function addForScript(req: IncomingMessage, res: ServerResponse, url: URL, state: StoreState, form: URLSearchParams, body: unknown): void {
  let added: { product: Product; quantity: number }[];
  try {
    added = resolveItems(parseItems(form, body), state);
  } catch (err) {
    return ajaxError(req, res, err);
  }
  const cart = cartOf(req, state);
  const lines = added.map((a) => addToCart(cart, a.product, a.quantity));
  withCart(res, cart);
  const out: Record<string, unknown> = lineItemJson(lines[0]!);
  const ids = (form.get('sections') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 5);
  if (ids.length > 0) {
    const theme = themeOf(state.ctx);
    const page = { ...pageRequest(req, url, state), cart, cartCount: cart.lines.reduce((n, l) => n + l.quantity, 0) };
    out.sections = Object.fromEntries(ids.map((id) => [id, theme.section?.(id, state.ctx, page, cart, lines[0]) ?? null]));
  }
  json(req, res, 200, out);
}

export const cartRoutes: Route = async (req, res, url, state) => {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path === '/cart.js' && (method === 'GET' || method === 'HEAD')) return (json(req, res, 200, cartJson(cartOf(req, state))), true);
  if (path === '/cart' && (method === 'GET' || method === 'HEAD')) {
    const theme = themeOf(state.ctx);
    const page = (theme.cartPage ?? cartPage)(state.ctx, pageRequest(req, url, state), cartOf(req, state));
    return (html(req, res, 200, page), true);
  }
  if (path === '/cart/change' && method === 'GET') {
    const cart = cartOf(req, state);
    const line = Number(url.searchParams.get('line')) - 1;
    const quantity = Number(url.searchParams.get('quantity'));
    const target = cart.lines[line];
    if (target && Number.isInteger(quantity) && quantity >= 0) {
      if (quantity === 0) cart.lines.splice(line, 1);
      else target.quantity = Math.min(99, quantity);
    }
    withCart(res, cart);
    return (redirect(res, 302, '/cart'), true);
  }
  if (method !== 'POST') return false;

  if (path === '/cart/add.js') {
    try {
      const { form, json: body } = await readForm(req);
      const raw = body as { items?: unknown } | undefined;
      const added = resolveItems(parseItems(form, body), state);
      const cart = cartOf(req, state);
      const lines = added.map((a) => addToCart(cart, a.product, a.quantity));
      withCart(res, cart);
      json(req, res, 200, raw && Array.isArray(raw.items) ? { items: lines.map(lineItemJson) } : lineItemJson(lines[0]!));
    } catch (err) {
      ajaxError(req, res, err);
    }
    return true;
  }
  if (path === '/cart/clear.js') {
    const cart = cartOf(req, state);
    cart.lines = [];
    withCart(res, cart);
    return (json(req, res, 200, cartJson(cart)), true);
  }
  if (path === '/cart/change.js' || path === '/cart/update.js') {
    try {
      const { form, json: body } = await readForm(req);
      const cart = cartOf(req, state);
      for (const [index, quantity] of changesOf(path, form, body, cart)) {
        if (!Number.isInteger(quantity) || quantity < 0) throw new HttpError(422, 'Cart Error: quantity must be a non-negative integer');
        if (index < 0 || index >= cart.lines.length) throw new HttpError(400, 'Cart Error: no such line in the cart');
        cart.lines[index]!.quantity = Math.min(99, quantity);
      }
      cart.lines = cart.lines.filter((l) => l.quantity > 0);
      withCart(res, cart);
      json(req, res, 200, cartJson(cart));
    } catch (err) {
      ajaxError(req, res, err);
    }
    return true;
  }
  if (path === '/cart/add') {
    const { form, json: body } = await readForm(req);
    if (wantsJson(req)) return (addForScript(req, res, url, state, form, body), true);
    let added: { product: Product; quantity: number }[];
    try {
      added = resolveItems(parseItems(form, body), state);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      const cart = cartOf(req, state);
      html(req, res, err.status, cartPage(state.ctx, pageRequest(req, url, state), cart, err.message));
      return true;
    }
    const cart = cartOf(req, state);
    for (const a of added) addToCart(cart, a.product, a.quantity);
    withCart(res, cart);
    return (redirect(res, 302, '/cart'), true);
  }
  if (path === '/cart') {
    const { form } = await readForm(req);
    const cart = cartOf(req, state);
    const updates = form.getAll('updates[]');
    updates.forEach((q, i) => {
      const line = cart.lines[i];
      const n = Math.floor(Number(q));
      if (line && Number.isInteger(n) && n >= 0) line.quantity = Math.min(99, n);
    });
    cart.lines = cart.lines.filter((l) => l.quantity > 0);
    withCart(res, cart);
    if (form.has('checkout')) return (startCheckout(res, cart, state), true);
    return (redirect(res, 302, '/cart'), true);
  }
  return false;
};

/** POST /cart with `checkout` (or GET /checkout): a checkout snapshot of the cart, or back to an empty cart. */
export function startCheckout(res: ServerResponse, cart: Cart, state: StoreState): void {
  if (cart.lines.length === 0) return redirect(res, 302, '/cart');
  const session = state.checkouts.create(cart);
  const step = state.ctx.opts.checkout === 'one-page' ? '' : 'information';
  redirect(res, 302, checkoutPath(session.token, step));
}
