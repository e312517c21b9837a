// The advisor's store inputs (sessions, orders, revenue over 30 days), read from Shopify. ShopifyQL gives
// sales and sessions when the app holds read_reports; without it (or when the query is refused) the order list
// gives orders and revenue, and sessions stay unknown, which the advisor then takes from the merchant or RUM.
import { GraphqlQueryError } from './library.ts';
import type { InputLayer } from '../advisor/index.ts';
import {
  ORDERS_SUMMARY_QUERY,
  SALES_30_DAYS_SHOPIFYQL,
  SESSIONS_30_DAYS_SHOPIFYQL,
  SHOPIFYQL_QUERY,
} from './admin-queries.ts';

export interface StoreInputs {
  source: 'shopifyql' | 'orders';
  periodDays: 30;
  sessions: number | null;
  orders: number;
  revenue: number;
  currency: string | null;
  conversionRate: number | null;
  averageOrderValue: number | null;
  /** Why ShopifyQL was not used, when it was not. */
  fallbackReason?: string;
}

type Run = <T>(document: string, variables?: Record<string, unknown>) => Promise<T>;

interface ShopifyqlAnswer {
  shopifyqlQuery: {
    parseErrors: string[];
    tableData: { columns: { name: string }[]; rows: unknown } | null;
  };
}

const MAX_ORDER_PAGES = 20;

export async function readStoreInputs(run: Run): Promise<StoreInputs> {
  try {
    const sales = await shopifyqlTotals(run, SALES_30_DAYS_SHOPIFYQL);
    const sessions = await shopifyqlTotals(run, SESSIONS_30_DAYS_SHOPIFYQL);
    const orders = sales.orders ?? 0;
    const revenue = sales.total_sales ?? 0;
    const sessionCount = sessions.sessions ?? null;
    return summarise('shopifyql', sessionCount, orders, revenue, null);
  } catch (error) {
    if (!(error instanceof ShopifyqlUnavailable || error instanceof GraphqlQueryError)) throw error;
    const summary = await ordersSummary(run);
    return { ...summary, fallbackReason: error.message };
  }
}

class ShopifyqlUnavailable extends Error {}

async function shopifyqlTotals(run: Run, shopifyql: string): Promise<Record<string, number>> {
  const answer = await run<ShopifyqlAnswer>(SHOPIFYQL_QUERY, { query: shopifyql });
  const result = answer.shopifyqlQuery;
  if (result.parseErrors.length > 0) throw new ShopifyqlUnavailable(`ShopifyQL parse errors: ${result.parseErrors.join('; ')}`);
  if (!result.tableData) throw new ShopifyqlUnavailable('ShopifyQL returned no table');
  const names = result.tableData.columns.map((c) => c.name);
  const rows = Array.isArray(result.tableData.rows) ? (result.tableData.rows as unknown[]) : [];
  const totals: Record<string, number> = {};
  for (const row of rows) {
    // Rows come keyed by column name; older shapes used positional arrays, so both are read.
    const entries = Array.isArray(row) ? names.map((n, i) => [n, row[i]] as const) : Object.entries(row as Record<string, unknown>);
    for (const [name, value] of entries) {
      const n = Number(value);
      if (Number.isFinite(n)) totals[name] = (totals[name] ?? 0) + n;
    }
  }
  return totals;
}

async function ordersSummary(run: Run): Promise<StoreInputs> {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  let after: string | null = null;
  let orders = 0;
  let revenue = 0;
  let currency: string | null = null;
  for (let page = 0; page < MAX_ORDER_PAGES; page++) {
    const data: {
      orders: {
        nodes: { totalPriceSet: { shopMoney: { amount: string; currencyCode: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await run(ORDERS_SUMMARY_QUERY, { query: `created_at:>=${since}`, after });
    for (const node of data.orders.nodes) {
      orders += 1;
      revenue += Number(node.totalPriceSet.shopMoney.amount);
      currency = node.totalPriceSet.shopMoney.currencyCode;
    }
    if (!data.orders.pageInfo.hasNextPage) break;
    after = data.orders.pageInfo.endCursor;
  }
  return summarise('orders', null, orders, revenue, currency);
}

function summarise(source: StoreInputs['source'], sessions: number | null, orders: number, revenue: number, currency: string | null): StoreInputs {
  return {
    source,
    periodDays: 30,
    sessions,
    orders,
    revenue: Math.round(revenue * 100) / 100,
    currency,
    conversionRate: sessions ? orders / sessions : null,
    averageOrderValue: orders > 0 ? Math.round((revenue / orders) * 100) / 100 : null,
  };
}

const DAYS_PER_MONTH = 365.25 / 12;

/** The advisor's 'shopify' input layer (highest trust); unknowns stay null so lower layers can fill them. */
export function shopifyInputLayer(inputs: StoreInputs): InputLayer {
  return {
    source: 'shopify',
    values: {
      monthlySessions: inputs.sessions === null ? null : Math.round((inputs.sessions * DAYS_PER_MONTH) / inputs.periodDays),
      conversionRate: inputs.conversionRate,
      averageOrderValue: inputs.averageOrderValue,
      currency: inputs.currency,
    },
  };
}
