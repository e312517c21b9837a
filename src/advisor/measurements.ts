// One measurement = one page on one device. It carries the traffic weight, the field LCP shoppers see (real-user
// data first, else the documented lab-to-field range), the headroom above the plateau floor and the largest lab
// saving per LCP phase.
import type { Device, LoadTimePage, LoadTimeSection, Opportunity, Template } from '../report/schema.ts';
import { LAB_TO_FIELD, PLATEAU_FLOOR_MS } from './defaults.ts';
import { scale } from './range.ts';
import { LCP_PHASES, lcpSavingOf, phaseOf } from './lcp-phases.ts';
import type { LcpPhase, Range, ResolvedInputs } from './types.ts';

export interface Measurement {
  key: string;
  page: LoadTimePage;
  url: string;
  template: Template;
  device: Device;
  /** Field p75 / lab per variant: from real-user data when there is some (all three alike), else LAB_TO_FIELD. */
  ratio: Range;
  hasField: boolean;
  /** Where the field LCP comes from. */
  fieldSource: 'rum' | 'shopify' | 'lab-mapped';
  labLcpMs: number | null;
  fieldLcpMs: Range | null;
  /** Central headroom above the plateau, field ms (the other variants are in `fieldLcpMs`). */
  headroomMs: number;
  /** Share of monthly sessions this measurement stands for. */
  weight: number;
  /**
   * Share of those sessions whose LCP is above the plateau, so that a faster LCP can lift them: 1 unless the field
   * source counted good LCPs (≤ 2.5 s) on a phone, whose plateau (2.7 s) is above that threshold. Pricing the whole
   * slice at its p75 would credit shoppers who already see a fast page (bench:impact: two thirds of real devices
   * under 4 s, one third at 15.7 s).
   */
  exposedShare: number;
  phaseMaxMs: Record<LcpPhase, number>;
}

/** The LCP element carries loading="lazy": the browser requests it only after layout. */
export function isLazyLcp(page: LoadTimePage): boolean {
  return /loading\s*=\s*["']?lazy/i.test(page.lcpElement?.snippet ?? '');
}

/** What lazy-loading the LCP image costs: its load delay, counted in the load-delay phase. */
export function lazyLcpCostMs(page: LoadTimePage): number {
  return isLazyLcp(page) ? (page.lcpPhases?.loadDelayMs ?? 0) : 0;
}

/** Lighthouse's simulated throughput (its default throttling: 1,638.4 kbps on the phone, 10,240 on desktop). */
const SIMULATED_KBPS = { mobile: 1638.4, desktop: 10_240 } as const;

/**
 * The LCP saving of an oversized LCP image from its wasted bytes alone, at Lighthouse's simulated throughput,
 * never more than the lab LCP. Lighthouse's own estimate for the demo's 2.65 MB hero came out 12.1 s in one
 * audit and 0 in the next two (same LCP element, same bytes, same 14.9 s LCP): the bytes are deterministic, so
 * the fix's price rests on them whenever the insight gives no saving for the image that is the LCP element.
 */
export function lcpImageBytesMs(page: LoadTimePage, delivery: Opportunity): number {
  const lcpUrl = page.lcpElement?.url;
  if (!lcpUrl) return 0;
  const wasted = (delivery.items ?? []).filter((i) => i.url === lcpUrl).reduce((sum, i) => sum + (typeof i.wastedBytes === 'number' ? i.wastedBytes : 0), 0);
  if (wasted < 100_000) return 0;
  return Math.min(page.metrics.lcpMs ?? 0, (wasted * 8) / SIMULATED_KBPS[page.device]);
}

export function measurementKey(url: string, device: Device): string {
  return `${device} ${url}`;
}

export function fieldRatio(inputs: ResolvedInputs, template: Template, device: Device): number | null {
  return inputs.fieldLabRatio[`${template}:${device}`] ?? inputs.fieldLabRatio[template] ?? null;
}

/** Real shoppers' p75 LCP for the slice: the plugin's own data first, then Shopify's. */
export function fieldLcpOf(inputs: ResolvedInputs, template: Template, device: Device): { ms: number; source: 'rum' | 'shopify'; goodShare: number | null } | null {
  for (const source of ['rum', 'shopify'] as const) {
    const hit = inputs.fieldVitals.find((f) => f.source === source && f.template === template && f.device === device && f.lcpP75Ms !== null && f.lcpP75Ms > 0);
    if (hit) return { ms: hit.lcpP75Ms as number, source, goodShare: hit.lcpGoodShare ?? null };
  }
  return null;
}

/** Core Web Vitals' "good" LCP, the bucket the field sources count. */
export const GOOD_LCP_MS = 2500;

function exposedShareOf(inputs: ResolvedInputs, page: LoadTimePage): number {
  const vitals = fieldLcpOf(inputs, page.template, page.device);
  if (!vitals || vitals.goodShare === null || GOOD_LCP_MS > PLATEAU_FLOOR_MS[page.device]) return 1;
  return Math.min(1, Math.max(0, 1 - vitals.goodShare));
}

function fieldOf(inputs: ResolvedInputs, page: LoadTimePage): Pick<Measurement, 'ratio' | 'hasField' | 'fieldSource'> {
  const lab = page.metrics.lcpMs;
  const vitals = fieldLcpOf(inputs, page.template, page.device);
  if (vitals && lab) {
    const r = vitals.ms / lab;
    return { ratio: { low: r, central: r, high: r }, hasField: true, fieldSource: vitals.source };
  }
  const given = fieldRatio(inputs, page.template, page.device);
  if (given !== null) return { ratio: { low: given, central: given, high: given }, hasField: true, fieldSource: 'rum' };
  return { ratio: LAB_TO_FIELD, hasField: false, fieldSource: 'lab-mapped' };
}

export function buildMeasurements(section: LoadTimeSection | null, inputs: ResolvedInputs): Measurement[] {
  if (!section) return [];
  const measured = section.pages.filter((p) => !p.error);
  const perSlice = new Map<string, number>();
  for (const p of measured) perSlice.set(`${p.template}|${p.device}`, (perSlice.get(`${p.template}|${p.device}`) ?? 0) + 1);
  return measured.map((page) => {
    const field = fieldOf(inputs, page);
    const lab = page.metrics.lcpMs !== null && page.metrics.lcpMs > 0 ? page.metrics.lcpMs : null;
    const fieldLcpMs = lab === null ? null : scale(field.ratio, lab);
    const headroomMs = fieldLcpMs === null ? 0 : Math.max(0, fieldLcpMs.central - PLATEAU_FLOOR_MS[page.device]);
    // Savings stay in lab ms here (never more than the lab LCP); the allocation turns them into field ms by the
    // saving's share of the lab LCP applied to the field LCP.
    const phaseMaxMs = Object.fromEntries(LCP_PHASES.map((ph) => [ph, 0])) as Record<LcpPhase, number>;
    for (const o of page.opportunities) {
      const ph = phaseOf(o.id);
      phaseMaxMs[ph] = Math.max(phaseMaxMs[ph], Math.min(lab ?? 0, lcpSavingOf(o.metricSavings)));
    }
    phaseMaxMs['load-delay'] = Math.max(phaseMaxMs['load-delay'], Math.min(lab ?? 0, lazyLcpCostMs(page)));
    const delivery = page.opportunities.find((o) => o.id === 'image-delivery-insight');
    if (delivery) phaseMaxMs['load-time'] = Math.max(phaseMaxMs['load-time'], Math.min(lab ?? 0, lcpImageBytesMs(page, delivery)));
    // The slice's share is spread over its measured pages, so their weights never add up to more than it.
    const pagesInSlice = perSlice.get(`${page.template}|${page.device}`) ?? 1;
    const weight = (inputs.templateShares.value[page.template] * inputs.deviceShares.value[page.device]) / pagesInSlice;
    return { key: measurementKey(page.url, page.device), page, url: page.url, template: page.template, device: page.device, ...field, labLcpMs: lab, fieldLcpMs, headroomMs, weight, exposedShare: exposedShareOf(inputs, page), phaseMaxMs };
  });
}
