// Daily p75 per template × device with Core Web Vitals pass/fail (LCP, INP and CLS p75 all "good"), from the
// store's daily rollups, plus range-level p75 LCP per template for the field/lab ratio.
import { RUM_THRESHOLDS, type RumDailyRecord } from '../../store/index.ts';

export interface DailyVitalsRow {
  day: string;
  template: string;
  device: string;
  p75: Partial<Record<'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB', number>>;
  samples: number;
  syntheticSamples: number;
  /** null when LCP, INP or CLS has no data that day. */
  cwvPass: boolean | null;
}

export function dailyVitals(records: RumDailyRecord[]): DailyVitalsRow[] {
  const rows = new Map<string, DailyVitalsRow>();
  for (const r of records) {
    const key = `${r.day}|${r.template}|${r.device}`;
    const row = rows.get(key) ?? { day: r.day, template: r.template, device: r.device, p75: {}, samples: 0, syntheticSamples: 0, cwvPass: null };
    row.p75[r.metric] = r.p75;
    row.samples = Math.max(row.samples, r.samples);
    row.syntheticSamples = Math.max(row.syntheticSamples, r.syntheticSamples);
    rows.set(key, row);
  }
  for (const row of rows.values()) {
    // A page without interactions has no INP; it then passes on LCP and CLS, as CrUX counts it.
    const { LCP, CLS, INP } = row.p75;
    row.cwvPass = LCP === undefined || CLS === undefined ? null
      : LCP <= RUM_THRESHOLDS.LCP[0] && CLS <= RUM_THRESHOLDS.CLS[0] && (INP === undefined || INP <= RUM_THRESHOLDS.INP[0]);
  }
  return [...rows.values()];
}

const REPORT_TEMPLATES: Record<string, string> = { index: 'home', 'list-collections': 'collection', collection: 'collection', product: 'product', page: 'page', blog: 'blog', article: 'article', cart: 'cart', search: 'search' };

/** Liquid request.page_type → the report's template names. */
export function reportTemplate(pageType: string): string {
  // Own keys only: the page type comes from a shopper's beacon, and "constructor" is a page type we do not know.
  return Object.hasOwn(REPORT_TEMPLATES, pageType) ? (REPORT_TEMPLATES[pageType] as string) : 'other';
}

/** Samples-weighted mean of `valueOf` over the LCP records, per key (`keysOf` names each record's keys). */
function lcpWeightedMean(records: RumDailyRecord[], keysOf: (template: string, r: RumDailyRecord) => string[], valueOf: (r: RumDailyRecord) => number): Record<string, number> {
  const sums = new Map<string, { weighted: number; samples: number }>();
  for (const r of records) {
    if (r.metric !== 'LCP' || !(r.samples > 0)) continue;
    for (const key of keysOf(reportTemplate(r.template), r)) {
      const s = sums.get(key) ?? { weighted: 0, samples: 0 };
      s.weighted += valueOf(r) * r.samples;
      s.samples += r.samples;
      sums.set(key, s);
    }
  }
  return Object.fromEntries([...sums].map(([key, s]) => [key, s.weighted / s.samples]));
}

/** Share of LCP samples in the good bucket (≤ 2.5 s) per report template:device, over the range. */
export function fieldLcpGoodShare(records: RumDailyRecord[]): Record<string, number> {
  const shares = lcpWeightedMean(records, (template, r) => [`${template}:${r.device}`], (r) => r.good / r.samples);
  return Object.fromEntries(Object.entries(shares).map(([key, share]) => [key, Math.min(1, share)]));
}

/** Samples-weighted mean of the daily LCP p75s per report template and template:device (an approximation of the range p75). */
export function fieldLcpP75(records: RumDailyRecord[]): Record<string, number> {
  return lcpWeightedMean(records, (template, r) => [template, `${template}:${r.device}`], (r) => r.p75);
}
