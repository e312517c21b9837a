// A run regressed when a key figure is clearly worse than the baseline: the median of the last few
// successful runs before it. Both a relative and an absolute step must be crossed, so a 40 ms wobble on a
// fast page or a 1-point score dip never counts.
import type { RunSummary, Store } from '../store/index.ts';

export const BASELINE_RUNS = 5;

export interface Regression {
  metric: string;
  baseline: number;
  current: number;
}

interface Rule {
  /** Relative worsening, e.g. 0.2 = 20 % worse. */
  relative: number;
  absolute: number;
  /** True when a larger value is worse (milliseconds, CLS); false for scores. */
  higherIsWorse: boolean;
}

const RULES: Record<string, Rule> = {
  storeScore: { relative: 0.1, absolute: 5, higherIsWorse: false },
  score: { relative: 0.1, absolute: 5, higherIsWorse: false },
  lcpMs: { relative: 0.2, absolute: 300, higherIsWorse: true },
  tbtMs: { relative: 0.5, absolute: 150, higherIsWorse: true },
  cls: { relative: 0.5, absolute: 0.05, higherIsWorse: true },
  checkoutMs: { relative: 0.3, absolute: 1500, higherIsWorse: true },
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Flattens a summary into `metric` → value, e.g. `storeScore`, `product/mobile.lcpMs`, `checkoutMs`. */
export function keyFigures(summary: RunSummary): Map<string, number> {
  const figures = new Map<string, number>();
  if (summary.storeScore !== null) figures.set('storeScore', summary.storeScore);
  if (summary.checkoutMs !== null && summary.checkoutCompleted) figures.set('checkoutMs', summary.checkoutMs);
  for (const [group, g] of Object.entries(summary.groups)) {
    for (const metric of ['score', 'lcpMs', 'tbtMs', 'cls'] as const) {
      const value = g[metric];
      if (value !== null) figures.set(`${group}.${metric}`, value);
    }
  }
  return figures;
}

/** The baseline: per key figure, the median over the given runs. */
export function baselineFigures(baseline: RunSummary[]): Record<string, number> {
  const history = baseline.map(keyFigures);
  const metrics = new Set(history.flatMap((h) => [...h.keys()]));
  const figures: Record<string, number> = {};
  for (const metric of metrics) {
    const value = median(history.map((h) => h.get(metric)).filter((v): v is number => v !== undefined));
    if (value !== null) figures[metric] = value;
  }
  return figures;
}

export function findRegressions(current: RunSummary, baseline: Record<string, number>): Regression[] {
  const regressions: Regression[] = [];
  for (const [metric, value] of keyFigures(current)) {
    const rule = RULES[metric.split('.').pop() as string];
    const base = baseline[metric];
    if (!rule || base === undefined) continue;
    const worse = rule.higherIsWorse ? value - base : base - value;
    if (worse >= rule.absolute && worse >= Math.abs(base) * rule.relative) regressions.push({ metric, baseline: base, current: value });
  }
  return regressions;
}

/** Summaries of the last successful runs of the shop before `beforeRunId`, newest first. */
export async function loadBaseline(store: Store, shop: string, beforeRunId: number, size = BASELINE_RUNS): Promise<RunSummary[]> {
  const page = await store.runs.list(shop, { status: 'succeeded', before: beforeRunId, limit: size });
  return page.items.map((r) => r.summary).filter((s): s is RunSummary => s !== null);
}
