// Savings and app costs as the median over a page's runs, not the median run's alone (issue #13: money rests on
// the median over runs). Lighthouse's saving for a heavy hero depends on whether the hero won that run's LCP
// race: 11.7 s in two runs and nothing in the third. The median run (picked on FCP and TTI) can be the odd
// one, and then the report's top fix was worth 3 instead of 1,308 a month on an unchanged store. The median
// run still supplies the metrics, the items and everything else; only the numbers that price a fix are
// replaced by their median over the runs, a run without the finding counting as 0.
import type { Result } from 'lighthouse';
import type { AppCost, Opportunity } from '../../src/report/schema.ts';
import { appCostsOf } from './app-costs.ts';
import type { AttributionRules } from './attribution.ts';
import { opportunitiesOf } from './opportunities.ts';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const weight = (o: Opportunity): number => Math.max(0, ...Object.values(o.metricSavings));

/**
 * The median run's opportunities with each metric saving and wasted bytes replaced by the median over `runs`.
 * A finding absent from the median run but present with a median saving in the others is added (from the run
 * where it saved the most); one the median run has keeps its place even when its median saving is 0.
 */
export function opportunitiesAcrossRuns(medianRun: Result, runs: readonly Result[]): Opportunity[] {
  const own = opportunitiesOf(medianRun);
  if (runs.length < 2) return own;
  const perRun = runs.map((run) => (run === medianRun ? own : opportunitiesOf(run)));
  const ids = new Set(perRun.flatMap((list) => list.map((o) => o.id)));
  const out: Opportunity[] = [];
  for (const id of ids) {
    const found = perRun.map((list) => list.find((o) => o.id === id));
    const present = found.filter((o): o is Opportunity => o !== undefined);
    const base = own.find((o) => o.id === id) ?? [...present].sort((a, b) => weight(b) - weight(a))[0]!;
    const metrics = new Set(present.flatMap((o) => Object.keys(o.metricSavings)));
    const metricSavings: Record<string, number> = {};
    for (const m of metrics) metricSavings[m] = median(found.map((o) => o?.metricSavings[m] ?? 0));
    const bytes = present.some((o) => o.wastedBytes !== null) ? Math.round(median(found.map((o) => o?.wastedBytes ?? 0))) : null;
    const isOwn = own.some((o) => o.id === id);
    if (!isOwn && !(Object.values(metricSavings).some((v) => v > 0) || (bytes ?? 0) > 0)) continue;
    out.push({ ...base, metricSavings, wastedBytes: bytes });
  }
  return out.sort((a, b) => weight(b) - weight(a) || (b.wastedBytes ?? 0) - (a.wastedBytes ?? 0));
}

const APP_NUMBERS = ['transferBytes', 'mainThreadMs', 'blockingMs', 'renderBlockingMs', 'tbtMs'] as const;

/** The median run's app costs with each number the median over `runs` (an owner absent from a run: 0). */
export function appCostsAcrossRuns(medianRun: Result, runs: readonly Result[], rules: AttributionRules): AppCost[] {
  const own = appCostsOf(medianRun, rules);
  if (runs.length < 2) return own;
  const perRun = runs.map((run) => (run === medianRun ? own : appCostsOf(run, rules)));
  return own.map((cost) => {
    const found = perRun.map((list) => list.find((a) => a.name === cost.name && a.kind === cost.kind));
    const out: AppCost = { ...cost };
    for (const key of APP_NUMBERS) {
      if (cost[key] === undefined) continue;
      out[key] = Math.round(median(found.map((a) => a?.[key] ?? 0)));
    }
    return out;
  });
}
