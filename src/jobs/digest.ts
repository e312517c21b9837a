// The optional weekly summary email (Settings › "Weekly summary by email", setting `digest: {weekly}`): after a
// successful run, when the last digest is at least WEEK_DUE_MS old, the shop's alert address gets the week in
// a few lines: audits finished and failed, the store score and its change, the total at stake, the top fixes,
// fixes resolved and new since the week's first audit, and open alerts. It goes through the alerts' SMTP
// channel, in the shop's language and time zone (the 'digest' catalogue). It runs after the run's own alerts,
// where one shop never has two runs at once (both queues), so a digest is sent at most once per due week; a
// delivery that fails leaves the digest due, and the next run tries again (as alerts do).
import escapeHtml from 'escape-html';
import type { Logger } from 'pino';
import type { RunComparison } from '../advisor/compare.ts';
import { formatMessage, resolveLocale } from '../i18n/format-message.ts';
import { DIGEST_STRINGS } from '../i18n/messages/digest.ts';
import { count, date, messageFn, money, nested, url } from '../report/message.ts';
import type { Message, Report } from '../report/schema.ts';
import type { RunRecord, Store } from '../store/index.ts';
import type { AfterRun } from './audit-job-handler.ts';
import { messageOf } from './errors.ts';
import type { Mail } from './notifiers.ts';

const msg = messageFn('digest', DIGEST_STRINGS);

export const DIGEST_SETTING = 'digest';
/** Where the last digest is recorded: `{ sentAt, runId }`. */
export const DIGEST_STATE = 'digestState';
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/**
 * A digest is due six and a half days after the last one: a daily audit that starts a little earlier than
 * last week's still sends it on the same weekday, instead of slipping a day every week.
 */
export const WEEK_DUE_MS = 6.5 * DAY_MS;
const TOP_FIXES = 3;

export interface DigestState {
  sentAt: string;
  runId: number;
}

export interface DigestInput {
  shop: string;
  storeUrl: string;
  from: Date;
  to: Date;
  runs: RunRecord[];
  latest: Report;
  /** The week's first successful run before the latest (or the last one before the week), to compare with. */
  baseline: { run: RunRecord; report: Report | null } | null;
  openAlerts: number;
  /** The baseline's report compared with the latest (advisor's compareRuns). */
  comparison: RunComparison | null;
  /** Ids of fixes the merchant marked done or ignored: not proposed again, and counted in the total as the admin says. */
  decided?: ReadonlySet<string>;
}

/** The digest as messages, so the same content renders in any shipped language. */
export function digestMessages(input: DigestInput): { subject: Message; lines: Message[] } {
  const score = input.latest.loadTime?.storeScore ?? null;
  const max = count(100);
  const subject = score === null ? msg('subjectNoScore', { shop: input.shop }) : msg('subject', { shop: input.shop, score: count(score), max });
  const lines: Message[] = [msg('intro', { url: url(input.storeUrl), from: date(input.from.toISOString()), to: date(input.to.toISOString()) })];
  const finished = input.runs.filter((r) => r.status === 'succeeded' || r.status === 'failed');
  // Plural arguments are plain numbers: ICU picks the form and formats # in the locale's digits itself.
  lines.push(msg('runs', { succeeded: finished.filter((r) => r.status === 'succeeded').length, failed: finished.filter((r) => r.status === 'failed').length }));

  const before = input.baseline?.run.storeScore ?? null;
  const since = input.baseline ? date(input.baseline.run.finishedAt ?? input.baseline.run.createdAt) : null;
  if (score === null) lines.push(msg('noScore'));
  else if (before === null || since === null) lines.push(msg('score', { score: count(score), max }));
  else if (score > before) lines.push(msg('scoreUp', { score: count(score), max, delta: score - before, date: since }));
  else if (score < before) lines.push(msg('scoreDown', { score: count(score), max, delta: before - score, date: since }));
  else lines.push(msg('scoreSame', { score: count(score), max, date: since }));

  const stake = input.latest.impactSummary?.totalAtStake;
  if (stake && stake.central > 0) {
    lines.push(msg('atStake', { central: money(stake.central, stake.currency), low: money(stake.low, stake.currency), high: money(stake.high, stake.currency) }));
  }
  // As the admin's overview: the total is the audit's (decided fixes in it until an audit no longer finds them),
  // the top fixes are the open ones.
  const decided = input.latest.fixes.filter((f) => input.decided?.has(f.id)).length;
  if (stake && stake.central > 0 && decided > 0) lines.push(msg('decided', { decided, total: count(input.latest.fixes.length) }));
  const top = input.latest.fixes.filter((f) => f.impact.revenuePerMonth.central > 0 && !input.decided?.has(f.id)).slice(0, TOP_FIXES);
  if (top.length === 0) lines.push(msg('noFixes'));
  else {
    lines.push(msg('topFixes'));
    for (const fix of top) {
      const m = fix.impact.revenuePerMonth;
      lines.push(msg('fix', { title: fix.text ? nested(fix.text.title) : fix.title, central: money(m.central, m.currency) }));
    }
  }
  if (input.comparison && since) {
    const { comparison } = input;
    const resolved = comparison.outcomes.filter((o) => o.status === 'resolved').length;
    lines.push(msg('changes', { date: since, resolved, added: count(comparison.newFixes.length) }));
  }
  if (input.openAlerts > 0) lines.push(msg('alerts', { count: input.openAlerts }));
  lines.push(msg('footer'));
  return { subject, lines };
}

/** The mail in one language: plain text, and HTML that sets the direction for he and fa. */
export function renderDigest(content: { subject: Message; lines: Message[] }, locale: string, timeZone: string): Pick<Mail, 'subject' | 'text' | 'html'> {
  const lang = resolveLocale(locale);
  const format = (m: Message) => formatMessage(m, lang, { timeZone });
  const lines = content.lines.map(format);
  const dir = lang === 'he' || lang === 'fa' ? 'rtl' : 'ltr';
  return {
    subject: format(content.subject),
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${lang}" dir="${dir}"><body>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`,
  };
}

export function digestDue(state: DigestState | null, now: Date): boolean {
  return !state || now.getTime() - Date.parse(state.sentAt) >= WEEK_DUE_MS;
}

export interface DigestDeps {
  store: Store;
  logger: Logger;
  smtpUrl?: string;
  from: string;
  send: (smtpUrl: string, mail: Mail) => Promise<void>;
}

/** Sends the shop's weekly digest after a run when it is on, an address and SMTP are set, and one is due. */
export function createDigestSender(deps: DigestDeps): AfterRun {
  const { store, logger } = deps;
  return async ({ runId, data, report }) => {
    const { shop } = data;
    if (!deps.smtpUrl) return;
    const setting = await store.settings.get<{ weekly?: boolean }>(shop, DIGEST_SETTING);
    if (!setting?.weekly) return;
    const channels = await store.settings.get<{ email?: string | string[] }>(shop, 'alertChannels');
    const to = channels?.email ? [channels.email].flat().filter(Boolean) : [];
    if (to.length === 0) return;
    const now = new Date();
    if (!digestDue(await store.settings.get<DigestState>(shop, DIGEST_STATE), now)) return;

    const from = new Date(now.getTime() - WEEK_MS);
    const recent = (await store.runs.list(shop, { limit: 500 })).items;
    const week = recent.filter((r) => Date.parse(r.createdAt) >= from.getTime());
    const earlier = recent.filter((r) => r.status === 'succeeded' && r.id !== runId);
    // The last run before the week, else the week's first: "since" is then as far back as the week reaches.
    const baselineRun = earlier.find((r) => Date.parse(r.createdAt) < from.getTime()) ?? earlier.filter((r) => Date.parse(r.createdAt) >= from.getTime()).at(-1) ?? null;
    const [shopRecord, baselineReport, alerts, decisions] = await Promise.all([
      store.shops.get(shop),
      baselineRun ? store.runs.getReport(shop, baselineRun.id) : null,
      store.alerts.list(shop, { state: 'firing' }),
      store.fixes.list(shop),
    ]);
    const { compareRuns } = await import('../advisor/compare.ts');
    const content = digestMessages({
      shop: shopRecord?.name ?? shop,
      storeUrl: data.storeUrl,
      from,
      to: now,
      runs: week,
      latest: report,
      baseline: baselineRun ? { run: baselineRun, report: baselineReport } : null,
      openAlerts: alerts.length,
      comparison: baselineReport ? compareRuns(baselineReport, report) : null,
      decided: new Set(decisions.map((d) => d.fixId)),
    });
    const mail = renderDigest(content, shopRecord?.locale ?? 'en', shopRecord?.timezone ?? 'UTC');
    try {
      await deps.send(deps.smtpUrl, { from: deps.from, to, ...mail, headers: { 'X-Storefront-Digest': `weekly; run ${runId}` } });
    } catch (error) {
      logger.error({ shop, runId, err: messageOf(error) }, 'weekly digest delivery failed; tried again after the next run');
      return;
    }
    await store.settings.set(shop, DIGEST_STATE, { sentAt: now.toISOString(), runId } satisfies DigestState);
    logger.info({ shop, runId, to: to.length }, 'weekly digest sent');
  };
}
