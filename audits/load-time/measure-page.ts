// One page on one device: N runs one after another, the median run extracted into the report's page shape.
// A page that cannot be measured is returned with `error` set; this function never throws for a page fault.
import type { Result } from 'lighthouse';
import type { AuditPage } from '../types.ts';
import type { BrowserPool } from '../shared/browser.ts';
import type { LoadTimePage, Message } from '../../src/report/schema.ts';
import { appCostsAcrossRuns, opportunitiesAcrossRuns } from './across-runs.ts';
import type { AttributionRules } from './attribution.ts';
import { pickMedianRun } from './median-run.ts';
import { PageFailure, failureFromException, type FailureKind } from './page-failure.ts';
import { lcpElementOf, lcpPhasesOf, metricsOf, scoreOf } from './page-metrics.ts';
import { runLighthouseOnce } from './run-once.ts';
import { progressMessage } from '../shared/progress-message.ts';
import { count, url } from '../../src/report/message.ts';

export interface MeasureInput {
  page: AuditPage;
  device: 'mobile' | 'desktop';
  runs: number;
  headers: Record<string, string>;
  runTimeoutMs: number;
  documentTimeoutMs: number;
  rules: AttributionRules;
  signal?: AbortSignal;
  progress: (message: string | Message) => void;
}

// Failures that will not change on a retry (or cost a full timeout each time): stop after the first.
const FINAL_FAILURES: ReadonlySet<FailureKind> = new Set(['http-error', 'interstitial', 'not-html', 'blocked', 'timeout']);

export async function measurePage(pool: BrowserPool, input: MeasureInput): Promise<LoadTimePage> {
  const results: Result[] = [];
  const failures: PageFailure[] = [];
  for (let run = 1; run <= input.runs; run++) {
    input.signal?.throwIfAborted();
    input.progress(progressMessage('loadRun', { device: input.device, url: url(input.page.url), run: count(run), runs: count(input.runs) }));
    try {
      results.push(
        await runLighthouseOnce(pool, {
          url: input.page.url,
          device: input.device,
          headers: input.headers,
          runTimeoutMs: input.runTimeoutMs,
          documentTimeoutMs: input.documentTimeoutMs,
          signal: input.signal,
        }),
      );
    } catch (error) {
      if (input.signal?.aborted) throw error;
      const failure = failureFromException(error);
      failures.push(failure);
      input.progress(progressMessage('loadFailed', { url: url(input.page.url), reason: failure.reason }));
      if (FINAL_FAILURES.has(failure.kind)) break;
    }
  }
  const pick = pickMedianRun(results);
  if (!pick) {
    const reason = failures[0]?.reason ?? 'no run produced the metrics (FCP and TTI) needed to pick a median run';
    return failedPage(input, reason);
  }
  const { median } = pick;
  const page: LoadTimePage = {
    url: input.page.url,
    template: input.page.template,
    device: input.device,
    runs: pick.validRuns,
    score: scoreOf(median),
    metrics: metricsOf(median),
    spread: pick.spread,
    // Savings and app costs are medians over the runs (across-runs.ts), so a fix's money does not follow
    // which element won the median run's LCP race.
    opportunities: opportunitiesAcrossRuns(median, pick.valid),
    apps: appCostsAcrossRuns(median, pick.valid, input.rules),
    lcpElement: lcpElementOf(median),
    lcpPhases: lcpPhasesOf(median),
    error: null,
  };
  if (failures.length > 0) {
    page.runErrors = failures.map((f) => f.reason);
  }
  return page;
}

export function failedPage(input: Pick<MeasureInput, 'page' | 'device'>, reason: string): LoadTimePage {
  return {
    url: input.page.url,
    template: input.page.template,
    device: input.device,
    runs: 0,
    score: null,
    metrics: { lcpMs: null, fcpMs: null, tbtMs: null, cls: null, ttfbMs: null, speedIndexMs: null },
    spread: {},
    opportunities: [],
    apps: [],
    lcpElement: null,
    lcpPhases: null,
    error: reason,
  };
}
