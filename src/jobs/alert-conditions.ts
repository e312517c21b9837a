// The conditions a merchant is alerted about, read from one finished run. Each has a stable key so its state
// (firing or resolved) is kept between runs: a condition is announced when it starts and when it clears.
// Titles and lines are messages (the 'alerts' catalogue), rendered in the shop's language when sent.
import { ALERTS_STRINGS, alertMessage as msg } from '../i18n/messages/alerts.ts';
import { COMMON_STRINGS } from '../i18n/messages/common.ts';
import { checkoutMessage } from '../i18n/messages/checkout.ts';
import { code, ms, nested, url } from '../report/message.ts';
import type { Message, MessageParam, Report } from '../report/schema.ts';
import type { Regression } from './regressions.ts';

export type Severity = 'critical' | 'warning';

export interface Condition {
  key: 'checkout' | 'regression' | 'broken-links' | 'budget';
  /** true: holds now; false: cleared now; null: this run says nothing about it (audit not run, unconfirmed). */
  active: boolean | null;
  severity: Severity;
  title: Message;
  lines: Message[];
  details?: unknown;
}

export function checkoutCondition(report: Report): Condition {
  const checkout = report.checkout;
  const failure = checkout?.failure;
  return {
    key: 'checkout',
    active: checkout ? !checkout.completed : null,
    severity: 'critical',
    title: msg('checkoutTitle'),
    // Where and why, as the checkout audit says it (older reports carry no message: the same one from its fields).
    lines: [failure ? (failure.text ?? failureText(failure)) : msg('checkoutNoPayment')],
    details: failure ?? null,
  };
}

export function regressionCondition(regressions: Regression[] | null, baseline?: Record<string, number>): Condition {
  return {
    key: 'regression',
    active: regressions === null ? null : regressions.length > 0,
    severity: 'warning',
    title: msg('regressionTitle'),
    lines: (regressions ?? []).map(regressionLine),
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
    title: msg('brokenTitle', { count: added.length }),
    lines: added.slice(0, 20).map((link) => {
      const entry = report.links?.broken.find((b) => b.url === link);
      const where = { url: url(link), page: entry?.foundOn[0] ? url(entry.foundOn[0]) : code('?') };
      if (entry?.status) return msg('brokenLine', { ...where, status: code(String(entry.status)) });
      if (entry?.error) return msg('brokenLineError', { ...where, error: code(entry.error) });
      return msg('brokenLineFailed', where);
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
    title: msg('budgetTitle', { count: breaches.length }),
    lines: breaches.map((b) => {
      const params = { rule: code(b.rule), actual: figure(b.rule, b.actual), limit: figure(b.rule, b.limit) };
      return b.page ? msg('budgetLinePage', { ...params, page: url(b.page) }) : msg('budgetLine', params);
    }),
    details: breaches,
  };
}

function failureText(failure: NonNullable<NonNullable<Report['checkout']>['failure']>): Message {
  const auditor = failure.origin === 'auditor' || (failure.origin === undefined && failure.reason === 'selector-not-found');
  return checkoutMessage(auditor ? 'couldNotTest' : 'storeFailure', { step: code(failure.step), reason: nested(checkoutMessage(auditor && failure.reason === 'other' ? 'reason.auditor-other' : `reason.${failure.reason}`)) });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A figure in its unit: milliseconds as a duration, everything else (scores, CLS, counts) as a number. */
function figure(name: string, value: number): MessageParam {
  return /ms$/i.test(name) ? ms(Math.round(value)) : round(value);
}

/**
 * A catalogue word for `key` when there is one, else the raw name as data. Templates and devices are the
 * common catalogue's words, the ones the admin and the fixes use, so an alert names a page as they do.
 */
function word(prefix: 'metric' | 'template' | 'device', key: string): MessageParam {
  if (prefix !== 'metric') return `${prefix}.${key}` in COMMON_STRINGS ? nested({ id: `common.${prefix}.${key}` }) : code(key);
  const id = `metric.${key}` as keyof typeof ALERTS_STRINGS;
  return id in ALERTS_STRINGS ? nested(msg(id)) : code(key);
}

/** `storeScore`, `checkoutMs`, or `template/device.metric` (keyFigures' names) in the merchant's words. */
function regressionLine(r: Regression): Message {
  const values = { current: figure(r.metric, r.current), baseline: figure(r.metric, r.baseline) };
  const slice = /^([^/.]+)\/([^/.]+)\.(.+)$/.exec(r.metric);
  if (!slice) return msg('regressionLine', { metric: word('metric', r.metric), ...values });
  const [, template = '', device = '', metric = ''] = slice;
  return msg('regressionSliceLine', { template: word('template', template), device: word('device', device), metric: word('metric', metric), ...values });
}
