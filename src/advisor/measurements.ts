// One measurement = one page on one device. It carries the traffic weight, field-scaled LCP, the headroom
// above the plateau floor and the largest saving per LCP phase.
import type { Device, LoadTimePage, LoadTimeSection, Template } from '../report/schema.ts';
import { PLATEAU_FLOOR_MS } from './defaults.ts';
import { LCP_PHASES, lcpSavingOf, phaseOf } from './lcp-phases.ts';
import type { LcpPhase, ResolvedInputs } from './types.ts';

export interface Measurement {
  key: string;
  page: LoadTimePage;
  url: string;
  template: Template;
  device: Device;
  /** Field p75 / lab; 1 when no field data. */
  ratio: number;
  hasField: boolean;
  fieldLcpMs: number | null;
  headroomMs: number;
  /** Share of monthly sessions this measurement stands for. */
  weight: number;
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

export function measurementKey(url: string, device: Device): string {
  return `${device} ${url}`;
}

export function fieldRatio(inputs: ResolvedInputs, template: Template, device: Device): number | null {
  return inputs.fieldLabRatio[`${template}:${device}`] ?? inputs.fieldLabRatio[template] ?? null;
}

export function buildMeasurements(section: LoadTimeSection | null, inputs: ResolvedInputs): Measurement[] {
  if (!section) return [];
  const measured = section.pages.filter((p) => !p.error);
  const perSlice = new Map<string, number>();
  for (const p of measured) perSlice.set(`${p.template}|${p.device}`, (perSlice.get(`${p.template}|${p.device}`) ?? 0) + 1);
  return measured.map((page) => {
    const field = fieldRatio(inputs, page.template, page.device);
    const ratio = field ?? 1;
    const lab = page.metrics.lcpMs;
    const fieldLcpMs = lab === null ? null : lab * ratio;
    const headroomMs = fieldLcpMs === null ? 0 : Math.max(0, fieldLcpMs - PLATEAU_FLOOR_MS[page.device]);
    const phaseMaxMs = Object.fromEntries(LCP_PHASES.map((ph) => [ph, 0])) as Record<LcpPhase, number>;
    for (const o of page.opportunities) {
      const ph = phaseOf(o.id);
      phaseMaxMs[ph] = Math.max(phaseMaxMs[ph], lcpSavingOf(o.metricSavings) * ratio);
    }
    phaseMaxMs['load-delay'] = Math.max(phaseMaxMs['load-delay'], lazyLcpCostMs(page) * ratio);
    const pagesInSlice = perSlice.get(`${page.template}|${page.device}`) ?? 1;
    const weight = (inputs.templateShares.value[page.template] * inputs.deviceShares.value[page.device]) / pagesInSlice;
    return { key: measurementKey(page.url, page.device), page, url: page.url, template: page.template, device: page.device, ratio, hasField: field !== null, fieldLcpMs, headroomMs, weight, phaseMaxMs };
  });
}
