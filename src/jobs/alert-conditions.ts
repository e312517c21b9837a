// The conditions a merchant is alerted about, read from one finished run. Each has a stable key so its state
// (firing or resolved) is kept between runs: a condition is announced when it starts and when it clears.
import type { Report } from '../report/schema.ts';
import type { Regression } from './regressions.ts';

export type Severity = 'critical' | 'warning';

export interface Condition {
  key: 'checkout' | 'regression' | 'broken-links' | 'budget';
  /** true: holds now; false: cleared now; null: this run says nothing about it (audit not run, unconfirmed). */
  active: boolean | null;
  severity: Severity;
  title: string;
  lines: string[];
  details?: unknown;
}

export function checkoutCondition(report: Report): Condition {
  const checkout = report.checkout;
  const failure = checkout?.failure;
  return {
    key: 'checkout',
    active: checkout ? !checkout.completed : null,
    severity: 'critical',
    title: 'Checkout no longer reaches payment',
    lines: failure
      ? [`Stopped at step "${failure.step}" (${failure.reason}): ${failure.message}`]
      : ['The checkout journey did not reach the payment step.'],
    details: failure ?? null,
  };
}

export function regressionCondition(regressions: Regression[] | null, baseline?: Record<string, number>): Condition {
  return {
    key: 'regression',
    active: regressions === null ? null : regressions.length > 0,
    severity: 'warning',
    title: 'Storefront speed regressed (confirmed by a re-run)',
    lines: (regressions ?? []).map((r) => `${r.metric}: ${round(r.current)} (baseline ${round(r.baseline)})`),
    details: { regressions, baseline },
  };
}

/**
 * New broken links: links broken now that were not broken before the alert started (`reference`, the
 * previous run's broken set). The alert clears when every new one is fixed again.
 */
export function brokenLinksCondition(report: Report, reference: string[] | null): Condition & { broken: string[]; added: string[] } {
  const broken = report.links ? [...new Set(report.links.broken.map((b) => b.url))].sort() : [];
  const known = new Set(reference ?? broken);
  const added = broken.filter((url) => !known.has(url));
  return {
    key: 'broken-links',
    active: report.links ? added.length > 0 : null,
    severity: 'warning',
    title: `${added.length} new broken link${added.length === 1 ? '' : 's'}`,
    lines: added.slice(0, 20).map((url) => {
      const entry = report.links?.broken.find((b) => b.url === url);
      return `${url} (${entry?.status ?? entry?.error ?? 'failed'}) on ${entry?.foundOn[0] ?? 'unknown page'}`;
    }),
    broken,
    added,
  };
}

export function budgetCondition(report: Report): Condition {
  const breaches = report.budget?.breaches ?? [];
  return {
    key: 'budget',
    active: report.budget ? breaches.length > 0 : null,
    severity: 'warning',
    title: `Performance budget breached (${breaches.length} rule${breaches.length === 1 ? '' : 's'})`,
    lines: breaches.map((b) => `${b.rule}: ${round(b.actual)} > ${round(b.limit)}${b.page ? ` on ${b.page}` : ''}`),
    details: breaches,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
