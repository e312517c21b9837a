// adviseFixes: findings in, ranked and priced Shopify fixes out. Pure: no I/O, no clock.
import { englishText } from '../i18n/format-message.ts';
import { basisMsg } from '../i18n/messages/basis.ts';
import { code, ms as msParam, nested, percent } from '../report/message.ts';
import type { Fix, Message, Report } from '../report/schema.ts';
import { priceCwv } from './cwv-impact.ts';
import { CWV_FLAT_LIFT, CWV_THRESHOLDS, LAB_TO_FIELD, MAX_SPEED_LOSS, MIN_CONFIRMED_RUNS, PLATEAU_FLOOR_MS } from './defaults.ts';
import { inputsRecord, monthlyRevenue, resolveInputs } from './inputs.ts';
import { allocateLcp, type LcpPricing } from './lcp-allocation.ts';
import { buildMeasurements, GOOD_LCP_MS, type Measurement } from './measurements.ts';
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
import { impactSummary, ordered, type ImpactSummary, type PricedFix } from './summary.ts';
import type { AdviceInputs, AdviceOptions, Candidate, DirectImpact, ResolvedInputs } from './types.ts';

export type AdviceSections = Pick<Report, 'store' | 'pages' | 'loadTime' | 'checkout' | 'links'>;

export interface Advice {
  fixes: Fix[];
  /** Goes to `report.inputs`: every input with its source, and the list of assumed ones. */
  inputs: Record<string, unknown>;
  /** All fixes together, against monthly revenue, with the inputs they rest on. */
  impactSummary: ImpactSummary;
}

function loadCandidates(measurements: Measurement[], minMs: number): Candidate[] {
  return measurements.flatMap((m) => [
    ...imageRules(m, minMs), ...renderBlockingRules(m, minMs), ...serverRules(m, minMs), ...otherRules(m, minMs),
    ...appRules(m), ...layoutShiftRules(m),
  ]);
}

/** Waste without a measured LCP/CWV saving: the small "crosses no threshold" range on the pages' weight. */
function priceFlat(c: Extract<Candidate, { kind: 'flat' }>, measurements: Measurement[], inputs: ResolvedInputs): DirectImpact {
  const weightOf = new Map(measurements.map((m) => [m.key, m.weight]));
  const lift = c.claims.reduce((sum, cl) => add(sum, scale(CWV_FLAT_LIFT.none, weightOf.get(cl.key) ?? 0)), ZERO);
  return {
    metric: c.metric, savingMs: null, conversionLiftPct: lift, revenuePerMonth: scale(lift, monthlyRevenue(inputs) / 100), confidence: 'low',
    basis: basisMsg('flat', { note: nested(c.note) }),
  };
}

interface Priced {
  fix: Fix;
  /** Unrounded, for the joint total. */
  priced: PricedFix;
}

function toFix(c: Candidate, impact: DirectImpact, inputs: ResolvedInputs, preview: boolean): Priced {
  const { kind: _kind, ...text } = c as Candidate & { claims?: unknown; metric?: unknown; impact?: unknown; note?: unknown };
  const { claims: _c, metric: _m, impact: _i, note: _n, ...fixText } = text;
  const { pool, poolCap, ...shown } = impact;
  const revenue = ordered(impact.revenuePerMonth);
  // Fewer Lighthouse runs than the default make a speed figure a preview: never more than low confidence.
  const speed = impact.metric !== 'checkout' && impact.metric !== 'broken-links';
  const confidence = preview && speed ? 'low' : impact.confidence;
  const basisText = preview && speed ? basisMsg('preview', { basis: nested(impact.basis), runs: MIN_CONFIRMED_RUNS }) : impact.basis;
  return {
    fix: {
      ...fixText,
      // What the money rests on: the message for the reader's language, its English in the report's field.
      text: fixText.text ? { ...fixText.text, basis: basisText } : fixText.text,
      impact: {
        ...shown, confidence, basis: englishText(basisText),
        savingMs: impact.savingMs === null ? null : Math.round(impact.savingMs),
        conversionLiftPct: round(ordered(impact.conversionLiftPct), 3),
        revenuePerMonth: { ...round(revenue), currency: inputs.currency.value },
      },
    },
    priced: { id: c.id, revenue, ...(pool ? { pool } : {}), ...(poolCap ? { poolCap } : {}) },
  };
}

function fieldText(p: LcpPricing, sources: Set<string>): Message {
  if (p.allField) return basisMsg(sources.size > 1 ? 'fieldBoth' : sources.has('shopify') ? 'fieldShopify' : 'fieldPlugin');
  return basisMsg('labOnly', { low: LAB_TO_FIELD.low, high: LAB_TO_FIELD.high });
}

/** "2.7 s phone / 2.2 s desktop": the plateau below which faster LCP earns nothing, as a message. */
function plateau(): Message {
  return basisMsg('plateau', { mobile: msParam(PLATEAU_FLOOR_MS.mobile), desktop: msParam(PLATEAU_FLOOR_MS.desktop) });
}

export function adviseFixes(sections: AdviceSections, given: AdviceInputs = {}, options: AdviceOptions = {}): Advice {
  const inputs = resolveInputs(given, options);
  const minMs = options.minLcpSavingMs ?? 100;
  const measurements = buildMeasurements(sections.loadTime, inputs);
  const candidates = mergeCandidates([
    ...loadCandidates(measurements, minMs),
    ...linkRules(sections, inputs),
    ...slowPageRules(sections, inputs, minMs, measurements),
    ...checkoutRules(sections.checkout, inputs),
  ]);
  const runs = measurements.map((m) => m.page.runs);
  const minRuns = runs.length ? Math.min(...runs) : null;
  const preview = minRuns !== null && minRuns < MIN_CONFIRMED_RUNS;
  const out: Priced[] = [];
  const usesSlope = inputs.elasticity.source !== 'default';

  // A page shoppers see faster than the plateau gains nothing from LCP work: no such fix. Without field data the
  // fix stays while the high end of the lab-to-field range is above the plateau, so its presence rests on the
  // defect (the blocking file, the wasted bytes), and only its price on the uncertain field LCP.
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const aboveThePlateau = (key: string) => {
    const m = byKey.get(key);
    return !!m?.fieldLcpMs && m.fieldLcpMs.high > PLATEAU_FLOOR_MS[m.device];
  };
  // A fix marked as a plain defect (a blocking script, say) keeps its presence, which must not follow the noise
  // (issue #13: stable between runs): below the plateau it gets the small flat price, so a page's lab LCP landing
  // either side of 2.7 s between runs changes a price, not the list.
  const kept = candidates.map((c): Candidate => {
    if (c.kind !== 'lcp' || !c.defect || c.claims.some((cl) => aboveThePlateau(cl.key))) return c;
    const { kind: _k, claims, defect: _d, ...text } = c;
    return { ...text, kind: 'flat', metric: 'LCP', claims: claims.map(({ key }) => ({ key })), note: basisMsg('notePlateau', { plateau: nested(plateau()) }) };
  });
  const worthIt = kept.filter((c) => c.kind !== 'lcp' || c.claims.some((cl) => aboveThePlateau(cl.key)));
  for (const p of allocateLcp(worthIt.filter((c) => c.kind === 'lcp'), measurements, inputs)) {
    const sources = new Set(p.candidate.claims.map((cl) => byKey.get(cl.key)?.fieldSource ?? 'lab-mapped').filter((s) => s !== 'lab-mapped'));
    let basis = basisMsg('lcp', {
      lab: msParam(Math.round(p.labSavingMs)), field: msParam(Math.round(p.savingMs)), fieldSource: nested(fieldText(p, sources)),
      share: percent(p.share * 100), plateau: nested(plateau()), maxLow: percent(MAX_SPEED_LOSS.low * 100), maxHigh: percent(MAX_SPEED_LOSS.high * 100),
      elasticity: nested(inputs.elasticity.basisText),
    });
    // The share of the fix's sessions whose shoppers are above the plateau, when a field source counted it.
    const exposed = p.candidate.claims.flatMap((cl) => byKey.get(cl.key) ?? []).filter((m) => m.exposedShare < 1);
    if (exposed.length) {
      const share = exposed.reduce((s, m) => s + m.exposedShare * m.weight, 0) / exposed.reduce((s, m) => s + m.weight, 0);
      basis = basisMsg('exposed', { basis: nested(basis), share: percent(Math.round(share * 1000) / 10), good: msParam(GOOD_LCP_MS) });
    }
    if (p.capped) basis = basisMsg('capped', { basis: nested(basis), plateau: nested(plateau()) });
    if (p.overlapsWith.length) basis = basisMsg('overlap', { basis: nested(basis), fixes: code(p.overlapsWith.join('”, “')) });
    out.push(toFix(p.candidate, {
      metric: 'LCP', savingMs: p.savingMs, conversionLiftPct: p.lift, revenuePerMonth: p.revenue,
      confidence: p.savingMs === 0 ? 'low' : p.allField ? (usesSlope ? 'high' : 'medium') : 'low',
      basis,
    }, inputs, preview));
  }
  for (const p of priceCwv(worthIt.filter((c) => c.kind === 'cwv'), measurements, inputs)) {
    const metric = p.candidate.metric;
    const t = CWV_THRESHOLDS[metric];
    const crossed = p.crossings.filter((x) => x.crossing !== 'none');
    const fmt = (v: number) => (metric === 'CLS' ? Math.round(v * 100) / 100 : msParam(Math.round(v)));
    const what = crossed.length
      ? basisMsg('cwvCrosses', { metric: code(metric), good: fmt(t.good), n: crossed.length, before: fmt(crossed[0]!.before), after: fmt(crossed[0]!.after) })
      : basisMsg('cwvNoCross', { metric: code(metric) });
    const flat = basisMsg(metric === 'TBT' ? 'cwvFlatTbt' : metric === 'CLS' ? 'cwvFlatCls' : 'cwvFlat', { what: nested(what), metric: code(metric) });
    out.push(toFix(p.candidate, {
      metric, savingMs: metric === 'CLS' ? null : p.saving, conversionLiftPct: p.lift, revenuePerMonth: p.revenue, confidence: 'low',
      basis: p.sharedWith.length ? basisMsg('cwvShared', { basis: nested(flat), fixes: code(p.sharedWith.join('”, “')) }) : flat,
    }, inputs, preview));
  }
  for (const c of worthIt) {
    if (c.kind === 'direct') out.push(toFix(c, c.impact, inputs, preview));
    if (c.kind === 'flat') out.push(toFix(c, priceFlat(c, measurements, inputs), inputs, preview));
  }

  // With zero money (no traffic given, or a tiny store) the ranking still follows the lift, then the saving.
  out.sort((a, b) =>
    b.fix.impact.revenuePerMonth.central - a.fix.impact.revenuePerMonth.central ||
    b.fix.impact.conversionLiftPct.central - a.fix.impact.conversionLiftPct.central ||
    b.fix.impact.conversionLiftPct.high - a.fix.impact.conversionLiftPct.high ||
    (b.fix.impact.savingMs ?? 0) - (a.fix.impact.savingMs ?? 0) ||
    a.fix.id.localeCompare(b.fix.id));
  const couldNotTest = couldNotTestSteps(sections.checkout);
  return {
    fixes: out.map((p) => p.fix),
    inputs: inputsRecord(inputs),
    impactSummary: impactSummary(out.map((p) => p.priced), { inputs, measurements, minRuns, couldNotTest }),
  };
}

/** Checkout steps our own journey could not get through (`origin: 'auditor'`): "could not test", not money. */
function couldNotTestSteps(checkout: AdviceSections['checkout']): string[] {
  const f = checkout?.failure;
  return f && !checkout?.completed && f.origin === 'auditor' ? [f.step] : [];
}

/** The report with `fixes` and `inputs` filled in. */
export function adviseReport<T extends AdviceSections>(report: T, given: AdviceInputs = {}, options: AdviceOptions = {}): T & Advice {
  const advice = adviseFixes(report, given, options);
  return { ...report, ...advice };
}
