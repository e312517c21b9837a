import type { Cart, CartLine } from '../cart.ts';
import type { Product } from '../catalog.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import type { LayoutInput } from '../templates/layout.ts';

/** A file a theme serves from Shopify's CDN paths (/cdn/shop/t/N/…, /cdn/fonts/…, /cdn/shopifycloud/…, /cdn/wpm/…). */
export interface ThemeFile {
  type: string;
  body: string | Buffer;
}

/**
 * A storefront theme of the zoo. Every hook is optional: a theme without one gets the classic markup. The
 * hooks mirror where a Liquid theme differs: the head (content_for_header and the theme's assets), what
 * sits around the header (cart notification or drawer), the product form, the product card (quick add),
 * the cart page, overlays before </body>, and the Section Rendering API answers its scripts ask for.
 */
export interface Theme {
  name: string;
  /** The real theme or pattern it imitates, and where its behaviour was read (for docs/demo-store.md). */
  imitates: string;
  head?(ctx: StoreContext, req: PageRequest, input: LayoutInput, appTags: string): string;
  /** Rendered right after the header (cart notification, cart drawer). */
  afterHeader?(ctx: StoreContext, req: PageRequest): string;
  /** Stylesheets a template's sections link from inside <main>, as Dawn's sections do. */
  sectionStyles?(template: string): string;
  /** Rendered before </body> (popups, banners). */
  bodyEnd?(ctx: StoreContext, req: PageRequest): string;
  productForm?(ctx: StoreContext, p: Product, selectedVariantId: number | null): string;
  productCardExtra?(p: Product): string;
  cartPage?(ctx: StoreContext, req: PageRequest, cart: Cart, notice?: string): string;
  /** Section Rendering API: section id → HTML, after an add to cart (`line`) or for a page. */
  section?(id: string, ctx: StoreContext, req: PageRequest, cart: Cart, line?: CartLine): string | undefined;
  /** Files by URL path. */
  files?(ctx: StoreContext): Map<string, ThemeFile>;
}
