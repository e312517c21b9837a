// POST /admin/api/<version>/graphql.json: answers the operations in src/shopify/admin-queries.ts with the
// shapes of Shopify's Admin GraphQL API, including its cost extension and rate-limit answers: THROTTLED comes
// back as HTTP 200 with an error whose extensions.code is THROTTLED; 429 carries Retry-After.
import type { Request, Response } from 'express';
import type { StandInShop, StandInState } from './state.ts';
import { mainThemeSettings, webPixelCreate, webPixelQuery, webPixelUpdate } from './theme-and-pixel.ts';
import { supportedVersions } from '../api-version.ts';

const MAXIMUM_AVAILABLE = 2000;
const RESTORE_RATE = 100;
const QUERY_COST = 10;

export function graphqlEndpoint(state: StandInState, shopOf: (req: Request) => string | undefined) {
  return (req: Request, res: Response) => {
    const shopName = shopOf(req) ?? '';
    const { query = '', variables = {} } = (req.body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      state.requests.push({ at: Date.now(), shop: shopName, kind: 'graphql', operation, status });
      res.status(status).set(headers).json(body);
    };
    // Shopify answers 404 for a version that does not exist, and serves an unsupported stable version by
    // falling forward to the oldest supported one, saying which in X-Shopify-API-Version.
    const requested = String(req.params.version);
    const supported = supportedVersions();
    if (!/^\d{4}-(01|04|07|10)$/.test(requested) && requested !== 'unstable') {
      reply(404, { errors: 'Not Found' });
      return;
    }
    res.set('X-Shopify-API-Version', requested === 'unstable' || supported.includes(requested) || requested > supported.at(-1)! ? requested : supported[0]!);
    const token = state.verify(req.get('x-shopify-access-token'), 'access');
    const shop = state.shops.get(shopName);
    if (!token || token.shop !== shopName || !shop) {
      reply(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      return;
    }
    const fault = state.takeFault(shopName);
    if (fault?.kind === 'throttled') {
      reply(200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: cost(0),
      });
      return;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
      reply(fault.status ?? 503, { errors: fault.status === 429 ? 'Exceeded 2 calls per second for api client.' : 'Service Unavailable' }, headers);
      return;
    }
    const answer = operation === 'PerformanceEvents'
      ? performanceEvents(shop, requested, variables)
      : answerOperation(operation, shop, variables, () => `gid://shopify/WebPixel/${5000 + state.requests.length}`);
    if (!answer) {
      reply(200, { errors: [{ message: `stand-in does not know operation ${operation}`, extensions: { code: 'undefinedField' } }] });
      return;
    }
    reply(200, { ...answer, extensions: cost(MAXIMUM_AVAILABLE - QUERY_COST) });
  };
}

function cost(currentlyAvailable: number) {
  return {
    cost: {
      requestedQueryCost: QUERY_COST,
      actualQueryCost: currentlyAvailable === 0 ? null : QUERY_COST,
      throttleStatus: { maximumAvailable: MAXIMUM_AVAILABLE, currentlyAvailable, restoreRate: RESTORE_RATE },
    },
  };
}

function answerOperation(operation: string, shop: StandInShop, variables: Record<string, unknown>, nextId: () => string): { data?: unknown; errors?: unknown } | null {
  switch (operation) {
    case 'MainThemeSettings':
      return mainThemeSettings(shop);
    case 'AppWebPixel':
      return webPixelQuery(shop);
    case 'WebPixelCreate':
      return webPixelCreate(shop, variables, nextId);
    case 'WebPixelUpdate':
      return webPixelUpdate(shop, variables);
    case 'ShopProfile':
      return {
        data: {
          shop: {
            name: shop.name,
            myshopifyDomain: shop.shop,
            currencyCode: shop.currency,
            ianaTimezone: shop.timezone,
            plan: { publicDisplayName: shop.plan },
            primaryDomain: { host: shop.primaryDomain, url: shop.primaryUrl },
          },
        },
      };
    case 'ShopCurrency':
      return { data: { shop: { currencyCode: shop.currency } } };
    case 'CatalogHandles': {
      const first = Number(variables.first ?? 50);
      return {
        data: {
          products: { nodes: shop.products.slice(0, first).map((handle) => ({ handle })) },
          collections: { nodes: shop.collections.slice(0, first).map((handle) => ({ handle })) },
        },
      };
    }
    case 'MainTheme':
      return { data: { themes: { nodes: [{ ...shop.mainTheme, role: 'MAIN' }] } } };
    case 'StoreAnalytics':
      return shopifyql(shop, String(variables.query ?? ''));
    case 'OrdersSummary':
      return {
        data: {
          orders: {
            nodes: shop.orderTotals.map((amount) => ({ totalPriceSet: { shopMoney: { amount: amount.toFixed(2), currencyCode: shop.currency } } })),
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        },
      };
    default:
      return null;
  }
}

/**
 * `performanceEvents(maxDays: Int = 90)`: a list of {type, occurrence, metadata} (shopify.dev, Admin GraphQL
 * unstable: PerformanceEvent, PerformanceEventType). It exists only in the unstable version; a dated version
 * does not know the field (a validation error, no data). "The user must have access to themes and reports".
 */
function performanceEvents(shop: StandInShop, version: string, variables: Record<string, unknown>) {
  if (version !== 'unstable') {
    return { errors: [{ message: "Field 'performanceEvents' doesn't exist on type 'QueryRoot'", extensions: { code: 'undefinedField', typeName: 'QueryRoot', fieldName: 'performanceEvents' } }] };
  }
  if (!shop.scopes.includes('read_themes') || !shop.scopes.includes('read_reports')) {
    return {
      data: { performanceEvents: null },
      errors: [{ message: 'Access denied for performanceEvents field. Required access: `read_themes` and `read_reports` access scopes.', extensions: { code: 'ACCESS_DENIED' } }],
    };
  }
  const maxDays = variables.maxDays === undefined || variables.maxDays === null ? 90 : Number(variables.maxDays);
  if (!Number.isInteger(maxDays)) {
    return { errors: [{ message: `Variable $maxDays of type Int was provided invalid value`, extensions: { code: 'INVALID_VARIABLE' } }] };
  }
  const since = Date.now() - maxDays * 86_400_000;
  return { data: { performanceEvents: shop.performanceEvents.filter((e) => Date.parse(e.occurrence) >= since) } };
}

function shopifyql(shop: StandInShop, query: string) {
  if (!shop.scopes.includes('read_reports')) {
    return {
      data: { shopifyqlQuery: null },
      errors: [{ message: 'Access denied for shopifyqlQuery field. Required access: `read_reports` access scope.', extensions: { code: 'ACCESS_DENIED' } }],
    };
  }
  const table = (columns: string[], row: Record<string, string>) => ({
    data: { shopifyqlQuery: { parseErrors: [], tableData: { columns: columns.map((name) => ({ name, dataType: 'NUMBER' })), rows: [row] } } },
  });
  if (/^FROM sales\b/i.test(query)) {
    return table(['total_sales', 'orders'], { total_sales: shop.sales30d.totalSales.toFixed(2), orders: String(shop.sales30d.orders) });
  }
  if (/^FROM sessions\b/i.test(query)) return table(['sessions'], { sessions: String(shop.sessions30d) });
  if (/^FROM web_performance\b/i.test(query)) {
    if (!shop.webPerformance) return { data: { shopifyqlQuery: { parseErrors: ["Table 'web_performance' is not available for this shop"], tableData: null } } };
    const columns = ['page_type', 'device_type', 'lcp_p75_ms', 'inp_p75_ms', 'cls_p75', 'page_loads'];
    return { data: { shopifyqlQuery: { parseErrors: [], tableData: { columns: columns.map((name) => ({ name, dataType: 'NUMBER' })), rows: shop.webPerformance.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]))) } } } };
  }
  return { data: { shopifyqlQuery: { parseErrors: [`stand-in cannot parse: ${query}`], tableData: null } } };
}
