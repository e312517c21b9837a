// The handful of figures per run that lists, trend charts and regression baselines need, kept next to the
// run row so that a year of history is one indexed read with no report parsing.
import type { LoadTimePage, Report } from '../../report/schema.ts';

export interface PageGroupSummary {
  pages: number;
  score: number | null;
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
  fcpMs: number | null;
  ttfbMs: number | null;
}

export interface RunSummary {
  storeScore: number | null;
  /** Medians per `template/device`, e.g. `product/mobile`. */
  groups: Record<string, PageGroupSummary>;
  brokenLinks: number | null;
  redirects: number | null;
  checkoutCompleted: boolean | null;
  checkoutMs: number | null;
  fixCount: number;
  revenueCentral: number;
  currency: string | null;
  budgetBreaches: number;
  errors: number;
}

function median(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? (known[mid] as number) : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
}

export function summarizeReport(report: Report): RunSummary {
  const byGroup = new Map<string, LoadTimePage[]>();
  for (const page of report.loadTime?.pages ?? []) {
    if (page.error) continue;
    const key = `${page.template}/${page.device}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), page]);
  }
  const groups: Record<string, PageGroupSummary> = {};
  for (const [key, pages] of byGroup) {
    groups[key] = {
      pages: pages.length,
      score: median(pages.map((p) => p.score)),
      lcpMs: median(pages.map((p) => p.metrics.lcpMs)),
      cls: median(pages.map((p) => p.metrics.cls)),
      tbtMs: median(pages.map((p) => p.metrics.tbtMs)),
      fcpMs: median(pages.map((p) => p.metrics.fcpMs)),
      ttfbMs: median(pages.map((p) => p.metrics.ttfbMs)),
    };
  }
  return {
    storeScore: report.loadTime?.storeScore ?? null,
    groups,
    brokenLinks: report.links ? report.links.broken.length : null,
    redirects: report.links ? report.links.redirects.length : null,
    checkoutCompleted: report.checkout ? report.checkout.completed : null,
    checkoutMs: report.checkout ? report.checkout.totalMs : null,
    fixCount: report.fixes.length,
    revenueCentral: report.fixes.reduce((sum, f) => sum + f.impact.revenuePerMonth.central, 0),
    currency: report.fixes[0]?.impact.revenuePerMonth.currency ?? null,
    budgetBreaches: report.budget?.breaches.length ?? 0,
    errors: report.errors.length,
  };
}
