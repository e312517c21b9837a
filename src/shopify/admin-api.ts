// Read-only Admin API access for one shop, GraphQL only, through the offline token (refreshed as needed).
import { ApiVersion, type Session } from '@shopify/shopify-api';
import {
  CATALOG_HANDLES_QUERY,
  MAIN_THEME_QUERY,
  SHOP_CURRENCY_QUERY,
  SHOP_PROFILE_QUERY,
} from './admin-queries.ts';
import { requestWithBackoff, type BackoffOptions, type GraphqlRequester } from './graphql-with-backoff.ts';
import type { OfflineTokens } from './offline-token.ts';
import type { ShopProfile } from './ports.ts';
import type { ShopifyApp } from './shopify-app.ts';
import { readStoreInputs, type StoreInputs } from './store-analytics.ts';

export interface MainTheme {
  id: string;
  name: string;
}

export interface CatalogHandles {
  products: string[];
  collections: string[];
}

export interface AdminApi {
  query<T>(shop: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The same on the Admin API's `unstable` version, for fields only it has (performanceEvents). */
  queryUnstable<T>(shop: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  shopProfile(shop: string): Promise<ShopProfile>;
  catalogHandles(shop: string, first?: number): Promise<CatalogHandles>;
  mainTheme(shop: string): Promise<MainTheme | null>;
  storeInputs(shop: string): Promise<StoreInputs>;
}

export function createAdminApi(shopify: ShopifyApp, tokens: OfflineTokens, backoff: BackoffOptions = {}): AdminApi {
  const clientFor = (session: Session, apiVersion?: ApiVersion): GraphqlRequester => new shopify.api.clients.Graphql({ session, ...(apiVersion && { apiVersion }) });

  async function query<T>(shop: string, document: string, variables?: Record<string, unknown>, apiVersion?: ApiVersion): Promise<T> {
    const session = await tokens.getOfflineSession(shop);
    return (await requestWithBackoff<T>(clientFor(session, apiVersion), document, variables, backoff)).data;
  }

  return {
    query: (shop, document, variables) => query(shop, document, variables),
    queryUnstable: (shop, document, variables) => query(shop, document, variables, ApiVersion.Unstable),
    async shopProfile(shop) {
      const { shop: s } = await query<{
        shop: {
          name: string;
          myshopifyDomain: string;
          currencyCode: string;
          ianaTimezone: string | null;
          plan: { publicDisplayName: string } | null;
          primaryDomain: { host: string; url: string };
        };
      }>(shop, SHOP_PROFILE_QUERY);
      return {
        shop,
        name: s.name,
        domains: [...new Set([shop, s.myshopifyDomain, s.primaryDomain.host].map((d) => d.toLowerCase()))],
        primaryDomain: s.primaryDomain.host.toLowerCase(),
        storefrontUrl: new URL('/', s.primaryDomain.url).href,
        currency: s.currencyCode,
        plan: s.plan?.publicDisplayName ?? null,
        timezone: s.ianaTimezone,
      };
    },
    async catalogHandles(shop, first = 50) {
      const data = await query<{ products: { nodes: { handle: string }[] }; collections: { nodes: { handle: string }[] } }>(
        shop,
        CATALOG_HANDLES_QUERY,
        { first },
      );
      return { products: data.products.nodes.map((n) => n.handle), collections: data.collections.nodes.map((n) => n.handle) };
    },
    async mainTheme(shop) {
      const data = await query<{ themes: { nodes: { id: string; name: string }[] } }>(shop, MAIN_THEME_QUERY);
      const theme = data.themes.nodes[0];
      return theme ? { id: theme.id, name: theme.name } : null;
    },
    async storeInputs(shop) {
      const inputs = await readStoreInputs((document, variables) => query(shop, document, variables));
      if (inputs.currency) return inputs;
      // ShopifyQL reports money in the shop's currency without naming it.
      const { shop: s } = await query<{ shop: { currencyCode: string } }>(shop, SHOP_CURRENCY_QUERY);
      return { ...inputs, currency: s.currencyCode };
    },
  };
}
