// The end-of-run summary on stderr: what was tested, what could not be, what is unconfirmed, the top fixes,
// the assertions that did not pass, and what the exit code means. Counts, never percentages.
import type { Report } from '../report/schema.ts';
import { count, money } from '../report/message.ts';
import type { AssertionResult } from './assertions/evaluate.ts';
import { failedAssertions, type Gap } from './outcome.ts';
import { currentLocale, t, text } from './text.ts';

const MAX_LISTED = 10;

export function summaryLines(report: Report, results: readonly AssertionResult[] = [], gaps: readonly Gap[] = []): string[] {
  const lines = [t('summary.store', { url: report.store.url, pages: report.pages.length })];
  const load = report.loadTime;
  if (load) {
    const measured = load.pages.filter((p) => !p.error).length;
    const params = { measured: count(measured), total: count(load.pages.length) };
    lines.push(load.storeScore === null ? t('summary.loadNoScore', params) : t('summary.load', { ...params, score: load.storeScore }));
  }
  const checkout = report.checkout;
  if (checkout) {
    const step = checkout.failure?.step ?? '?';
    const untested = gaps.find((g) => g.kind === 'checkout');
    const message = untested ? gapText(untested) : checkout.failure?.text ? text(checkout.failure.text) : (checkout.failure?.message ?? '').split('\n')[0]!.trim();
    if (checkout.completed) lines.push(t('summary.checkoutReached', { steps: checkout.stepCount, fields: checkout.formFields }));
    else if (checkout.failure?.origin === 'auditor') lines.push(t('summary.checkoutUntested', { step, message }));
    else lines.push(t('summary.checkoutFailed', { step, message }));
    const jsErrors = checkout.steps.reduce((n, s) => n + s.jsErrors.length, 0);
    const failed = checkout.steps.reduce((n, s) => n + s.failedRequests.length, 0);
    if (jsErrors || failed) lines.push(t('summary.checkoutProblems', { jsErrors, failed }));
  }
  if (report.links) lines.push(t('summary.links', { broken: count(report.links.broken.length), redirects: count(report.links.redirects.length), pages: count(report.links.pagesCrawled) }));

  if (gaps.length) {
    lines.push(t('summary.notTested'));
    for (const gap of gaps.slice(0, MAX_LISTED)) {
      const message = gapText(gap);
      if (gap.kind === 'audit') lines.push(t('summary.auditFailed', { audit: gap.audit, message }));
      else if (gap.kind === 'page') lines.push(t('summary.pageFailed', { url: gap.url, device: gap.device, message }));
      else lines.push(t('summary.checkoutUntested', { step: gap.step, message }));
    }
    if (gaps.length > MAX_LISTED) lines.push(t('summary.more', { count: count(gaps.length - MAX_LISTED) }));
  }

  const unconfirmed: string[] = [];
  const unverified = report.links?.unverified?.length ?? 0;
  if (unverified) unconfirmed.push(t('summary.unverifiedLinks', { count: unverified }));
  for (const page of load?.pages ?? []) {
    if (!page.error && page.runErrors?.length) unconfirmed.push(t('summary.fewerRuns', { url: page.url, device: page.device, runs: page.runs, failed: page.runErrors.length }));
  }
  if (checkout?.flakyStages?.length) unconfirmed.push(t('summary.flakyStages', { stages: checkout.flakyStages.join(', ') }));
  if (unconfirmed.length) lines.push(t('summary.unconfirmed'), ...unconfirmed.slice(0, MAX_LISTED));

  const top = report.fixes.slice(0, 5);
  if (top.length) {
    lines.push(t('summary.topFixes'));
    for (const fix of top) {
      const m = fix.impact.revenuePerMonth;
      const title = fix.text ? text(fix.text.title) : fix.title;
      lines.push(t('summary.fix', { title, central: money(m.central, m.currency), low: money(m.low, m.currency), high: money(m.high, m.currency) }));
    }
  }
  if (report.comparison) {
    const resolved = report.comparison.outcomes.filter((o) => o.status === 'resolved');
    lines.push(t('summary.comparison', { date: report.comparison.previous.startedAt, resolved: count(resolved.length), added: count(report.comparison.newFixes.length) }));
    for (const o of resolved) {
      const m = o.measured;
      lines.push(
        m && m.change !== null
          ? t('summary.resolvedMeasured', { title: o.title, metric: m.metric, before: m.before ?? '?', after: m.after ?? '?', estimate: o.estimate.savingMs === null ? '?' : `${o.estimate.savingMs} ms` })
          : t('summary.resolved', { title: o.title }),
      );
    }
  }
  lines.push(...assertionLines(results));
  return lines;
}

/**
 * One line, in the reader's language: the gap's message when it has one, except that English readers of a page
 * failure get the audit's own detail ("http-error: the page answered HTTP 500"), which says more. Never the
 * browser's multi-line launch log.
 */
export function gapText(gap: Gap): string {
  if (gap.text && !(gap.kind === 'page' && currentLocale() === 'en')) return text(gap.text);
  return gap.message.split('\n')[0]!.trim();
}

export function assertionLines(results: readonly AssertionResult[]): string[] {
  if (!results.length) return [];
  const by = (status: AssertionResult['status']) => results.filter((r) => r.status === status).length;
  const lines = [t('assert.summary', { passed: by('passed'), failed: by('failed'), notMeasured: by('not-measured'), notRun: by('not-run') })];
  const shown = [...failedAssertions(results), ...results.filter((r) => r.spec.level === 'warn' && (r.status === 'failed' || r.status === 'not-measured'))];
  for (const r of shown.slice(0, 20)) {
    const where = r.page ? t('assert.where', { page: r.page, device: r.device ?? '' }) : '';
    if (r.status === 'failed') {
      lines.push(t('assert.failed', { level: r.spec.level, id: r.spec.rule ?? r.spec.id, where, actual: round(r.actual!), expected: `${r.spec.check === 'minScore' ? '>=' : '<='} ${r.spec.expected}`, aggregation: r.spec.aggregation }));
    } else {
      lines.push(t('assert.notMeasured', { level: r.spec.level, id: r.spec.rule ?? r.spec.id, where, reason: t(`reason.${r.reason ?? 'metric-missing'}`, { detail: r.detail ?? '' }) }));
    }
  }
  return lines;
}

export function round(value: number): number {
  return Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

export function printSummary(report: Report, out: NodeJS.WritableStream = process.stderr): void {
  out.write(summaryLines(report, [], []).join('\n') + '\n');
}
