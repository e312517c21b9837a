// The stand-in's world: the shops it knows, the tokens it issued, and the faults a test asked for.
import { randomBytes } from 'node:crypto';
import { settingsDataWith } from './theme-and-pixel.ts';

export interface StandInShop {
  shop: string;
  name: string;
  primaryDomain: string;
  /** Scheme and host of the storefront; http for a local development store. */
  primaryUrl: string;
  currency: string;
  timezone: string;
  plan: string;
  /** Scopes granted at install (shopify.app.toml's access_scopes in real life). */
  scopes: string[];
  products: string[];
  collections: string[];
  mainTheme: { id: string; name: string };
  sales30d: { totalSales: number; orders: number };
  sessions30d: number;
  /** Order totals for the orders-summary fallback. */
  orderTotals: number[];
  /** The main theme's config/settings_data.json as stored (comment banner included); null: no such file. */
  settingsData: string | null;
  /** The app's web pixel record, once webPixelCreate ran. */
  webPixel: { id: string; settings: string } | null;
  /** ShopifyQL web_performance rows (p75 by page type and device); null: the dataset is not available. */
  webPerformance: Array<{ page_type: string; device_type: string; lcp_p75_ms: number; inp_p75_ms: number; cls_p75: number; page_loads: number }> | null;
  /**
   * What the unstable Admin API's `performanceEvents` answers (app installs and uninstalls, theme publications and
   * live edits, as Shopify's RUM annotates them), newest last. Served on the `unstable` version only.
   */
  performanceEvents: Array<{ type: 'APP_INSTALL' | 'APP_UNINSTALL' | 'THEME_LIVE_EDIT' | 'THEME_PUBLICATION'; occurrence: string; metadata: Record<string, unknown> }>;
}

export interface IssuedToken {
  shop: string;
  kind: 'access' | 'refresh';
  expiresAt: number;
  revoked: boolean;
}

export interface Fault {
  kind: 'throttled' | 'status';
  status?: number;
  retryAfterSeconds?: number;
}

export interface StandInOptions {
  apiKey: string;
  apiSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export interface RecordedRequest {
  at: number;
  shop: string;
  kind: 'token-exchange' | 'refresh' | 'graphql';
  operation?: string;
  status: number;
}

export class StandInState {
  readonly options: StandInOptions;
  readonly shops = new Map<string, StandInShop>();
  readonly tokens = new Map<string, IssuedToken>();
  readonly faults = new Map<string, Fault[]>();
  readonly requests: RecordedRequest[] = [];

  constructor(options: StandInOptions) {
    this.options = options;
  }

  addShop(partial: Partial<StandInShop> & { shop: string }): StandInShop {
    const handle = partial.shop.replace(/\.myshopify\.com$/, '');
    const shop: StandInShop = {
      name: `Shop ${handle}`,
      primaryDomain: partial.shop,
      currency: 'USD',
      timezone: 'America/New_York',
      plan: 'Basic',
      scopes: ['read_products', 'read_themes', 'read_orders', 'read_reports', 'write_pixels', 'read_customer_events'],
      products: ['classic-tee', 'canvas-tote', 'wool-beanie'],
      collections: ['frontpage', 'summer'],
      mainTheme: { id: 'gid://shopify/OnlineStoreTheme/1001', name: 'Dawn' },
      sales30d: { totalSales: 12_500, orders: 125 },
      sessions30d: 6_250,
      orderTotals: [40, 60, 100],
      // Another app's embed, switched on: what most real themes carry. Ours is absent until the merchant adds it.
      settingsData: settingsDataWith({ '17023847293847': { type: 'shopify://apps/judge-me-reviews/blocks/judgeme_core/61ccd3b1-a9f2-4160-9fe9-4fec8413e5d8', disabled: false, settings: {} } }),
      webPixel: null,
      webPerformance: [
        { page_type: 'index', device_type: 'mobile', lcp_p75_ms: 3100, inp_p75_ms: 240, cls_p75: 0.08, page_loads: 4200 },
        { page_type: 'product', device_type: 'mobile', lcp_p75_ms: 3600, inp_p75_ms: 310, cls_p75: 0.12, page_loads: 6100 },
        { page_type: 'product', device_type: 'desktop', lcp_p75_ms: 1900, inp_p75_ms: 120, cls_p75: 0.03, page_loads: 2300 },
      ],
      performanceEvents: [
        { type: 'APP_INSTALL', occurrence: new Date(Date.now() - 40 * 86_400_000).toISOString(), metadata: { app_title: 'Judge.me Reviews' } },
      ],
      ...partial,
      primaryUrl: partial.primaryUrl ?? `https://${partial.primaryDomain ?? partial.shop}`,
    };
    this.shops.set(shop.shop, shop);
    return shop;
  }

  issue(shop: string, kind: IssuedToken['kind'], ttlSeconds: number): string {
    const token = `${kind === 'access' ? 'shpat' : 'shprt'}_${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, { shop, kind, expiresAt: Date.now() + ttlSeconds * 1000, revoked: false });
    return token;
  }

  /** The shop a live token belongs to, or undefined when unknown, revoked, expired or of the wrong kind. */
  verify(token: string | undefined, kind: IssuedToken['kind']): IssuedToken | undefined {
    const issued = token ? this.tokens.get(token) : undefined;
    if (!issued || issued.kind !== kind || issued.revoked || issued.expiresAt <= Date.now()) return undefined;
    return issued;
  }

  revokeShop(shop: string): void {
    for (const token of this.tokens.values()) if (token.shop === shop) token.revoked = true;
  }

  /** Queue faults for the next GraphQL requests of a shop, answered in order. */
  injectFaults(shop: string, faults: Fault[]): void {
    this.faults.set(shop, [...(this.faults.get(shop) ?? []), ...faults]);
  }

  takeFault(shop: string): Fault | undefined {
    return this.faults.get(shop)?.shift();
  }
}
