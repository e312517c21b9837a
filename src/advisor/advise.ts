// adviseFixes: findings in, ranked and priced Shopify fixes out. Pure: no I/O, no clock.
import type { Fix, Report } from '../report/schema.ts';
import { priceCwv } from './cwv-impact.ts';
import { CWV_FLAT_LIFT, CWV_THRESHOLDS } from './defaults.ts';
import { inputsRecord, monthlyRevenue, resolveInputs } from './inputs.ts';
import { allocateLcp, plateauText } from './lcp-allocation.ts';
import { buildMeasurements, type Measurement } from './measurements.ts';
import { mergeCandidates } from './merge.ts';
import { add, round, scale, ZERO } from './range.ts';
import { checkoutRules } from './rules/checkout.ts';
import { appRules } from './rules/load-apps.ts';
import { imageRules } from './rules/load-images.ts';
import { layoutShiftRules } from './rules/load-layout-shift.ts';
import { otherRules } from './rules/load-other.ts';
import { renderBlockingRules } from './rules/load-render-blocking.ts';
import { serverRules } from './rules/load-server.ts';
import { linkRules } from './rules/links.ts';
import { slowPageRules } from './rules/slow-pages.ts';
import type { AdviceInputs, AdviceOptions, Candidate, Range, ResolvedInputs } from './types.ts';

export type AdviceSections = Pick<Report, 'store' | 'pages' | 'loadTime' | 'checkout' | 'links'>;

export interface Advice {
  fixes: Fix[];
  /** Goes to `report.inputs`: every input with its source, and the list of assumed ones. */
  inputs: Record<string, unknown>;
}

function loadCandidates(measurements: Measurement[], minMs: number): Candidate[] {
  return measurements.flatMap((m) => [
    ...imageRules(m, minMs), ...renderBlockingRules(m, minMs), ...serverRules(m, minMs), ...otherRules(m, minMs),
    ...appRules(m), ...layoutShiftRules(m),
  ]);
}

/** Waste without a measured LCP/CWV saving: the small "crosses no threshold" range on the pages' weight. */
function priceFlat(c: Extract<Candidate, { kind: 'flat' }>, measurements: Measurement[], inputs: ResolvedInputs): Omit<Fix['impact'], 'revenuePerMonth'> & { revenuePerMonth: Range } {
  const weightOf = new Map(measurements.map((m) => [m.key, m.weight]));
  const lift = c.claims.reduce((sum, cl) => add(sum, scale(CWV_FLAT_LIFT.none, weightOf.get(cl.key) ?? 0)), ZERO);
  return {
    metric: c.metric, savingMs: null, conversionLiftPct: lift, revenuePerMonth: scale(lift, monthlyRevenue(inputs) / 100), confidence: 'low',
    basis: `${c.note}, so it is priced with the small flat range for changes that cross no Core Web Vitals threshold.`,
  };
}

function toFix(c: Candidate, impact: Omit<Fix['impact'], 'revenuePerMonth'> & { revenuePerMonth: Range }, inputs: ResolvedInputs): Fix {
  const { kind: _kind, ...text } = c as Candidate & { claims?: unknown; metric?: unknown; impact?: unknown };
  const { claims: _c, metric: _m, impact: _i, ...fixText } = text;
  return {
    ...fixText,
    impact: {
      ...impact,
      savingMs: impact.savingMs === null ? null : Math.round(impact.savingMs),
      conversionLiftPct: round(impact.conversionLiftPct, 3),
      revenuePerMonth: { ...round(impact.revenuePerMonth), currency: inputs.currency.value },
    },
  };
}

export function adviseFixes(sections: AdviceSections, given: AdviceInputs = {}, options: AdviceOptions = {}): Advice {
  const inputs = resolveInputs(given, options);
  const minMs = options.minLcpSavingMs ?? 100;
  const measurements = buildMeasurements(sections.loadTime, inputs);
  const candidates = mergeCandidates([
    ...loadCandidates(measurements, minMs),
    ...linkRules(sections, inputs),
    ...slowPageRules(sections, inputs, minMs),
    ...checkoutRules(sections.checkout, inputs),
  ]);
  const fixes: Fix[] = [];
  const usesSlope = inputs.elasticity.source !== 'default';

  // A page already faster than the plateau gains nothing from LCP work, so such fixes are not advised at all.
  const headroomOf = new Map(measurements.map((m) => [m.key, m.headroomMs]));
  const worthIt = candidates.filter((c) => c.kind !== 'lcp' || c.claims.some((cl) => (headroomOf.get(cl.key) ?? 0) > 0));
  const lcp = allocateLcp(worthIt.filter((c) => c.kind === 'lcp'), measurements, inputs);
  for (const p of lcp) {
    const field = p.allField ? 'field-scaled (field/lab ratio)' : 'lab-only (no field data: lab is usually slower than field)';
    const overlap = p.overlapsWith.length ? ` Overlaps with “${p.overlapsWith.join('”, “')}” in the same LCP phase, counted once.` : '';
    const cap = p.capped ? ` Capped at the headroom above the ${plateauText()} plateau.` : '';
    fixes.push(toFix(p.candidate, {
      metric: 'LCP', savingMs: p.savingMs, conversionLiftPct: p.lift, revenuePerMonth: p.revenue,
      confidence: p.savingMs === 0 ? 'low' : p.allField && usesSlope ? 'high' : 'medium',
      basis: `Lighthouse LCP saving up to ${Math.round(p.rawSavingMs)} ms, ${field}, on ${(p.share * 100).toFixed(1)}% of sessions, ${inputs.elasticity.basis}.${cap}${overlap}`,
    }, inputs));
  }
  for (const p of priceCwv(worthIt.filter((c) => c.kind === 'cwv'), measurements, inputs)) {
    const metric = p.candidate.metric;
    const t = CWV_THRESHOLDS[metric];
    const crossed = p.crossings.filter((x) => x.crossing !== 'none');
    const fmt = (v: number) => (metric === 'CLS' ? v.toFixed(2) : `${Math.round(v)} ms`);
    const what = crossed.length
      ? `crosses the ${metric} threshold (good ≤ ${metric === 'CLS' ? t.good : `${t.good} ms`}) on ${crossed.length} page measurement(s), e.g. ${fmt(crossed[0]!.before)} → ${fmt(crossed[0]!.after)}`
      : `improves ${metric} without crossing a Core Web Vitals threshold`;
    fixes.push(toFix(p.candidate, {
      metric, savingMs: metric === 'CLS' ? null : p.saving, conversionLiftPct: p.lift, revenuePerMonth: p.revenue, confidence: 'low',
      basis: `The change ${what}; no per-ms elasticity exists for ${metric}, so a small flat lift is assumed${metric === 'TBT' ? ' (TBT judged against INP thresholds as its lab proxy)' : ''}.`,
    }, inputs));
  }
  for (const c of worthIt) {
    if (c.kind === 'direct') fixes.push(toFix(c, c.impact, inputs));
    if (c.kind === 'flat') fixes.push(toFix(c, priceFlat(c, measurements, inputs), inputs));
  }

  fixes.sort((a, b) => b.impact.revenuePerMonth.central - a.impact.revenuePerMonth.central || a.id.localeCompare(b.id));
  return { fixes, inputs: inputsRecord(inputs) };
}

/** The report with `fixes` and `inputs` filled in. */
export function adviseReport<T extends AdviceSections>(report: T, given: AdviceInputs = {}, options: AdviceOptions = {}): T & Advice {
  const advice = adviseFixes(report, given, options);
  return { ...report, ...advice };
}
