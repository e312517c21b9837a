// What a finished audit means for CI: which parts could not be tested, and the exit code. A failed
// error-level assertion (1) outranks an incomplete run (3): a breach on the pages that were measured is news
// even when others were not.
import type { Report } from '../report/schema.ts';
import type { AssertionResult } from './assertions/evaluate.ts';
import { EXIT } from './exit-codes.ts';

export type Gap =
  | { kind: 'audit'; audit: string; message: string }
  | { kind: 'page'; url: string; device: string; message: string }
  | { kind: 'checkout'; step: string; message: string };

/** Everything the run was meant to test and could not. */
export function gapsOf(report: Report): Gap[] {
  const gaps: Gap[] = report.errors.map((e) => ({ kind: 'audit', audit: e.audit, message: e.message }));
  for (const page of report.loadTime?.pages ?? []) {
    if (page.error) gaps.push({ kind: 'page', url: page.url, device: page.device, message: page.error });
  }
  const failure = report.checkout?.failure;
  if (report.checkout && !report.checkout.completed && failure?.origin === 'auditor') gaps.push({ kind: 'checkout', step: failure.step, message: failure.message });
  return gaps;
}

export function failedAssertions(results: readonly AssertionResult[]): AssertionResult[] {
  return results.filter((r) => r.spec.level === 'error' && (r.status === 'failed' || r.status === 'not-measured'));
}

export function exitCodeFor(results: readonly AssertionResult[], gaps: readonly Gap[], allowPartial: boolean): number {
  if (failedAssertions(results).length) return EXIT.assertionFailed;
  if (gaps.length && !allowPartial) return EXIT.partial;
  return EXIT.ok;
}
