// Shopify's own field data for the store: ShopifyQL `web_performance` (real Chrome page loads on the storefront,
// p75 LCP / INP / CLS by page type and device). It becomes the advisor's `fieldVitals` with source 'shopify',
// ranked after the storefront plugin's own data and before any default. Shops where the dataset is not
// available (plan, region, too little traffic, no read_reports) answer with an error or parse error; that is
// reported as unavailable, never as zeros.
import type { FieldVitals } from '../advisor/types.ts';
import { TEMPLATES, type Device, type Template } from '../report/schema.ts';
import { SHOPIFYQL_QUERY, WEB_PERFORMANCE_28_DAYS_SHOPIFYQL } from './admin-queries.ts';
import { GraphqlQueryError } from './library.ts';

type Run = <T>(document: string, variables?: Record<string, unknown>) => Promise<T>;

/** `reason` is diagnostic (may be Shopify's own text); `empty` tells "no page loads" from "not available". */
export type ShopifyFieldVitals = { available: true; vitals: FieldVitals[]; since: string; until: string } | { available: false; reason: string; empty?: boolean };

/** Liquid page types (request.page_type) as ShopifyQL reports them, mapped onto the report's templates. */
function templateOf(pageType: unknown): Template {
  const t = String(pageType ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  if (t === 'index' || t === 'home' || t === 'homepage') return 'home';
  if (t === 'list_collections' || t === 'collection') return 'collection';
  return (TEMPLATES as readonly string[]).includes(t) ? (t as Template) : 'other';
}

function deviceOf(deviceType: unknown): Device | null {
  const d = String(deviceType ?? '').toLowerCase();
  if (d === 'mobile' || d === 'phone' || d === 'tablet') return 'mobile';
  if (d === 'desktop') return 'desktop';
  return null;
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export async function readShopifyFieldVitals(run: Run, now: Date = new Date()): Promise<ShopifyFieldVitals> {
  let answer: { shopifyqlQuery: { parseErrors: string[]; tableData: { columns: { name: string }[]; rows: unknown } | null } | null };
  try {
    answer = await run(SHOPIFYQL_QUERY, { query: WEB_PERFORMANCE_28_DAYS_SHOPIFYQL });
  } catch (error) {
    if (error instanceof GraphqlQueryError) return { available: false, reason: error.message };
    throw error;
  }
  const result = answer.shopifyqlQuery;
  if (!result) return { available: false, reason: 'ShopifyQL returned nothing' };
  if (result.parseErrors.length > 0) return { available: false, reason: `web_performance: ${result.parseErrors.join('; ')}` };
  const names = result.tableData?.columns.map((c) => c.name) ?? [];
  const rows = Array.isArray(result.tableData?.rows) ? (result.tableData!.rows as unknown[]) : [];
  const until = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - 28 * 86_400_000).toISOString().slice(0, 10);
  const vitals: FieldVitals[] = [];
  for (const raw of rows) {
    const row = Array.isArray(raw) ? Object.fromEntries(names.map((n, i) => [n, raw[i]])) : (raw as Record<string, unknown>);
    const device = deviceOf(row.device_type);
    const lcp = num(row.lcp_p75_ms);
    if (!device || (lcp === null && num(row.inp_p75_ms) === null && num(row.cls_p75) === null)) continue;
    vitals.push({
      template: templateOf(row.page_type), device, lcpP75Ms: lcp, inpP75Ms: num(row.inp_p75_ms), clsP75: num(row.cls_p75),
      samples: num(row.page_loads), source: 'shopify', since, until,
    });
  }
  if (vitals.length === 0) return { available: false, reason: 'web_performance has no page loads for this period', empty: true };
  return { available: true, vitals, since, until };
}
