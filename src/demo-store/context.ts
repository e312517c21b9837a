import type { Cart } from './cart.ts';
import type { Catalog } from './catalog.ts';
import type { ResolvedOptions } from './options.ts';

/** What every template needs to know about the running store. */
export interface StoreContext {
  opts: ResolvedOptions;
  catalog: Catalog;
  appCdnUrl: string;
  externalUrl: string;
}

/** Per-request facts the layout shows: absolute origin (from Host), the path and the cart bubble. */
export interface PageRequest {
  base: string;
  path: string;
  cartCount: number;
  /** The shopper's cart, for themes that render it on every page (a cart drawer). */
  cart?: Cart;
}

export const isDefective = (ctx: StoreContext): boolean => ctx.opts.variant === 'defective';
