// The joint total: what all fixes are worth done together, against the store's monthly revenue, with every input
// the figures rest on. Speed fixes are already priced incrementally on each page's curve (they add up to the
// page's joint lift); fixes that share a pool (one Baymard abandonment reason) combine as C·(1 − Π(1 − rᵢ/C)), so
// two fixes for one reason never win back more than that reason's shoppers. The total is at least the largest
// fix, at most the plain sum, and never more than the monthly revenue.
import type { Report } from '../report/schema.ts';
import { VARIANTS } from './curve.ts';
import { monthlyRevenue } from './inputs.ts';
import type { Measurement } from './measurements.ts';
import type { Range, ResolvedInputs } from './types.ts';

export type ImpactSummary = NonNullable<Report['impactSummary']>;
type SummaryInput = ImpactSummary['inputs'][number];

export interface PricedFix {
  id: string;
  revenue: Range;
  pool?: string;
  poolCap?: number;
}

/** Sorted so low ≤ central ≤ high, each finite and ≥ 0. */
export function ordered(r: Range): Range {
  const clean = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
  const [low, central, high] = [clean(r.low), clean(r.central), clean(r.high)].sort((a, b) => a - b) as [number, number, number];
  return { low, central, high };
}

export function jointTotal(fixes: PricedFix[], cap: number): Range {
  const total: Range = { low: 0, central: 0, high: 0 };
  for (const v of VARIANTS) {
    const pools = new Map<string, { cap: number; keep: number }>();
    let free = 0;
    let largest = 0;
    let sum = 0;
    for (const f of fixes) {
      const r = f.revenue[v];
      largest = Math.max(largest, r);
      sum += r;
      if (f.pool && f.poolCap && f.poolCap > 0) {
        const p = pools.get(f.pool) ?? { cap: f.poolCap, keep: 1 };
        p.keep *= 1 - Math.min(1, r / p.cap);
        pools.set(f.pool, p);
      } else {
        free += r;
      }
    }
    let joint = free;
    for (const p of pools.values()) joint += p.cap * (1 - p.keep);
    total[v] = Math.min(cap, sum, Math.max(largest, joint));
  }
  return ordered(total);
}

export interface SummaryContext {
  inputs: ResolvedInputs;
  measurements: Measurement[];
  /** Fewest Lighthouse runs behind any measured page (null: no load-time audit). */
  minRuns: number | null;
  /** Checkout steps our own journey could not get through. */
  couldNotTest: string[];
}

function sourceOf(source: string): SummaryInput['source'] {
  return source === 'shopify' || source === 'rum' || source === 'cli' || source === 'config' ? source : 'default';
}

export function summaryInputs(ctx: SummaryContext): SummaryInput[] {
  const { inputs } = ctx;
  const out: SummaryInput[] = [
    { name: 'monthlySessions', value: inputs.monthlySessions.value, source: sourceOf(inputs.monthlySessions.source) },
    { name: 'conversionRate', value: inputs.conversionRate.value, source: sourceOf(inputs.conversionRate.source) },
    { name: 'averageOrderValue', value: inputs.averageOrderValue.value, source: sourceOf(inputs.averageOrderValue.source) },
    { name: 'currency', value: inputs.currency.value, source: sourceOf(inputs.currency.source) },
    { name: 'templateShares', value: inputs.templateShares.value, source: sourceOf(inputs.templateShares.source) },
    { name: 'deviceShares', value: inputs.deviceShares.value, source: sourceOf(inputs.deviceShares.source) },
    { name: 'checkoutStarts', value: Math.round(inputs.checkoutStarts.value), source: sourceOf(inputs.checkoutStarts.source) },
    { name: 'checkoutAbandonment', value: inputs.checkoutAbandonment.value, source: sourceOf(inputs.checkoutAbandonment.source) },
    { name: 'elasticity', value: inputs.elasticity.value, source: sourceOf(inputs.elasticity.source) },
  ];
  const slices = new Map<string, SummaryInput>();
  for (const m of ctx.measurements) {
    if (!m.fieldLcpMs) continue;
    const key = `${m.template}:${m.device}`;
    if (slices.has(key)) continue;
    const source = m.fieldSource === 'rum' ? 'rum' : m.fieldSource === 'shopify' ? 'shopify-field' : 'default';
    slices.set(key, { name: `fieldLcp.${key}`, value: { low: Math.round(m.fieldLcpMs.low), central: Math.round(m.fieldLcpMs.central), high: Math.round(m.fieldLcpMs.high), labMs: m.labLcpMs }, source });
  }
  out.push(...slices.values());
  if (ctx.minRuns !== null) out.push({ name: 'lighthouseRuns', value: ctx.minRuns, source: 'default' });
  for (const step of ctx.couldNotTest) out.push({ name: 'checkoutNotTested', value: step, source: 'default' });
  return out;
}

export function impactSummary(fixes: PricedFix[], ctx: SummaryContext): ImpactSummary {
  const revenue = monthlyRevenue(ctx.inputs);
  const currency = ctx.inputs.currency.value;
  const total = jointTotal(fixes, revenue);
  const share = (x: number) => (revenue > 0 ? Math.min(1, x / revenue) : 0);
  return {
    monthlyRevenue: { central: Math.round(revenue), currency },
    totalAtStake: { low: Math.round(total.low), central: Math.round(total.central), high: Math.round(total.high), currency },
    shareOfRevenue: { low: round4(share(total.low)), central: round4(share(total.central)), high: round4(share(total.high)) },
    inputs: summaryInputs(ctx),
  };
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
