import type { IncomingMessage, ServerResponse } from 'node:http';

export type DemoVariant = 'defective' | 'fixed';
export type CheckoutKind = 'three-page' | 'one-page';
/** Storefront themes of the zoo (src/demo-store/themes/): `classic` is the original demo markup. */
export const THEME_NAMES = ['classic', 'dawn', 'dawn-drawer', 'dawn-quick-add', 'horizon', 'plain'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];


export interface DemoStoreOptions {
  variant?: DemoVariant;
  checkout?: CheckoutKind;
  /** Storefront theme (default classic). */
  theme?: ThemeName;
  /**
   * Shopify's hosted checkout as it is today: card fields in cross-origin iframes (the card vault's origin) and
   * shipping methods fetched after the address (three-page: while the shipping page loads; one-page: once the
   * address is complete). Default: on for the zoo themes, off for classic (its tests post the card inline).
   */
  hostedCheckout?: boolean;
  /** Catalogue size; 0 gives a store with no products. */
  productCount?: number;
  /** Storefront password page: every storefront page redirects to /password until the password is entered. */
  password?: boolean;
  /** Storefront port; the app CDN and external site take `appCdnPort` / `externalPort` (0 = random). */
  port?: number;
  appCdnPort?: number;
  externalPort?: number;
  host?: string;
  /** TTFB of the slow collection (D5), defective variant only. */
  slowCollectionMs?: number;
  /** How long the hosted checkout's shipping_rates.json takes to answer (default 600 ms); a test of a stuck checkout sets minutes. */
  shippingRatesDelayMs?: number;
  /**
   * D17's tracking call, made late: on the information page's first change event (the address being
   * entered), once the page's script has kept the main thread busy this long (a heavy analytics bundle);
   * 0 (default) = at DOMContentLoaded. `trackingDelayMs`: how long
   * the endpoint takes to answer (default 0). Tests of the journey's wait for late requests set both.
   */
  trackingBusyMs?: number;
  trackingDelayMs?: number;
  /** Inject `embedHtml` (the project's storefront plugin embed) before </body> on every storefront page. */
  embedPlugin?: boolean;
  embedHtml?: string;
  /**
   * Shopify app proxy: storefront requests under /apps/ go to this handler (same origin, like a real app
   * proxy). Return false to fall through to the store's 404.
   */
  appProxy?: AppProxyHandler;
}

export type AppProxyHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface ResolvedOptions {
  variant: DemoVariant;
  checkout: CheckoutKind;
  theme: ThemeName;
  hostedCheckout: boolean;
  productCount: number;
  password: boolean;
  port: number;
  appCdnPort: number;
  externalPort: number;
  host: string;
  slowCollectionMs: number;
  shippingRatesDelayMs: number;
  trackingBusyMs: number;
  trackingDelayMs: number;
  embedPlugin: boolean;
  embedHtml: string;
  appProxy: AppProxyHandler | undefined;
}

export function resolveOptions(options: DemoStoreOptions = {}): ResolvedOptions {
  const productCount = options.productCount ?? 48;
  if (!Number.isInteger(productCount) || productCount < 0) {
    throw new RangeError(`productCount must be a non-negative integer, got ${String(options.productCount)}`);
  }
  const variant = options.variant ?? 'defective';
  if (variant !== 'defective' && variant !== 'fixed') throw new RangeError(`unknown variant "${String(variant)}"`);
  const checkout = options.checkout ?? 'three-page';
  if (checkout !== 'three-page' && checkout !== 'one-page') throw new RangeError(`unknown checkout "${String(checkout)}"`);
  const theme = options.theme ?? 'classic';
  if (!(THEME_NAMES as readonly string[]).includes(theme)) throw new RangeError(`unknown theme "${String(theme)}"; one of ${THEME_NAMES.join(', ')}`);
  return {
    variant,
    checkout,
    theme,
    hostedCheckout: options.hostedCheckout ?? theme !== 'classic',
    productCount,
    password: options.password ?? false,
    port: options.port ?? 0,
    appCdnPort: options.appCdnPort ?? 0,
    externalPort: options.externalPort ?? 0,
    host: options.host ?? '127.0.0.1',
    slowCollectionMs: options.slowCollectionMs ?? 1200,
    shippingRatesDelayMs: options.shippingRatesDelayMs ?? 600,
    trackingBusyMs: options.trackingBusyMs ?? 0,
    trackingDelayMs: options.trackingDelayMs ?? 0,
    embedPlugin: options.embedPlugin ?? false,
    embedHtml: options.embedHtml ?? '',
    appProxy: options.appProxy,
  };
}
