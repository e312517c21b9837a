// What a finished audit means for CI: which parts could not be tested, and the exit code. A failed
// error-level assertion (1) outranks an incomplete run (3): a breach on the pages that were measured is news
// even when others were not.
import type { Message, Report } from '../report/schema.ts';
import { checkoutMessage } from '../i18n/messages/checkout.ts';
import type { AssertionResult } from './assertions/evaluate.ts';
import { EXIT } from './exit-codes.ts';
import { msg } from './text.ts';

/**
 * `message` is the report's English detail (kept in the JSON report and the Markdown comment); `text`, when
 * there is one, says the same in any language: an audit's own message, why a page could not be measured (by
 * the failure's kind), why the checkout journey stopped.
 */
export type Gap = { message: string; text?: Message } & (
  | { kind: 'audit'; audit: string }
  | { kind: 'page'; url: string; device: string }
  | { kind: 'checkout'; step: string }
);

const PAGE_FAILURE_KINDS = ['timeout', 'http-error', 'interstitial', 'crash', 'no-paint', 'not-html', 'blocked', 'other'] as const;

/** Everything the run was meant to test and could not. */
export function gapsOf(report: Report): Gap[] {
  const gaps: Gap[] = report.errors.map((e) => ({ kind: 'audit', audit: e.audit, message: e.message, ...(e.text ? { text: e.text } : {}) }));
  for (const page of report.loadTime?.pages ?? []) {
    if (!page.error) continue;
    // The load-time audit stores "<kind>: <detail>" (audits/load-time/page-failure.ts).
    const kind = PAGE_FAILURE_KINDS.find((k) => page.error!.startsWith(`${k}: `)) ?? 'other';
    gaps.push({ kind: 'page', url: page.url, device: page.device, message: page.error, text: msg(`pageFailure.${kind}`) });
  }
  const failure = report.checkout?.failure;
  if (report.checkout && !report.checkout.completed && failure?.origin === 'auditor') {
    const reason = checkoutMessage(failure.reason === 'other' ? 'reason.auditor-other' : `reason.${failure.reason}`);
    gaps.push({ kind: 'checkout', step: failure.step, message: failure.message, text: reason });
  }
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
