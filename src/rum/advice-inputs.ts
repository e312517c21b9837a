// Real-user data as advisor inputs (source 'rum'): sessions, conversion, template shares and checkout starts
// (scaled to a 30-day month), field/lab LCP ratios, and the store's own speed-to-conversion slope. The
// advisor decides whether the slope is strong enough to replace the literature (usableSlope).
import { layerInputs, type AdviceInputs, type InputLayer, type StoreSlope } from '../advisor/index.ts';
import type { FieldVitals } from '../advisor/types.ts';
import { TEMPLATES, type Template } from '../report/schema.ts';
import type { DayRange, Store } from '../store/index.ts';
import { funnelDropoff, type FunnelStepRow } from './analysis/funnel.ts';
import { lcpBuckets, type LcpBucketRow } from './analysis/speed-buckets.ts';
import { speedConversionSlope } from './analysis/slope.ts';
import { dailyVitals, fieldLcpGoodShare, fieldLcpP75, reportTemplate, type DailyVitalsRow } from './analysis/vitals.ts';

export interface RumAnalysis {
  range: DayRange;
  sessions: number;
  /** Share of sessions recorded by the synthetic-shoppers command: show "synthetic" wherever this is > 0. */
  syntheticShare: number;
  daily: DailyVitalsRow[];
  buckets: LcpBucketRow[];
  slope: StoreSlope | null;
  funnel: FunnelStepRow[];
  fieldLcpP75: Record<string, number>;
  /** Share of LCP samples ≤ 2.5 s per template:device. */
  fieldLcpGoodShare: Record<string, number>;
}

export interface RumAdvice {
  analysis: RumAnalysis;
  /** For layerInputs alongside the Shopify/CLI/config layers (rum ranks after Shopify). */
  layer: InputLayer;
  extra: Pick<AdviceInputs, 'fieldLabRatio' | 'storeSlope' | 'fieldVitals'>;
  /** The layer alone, ready for adviseFixes when nothing else is known. */
  inputs: AdviceInputs;
}

function daysIn(range: DayRange): string[] {
  const days: string[] = [];
  for (let d = new Date(`${range.from}T00:00:00Z`); d <= new Date(`${range.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** Share of sessions (client ids) that measured a page of each report template. */
async function templateSessionShares(store: Store, shop: string, range: DayRange, sessions: number): Promise<Record<string, number>> {
  if (sessions === 0) return {};
  const rows = await store.db.all<{ template: string; clients: number }>(
    'SELECT template, COUNT(DISTINCT client_id) AS clients FROM rum_beacons WHERE shop = ? AND day >= ? AND day <= ? AND client_id IS NOT NULL GROUP BY template',
    [shop, range.from, range.to],
  );
  const shares: Record<string, number> = {};
  for (const r of rows) {
    const t = reportTemplate(r.template);
    shares[t] = (shares[t] ?? 0) + Number(r.clients) / sessions;
  }
  // A session sees several templates, so these add up to more than 1; the advisor prices on a partition (each
  // session counted once), so they are scaled to sum to 1.
  const sum = Object.values(shares).reduce((a, b) => a + b, 0);
  return sum > 0 ? Object.fromEntries(Object.entries(shares).map(([t, v]) => [t, v / sum])) : {};
}

export async function analyseRum(store: Store, shop: string, range: DayRange): Promise<RumAnalysis> {
  for (const day of daysIn(range)) await store.rum.rollupDay(shop, day);
  const records = await store.rum.daily(shop, range);
  const outcomes = await store.rumSessions.sessionOutcomes(shop, range);
  const measured = outcomes.filter((o) => o.landingLcpMs !== null);
  return {
    range,
    sessions: outcomes.length,
    syntheticShare: outcomes.length ? outcomes.filter((o) => o.synthetic).length / outcomes.length : 0,
    daily: dailyVitals(records),
    buckets: lcpBuckets(outcomes),
    slope: speedConversionSlope(measured.map((o) => ({ lcpMs: o.landingLcpMs as number, converted: o.converted }))),
    funnel: funnelDropoff(await store.rumSessions.funnelCounts(shop, range)),
    fieldLcpP75: fieldLcpP75(records),
    fieldLcpGoodShare: fieldLcpGoodShare(records),
  };
}

/**
 * Advisor inputs from one shop's real-user data over `range`. `labLcpMs` (keys: template or template:device,
 * from the latest lab audit) gives the field/lab ratios; without it there are none.
 */
export async function rumAdviceInputs(store: Store, shop: string, range: DayRange, labLcpMs: Record<string, number> = {}): Promise<RumAdvice> {
  const analysis = await analyseRum(store, shop, range);
  const perMonth = 30 / daysIn(range).length;
  const sessions = analysis.sessions;
  const conversions = analysis.funnel.find((s) => s.step === 'checkout_completed')?.sessions ?? 0;
  const starts = analysis.funnel.find((s) => s.step === 'checkout_started')?.sessions ?? 0;
  const fieldLabRatio: Record<string, number> = {};
  for (const [key, field] of Object.entries(analysis.fieldLcpP75)) {
    const lab = labLcpMs[key];
    if (lab && lab > 0) fieldLabRatio[key] = Math.min(10, Math.round((field / lab) * 100) / 100);
  }
  const layer: InputLayer = {
    source: 'rum',
    values: sessions === 0 ? {} : {
      monthlySessions: Math.round(sessions * perMonth),
      conversionRate: conversions / sessions,
      checkoutStarts: Math.round(starts * perMonth),
      templateShares: await templateSessionShares(store, shop, range, sessions),
    },
  };
  // The plugin's own field p75 LCP per template and device: the impact model's first choice for field LCP.
  const fieldVitals: FieldVitals[] = [];
  for (const [key, lcp] of Object.entries(analysis.fieldLcpP75)) {
    const [template, device] = key.split(':');
    if ((device === 'mobile' || device === 'desktop') && (TEMPLATES as readonly string[]).includes(template ?? '') && Number.isFinite(lcp)) {
      const good = analysis.fieldLcpGoodShare[key];
      fieldVitals.push({ template: template as Template, device, lcpP75Ms: Math.round(lcp), lcpGoodShare: good === undefined ? null : Math.round(good * 1000) / 1000, samples: null, source: 'rum', since: range.from, until: range.to });
    }
  }
  const extra = { fieldLabRatio, storeSlope: analysis.slope, fieldVitals };
  return { analysis, layer, extra, inputs: layerInputs([layer], extra) };
}
