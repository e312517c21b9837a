// Builders for small hand-made reports, so each worked example states only the numbers it is about.
import type { LoadTimePage, Opportunity, Report } from '../../src/report/schema.ts';
import type { AdviceInputs } from '../../src/advisor/index.ts';

export const S = 'https://shop.example';

/** 100,000 sessions × 2 % × 50 USD = 100,000 USD a month; every session on the one measured slice. */
export const ROUND_INPUTS: AdviceInputs = {
  monthlySessions: 100_000, conversionRate: 0.02, averageOrderValue: 50, currency: 'USD',
  templateShares: { home: 1 }, deviceShares: { mobile: 1 },
};

export function opp(id: string, metricSavings: Record<string, number>, extra: Partial<Opportunity> = {}): Opportunity {
  return { id, title: id, metricSavings, wastedBytes: null, ...extra };
}

export function page(over: Omit<Partial<LoadTimePage>, 'metrics'> & { metrics?: Partial<LoadTimePage['metrics']> } = {}): LoadTimePage {
  const { metrics, ...rest } = over;
  return {
    url: `${S}/`, template: 'home', device: 'mobile', runs: 3, score: 50, spread: {}, opportunities: [], apps: [],
    ...rest,
    metrics: { lcpMs: 3000, fcpMs: 1500, tbtMs: 100, cls: 0, ttfbMs: 100, speedIndexMs: 2000, ...metrics },
  };
}

export function report(over: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1, tool: { name: 'storefront-auditor', version: '0.1.0' }, store: { url: `${S}/` },
    startedAt: '2026-11-23T10:00:00.000Z', finishedAt: '2026-11-23T10:05:00.000Z',
    pages: [{ url: `${S}/`, template: 'home' }],
    loadTime: null, checkout: null, links: null, fixes: [], errors: [],
    ...over,
  };
}

export function withPages(...pages: LoadTimePage[]): Report {
  return report({ loadTime: { storeScore: 50, pages } });
}
