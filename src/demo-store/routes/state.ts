import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cart } from '../cart.ts';
import { CART_COOKIE, itemCount, parseCart } from '../cart.ts';
import type { CheckoutBook } from '../checkout/sessions.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { cookies } from '../http.ts';

/** Mutable per-instance state shared by the route handlers. */
export interface StoreState {
  ctx: StoreContext;
  checkouts: CheckoutBook;
  /** D14: whether the transient 503 was already served in this run. */
  transientServed: boolean;
  /** Timers of delayed responses (D5), cleared by close(). */
  timers: Set<NodeJS.Timeout>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, state: StoreState) => Promise<boolean> | boolean;

export function baseOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '127.0.0.1';
  return `http://${host}`;
}

export function cartOf(req: IncomingMessage, state: StoreState): Cart {
  return parseCart(cookies(req).get(CART_COOKIE), state.ctx.catalog);
}

export function pageRequest(req: IncomingMessage, url: URL, state: StoreState): PageRequest {
  const cart = cartOf(req, state);
  return { base: baseOf(req), path: url.pathname, cartCount: itemCount(cart), cart };
}

export function delay(state: StoreState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      state.timers.delete(t);
      resolve();
    }, ms);
    state.timers.add(t);
  });
}
