// Every Admin GraphQL document the app sends, in one place, so the stand-in and the scopes in shopify.app.toml
// can be checked against it. Scope needed by each is noted beside it.

/** No extra scope: every app can read the shop object. */
export const SHOP_PROFILE_QUERY = /* GraphQL */ `
  query ShopProfile {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      plan { publicDisplayName }
      primaryDomain { host url }
    }
  }`;

/** No extra scope: the currency ShopifyQL money figures are in. */
export const SHOP_CURRENCY_QUERY = /* GraphQL */ `
  query ShopCurrency { shop { currencyCode } }`;

/** read_products: real handles so discovery audits real product and collection pages. */
export const CATALOG_HANDLES_QUERY = /* GraphQL */ `
  query CatalogHandles($first: Int!) {
    products(first: $first, query: "status:active") { nodes { handle } }
    collections(first: $first) { nodes { handle } }
  }`;

/** read_themes: the published theme, so a theme change can be tied to a change in the scores. */
export const MAIN_THEME_QUERY = /* GraphQL */ `
  query MainTheme {
    themes(first: 1, roles: [MAIN]) { nodes { id name role } }
  }`;

/** read_reports: ShopifyQL analytics (sales and sessions), the advisor's store inputs. */
export const SHOPIFYQL_QUERY = /* GraphQL */ `
  query StoreAnalytics($query: String!) {
    shopifyqlQuery(query: $query) {
      parseErrors
      tableData { columns { name dataType } rows }
    }
  }`;

export const SALES_30_DAYS_SHOPIFYQL = 'FROM sales SHOW total_sales, orders SINCE -30d UNTIL today';
export const SESSIONS_30_DAYS_SHOPIFYQL = 'FROM sessions SHOW sessions SINCE -30d UNTIL today';

/** read_orders: the fallback when ShopifyQL is not available; orders of the last 30 days, summed here. */
export const ORDERS_SUMMARY_QUERY = /* GraphQL */ `
  query OrdersSummary($query: String!, $after: String) {
    orders(first: 250, after: $after, query: $query) {
      nodes { totalPriceSet { shopMoney { amount currencyCode } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** read_themes: the main theme's settings_data.json, where app embed blocks are switched on or off. */
export const MAIN_THEME_SETTINGS_QUERY = /* GraphQL */ `
  query MainThemeSettings {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: ["config/settings_data.json"], first: 1) {
          nodes { filename body { ... on OnlineStoreThemeFileBodyText { content } } }
        }
      }
    }
  }`;

/** read_pixels (implied by write_pixels): the app's own web pixel on this shop, if one was created. */
export const WEB_PIXEL_QUERY = /* GraphQL */ `
  query AppWebPixel { webPixel { id settings } }`;

/** write_pixels + read_customer_events: activates the funnel pixel with its settings (a JSON string). */
export const WEB_PIXEL_CREATE = /* GraphQL */ `
  mutation WebPixelCreate($webPixel: WebPixelInput!) {
    webPixelCreate(webPixel: $webPixel) { userErrors { field message code } webPixel { id settings } }
  }`;

export const WEB_PIXEL_UPDATE = /* GraphQL */ `
  mutation WebPixelUpdate($id: ID!, $webPixel: WebPixelInput!) {
    webPixelUpdate(id: $id, webPixel: $webPixel) { userErrors { field message code } webPixel { id settings } }
  }`;

/**
 * read_reports: Shopify's own field Web Vitals (ShopifyQL `web_performance`, real Chrome page loads), p75 per
 * page type and device over 28 days, the window Core Web Vitals are judged on.
 */
export const WEB_PERFORMANCE_28_DAYS_SHOPIFYQL =
  'FROM web_performance SHOW lcp_p75_ms, inp_p75_ms, cls_p75, page_loads GROUP BY page_type, device_type SINCE -28d UNTIL today';

/**
 * read_themes + read_reports, Admin API `unstable` only: events Shopify's RUM ties to storefront performance
 * (app installs and uninstalls, theme publications, live theme edits). Sent to the unstable endpoint; a shop or
 * version where it is missing answers an error, which reads as "not available".
 */
export const PERFORMANCE_EVENTS_QUERY = /* GraphQL */ `
  query PerformanceEvents($maxDays: Int) {
    performanceEvents(maxDays: $maxDays) { type occurrence metadata }
  }`;
