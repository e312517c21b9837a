// Several runs of one page become one result: the run Lighthouse's own median-run method picks (closest to
// the median FCP and TTI), plus each metric's min..max so the noise stays visible.
import type { Result } from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { metricsOf, scoreOf } from './page-metrics.ts';

export interface MedianPick {
  median: Result;
  /** Runs that had both FCP and TTI, the ones computeMedianRun accepts. */
  validRuns: number;
  /** Those runs themselves (the median is one of them), for figures taken as the median over runs. */
  valid: Result[];
  spread: Record<string, { min: number; max: number }>;
}

/** Null when no run has the metrics the median method needs. */
export function pickMedianRun(runs: readonly Result[]): MedianPick | null {
  const valid = filterToValidRuns([...runs]);
  if (valid.length === 0) return null;
  const median = computeMedianRun(valid);
  return { median, validRuns: valid.length, valid, spread: spreadOf(valid) };
}

export function spreadOf(runs: readonly Result[]): Record<string, { min: number; max: number }> {
  const spread: Record<string, { min: number; max: number }> = {};
  const add = (key: string, value: number | null): void => {
    if (value === null) return;
    const current = spread[key];
    spread[key] = current ? { min: Math.min(current.min, value), max: Math.max(current.max, value) } : { min: value, max: value };
  };
  for (const run of runs) {
    add('score', scoreOf(run));
    for (const [key, value] of Object.entries(metricsOf(run))) add(key, value);
  }
  return spread;
}
