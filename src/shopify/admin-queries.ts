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
