// Assertions against a finished report. A measurement that is missing (the page failed, the audit errored, no
// page of the asserted template was found) is `not-measured`, and at level `error` that fails the run just as
// a breach does: CI must never pass on a number nobody measured. An assertion on an audit left out with
// `--only` is `not-run` and counts for nothing.
import type { LoadTimePage, Report } from '../../report/schema.ts';
import { METRIC_FIELDS, pathMatches, type MetricId } from './metrics.ts';
import type { AssertionSpec } from './spec.ts';

export type AssertionStatus = 'passed' | 'failed' | 'not-measured' | 'not-run';
export type NotMeasuredReason = 'page-failed' | 'audit-failed' | 'no-matching-page' | 'metric-missing' | 'runs-failed' | 'checkout-untested';
export type AuditName = 'load' | 'checkout' | 'links';

export interface AssertionResult {
  spec: AssertionSpec;
  status: AssertionStatus;
  actual: number | null;
  page?: string;
  device?: string;
  reason?: NotMeasuredReason;
  /** The error behind a not-measured result, as the audit reported it. */
  detail?: string;
}

export function auditOf(id: string): AuditName {
  if (id.startsWith('checkout-')) return 'checkout';
  if (id === 'broken-links' || id === 'redirect-chains') return 'links';
  return 'load';
}

const SECTION = { load: 'loadTime', checkout: 'checkout', links: 'links' } as const;

export function evaluateAssertions(report: Report, specs: readonly AssertionSpec[], ran: readonly AuditName[]): AssertionResult[] {
  return specs.flatMap((spec) => {
    const audit = auditOf(spec.id);
    if (!ran.includes(audit)) return [{ spec, status: 'not-run' as const, actual: null }];
    if (report[SECTION[audit]] === null) {
      const error = report.errors.find((e) => e.audit === audit);
      return [{ spec, status: 'not-measured' as const, actual: null, reason: 'audit-failed' as const, ...(error ? { detail: error.message } : {}) }];
    }
    if (audit === 'load') return spec.id === 'store-score' ? [storeScore(report, spec)] : perPage(report.loadTime!.pages, spec);
    if (audit === 'links') return [compare(spec, spec.id === 'broken-links' ? report.links!.broken.length : report.links!.redirects.length)];
    return [checkout(report.checkout!, spec)];
  });
}

function passes(spec: AssertionSpec, actual: number): boolean {
  if (spec.check === 'minScore') return actual >= spec.expected!;
  return actual <= spec.expected!;
}

function compare(spec: AssertionSpec, actual: number, extra: Partial<AssertionResult> = {}): AssertionResult {
  return { spec, status: passes(spec, actual) ? 'passed' : 'failed', actual, ...extra };
}

function storeScore(report: Report, spec: AssertionSpec): AssertionResult {
  const score = report.loadTime!.storeScore;
  return score === null ? { spec, status: 'not-measured', actual: null, reason: 'metric-missing' } : compare(spec, score / 100);
}

function matches(page: LoadTimePage, spec: AssertionSpec): boolean {
  if (spec.templates && !spec.templates.includes(page.template)) return false;
  if (spec.device && page.device !== spec.device) return false;
  if (spec.path && !pathMatches(page.url, spec.path)) return false;
  if (spec.yieldsTo?.some((later) => pathMatches(page.url, later))) return false;
  return true;
}

function perPage(pages: readonly LoadTimePage[], spec: AssertionSpec): AssertionResult[] {
  const mine = pages.filter((page) => matches(page, spec));
  if (!mine.length) return [{ spec, status: 'not-measured', actual: null, reason: 'no-matching-page' }];
  return mine.map((page) => {
    const where = { page: page.url, device: page.device };
    if (page.error) return { spec, status: 'not-measured', actual: null, reason: 'page-failed', detail: page.error, ...where };
    if (spec.aggregation === 'pessimistic' && page.runErrors?.length) {
      // As lhci: the worst run is unknown when a run failed, so pessimistic cannot pass.
      return { spec, status: 'not-measured', actual: null, reason: 'runs-failed', detail: page.runErrors[0], ...where };
    }
    const value = aggregate(page, spec);
    return value === null ? { spec, status: 'not-measured', actual: null, reason: 'metric-missing', ...where } : compare(spec, value, where);
  });
}

/** The page's value under the spec's aggregation: the median run, or the best or worst run (lhci's terms). */
function aggregate(page: LoadTimePage, spec: AssertionSpec): number | null {
  const isScore = spec.id === 'categories:performance';
  const field = isScore ? 'score' : METRIC_FIELDS[spec.id as MetricId];
  const scale = isScore ? 1 / 100 : 1;
  const median = isScore ? page.score : page.metrics[field as keyof LoadTimePage['metrics']];
  if (median === null) return null;
  const spread = page.spread[field];
  if (spec.aggregation === 'median' || spec.aggregation === 'median-run' || !spread) return median * scale;
  const lowIsGood = spec.check !== 'minScore';
  const best = lowIsGood ? spread.min : spread.max;
  const worst = lowIsGood ? spread.max : spread.min;
  return (spec.aggregation === 'optimistic' ? best : worst) * scale;
}

function checkout(section: NonNullable<Report['checkout']>, spec: AssertionSpec): AssertionResult {
  const untested = !section.completed && section.failure?.origin === 'auditor';
  const detail = section.failure?.message;
  if (spec.id === 'checkout-completed') {
    if (untested) return { spec, status: 'not-measured', actual: null, reason: 'checkout-untested', ...(detail ? { detail } : {}) };
    return { spec, status: section.completed ? 'passed' : 'failed', actual: section.completed ? 1 : 0 };
  }
  const errors = section.steps.reduce((n, s) => n + s.jsErrors.length + s.failedRequests.length, 0) + (section.completed || untested ? 0 : 1);
  const actual = spec.id === 'checkout-steps' ? section.stepCount : spec.id === 'checkout-form-fields' ? section.formFields : errors;
  const result = compare(spec, actual);
  // An unfinished journey gives lower bounds: over the limit is a breach, under it proves nothing.
  if (!section.completed && result.status === 'passed') return { spec, status: 'not-measured', actual, reason: 'checkout-untested', ...(detail ? { detail } : {}) };
  return result;
}
