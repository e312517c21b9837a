// After each successful run: compare it with its baseline, confirm a regression with an immediate re-run
// before anyone is paged, and move each alert condition's persisted state, notifying only on a change
// (started, or cleared) so a merchant hears about a problem once and about its fix once.
import type { Logger } from 'pino';
import type { LinksSection, Report } from '../report/schema.ts';
import type { Store } from '../store/index.ts';
import type { AuditJobData } from './audit-job.ts';
import {
  brokenLinksCondition,
  budgetCondition,
  checkoutCondition,
  regressionCondition,
  type Condition,
} from './alert-conditions.ts';
import type { AfterRun } from './audit-job-handler.ts';
import { alertMessage } from '../i18n/messages/alerts.ts';
import { messageOf } from './errors.ts';
import type { JobMetrics } from './metrics.ts';
import type { AlertNotice, Notifier } from './notifiers.ts';
import type { AuditQueue } from './queue.ts';
import { baselineFigures, findRegressions, loadBaseline } from './regressions.ts';
import { likelyCausesOf, type StorefrontChange } from './likely-causes.ts';

export const CONFIRM_PRIORITY = 10;

export interface RunEvaluatorDeps {
  store: Store;
  queue: Pick<AuditQueue, 'enqueue'>;
  logger: Logger;
  /** The channels configured for the shop (see alertChannelsFor). */
  notifiersFor: (shop: string) => Promise<Notifier[]>;
  metrics?: JobMetrics;
}

interface BrokenLinksDetails {
  reference: string[];
  notified: string[];
}

export function createRunEvaluator(deps: RunEvaluatorDeps): AfterRun {
  const { store, logger } = deps;

  async function regressionOf(runId: number, data: AuditJobData): Promise<Condition> {
    const run = await store.runs.get(data.shop, runId);
    if (!run?.summary) return regressionCondition(null);
    // While a regression is firing, runs are compared with the baseline it was confirmed against: otherwise
    // the slow runs would soon become their own baseline and the alert would "recover" with nothing fixed.
    const state = await store.alerts.get(data.shop, 'regression');
    const firingDetails = state?.state === 'firing' ? (state.details as { baseline?: Record<string, number>; likelyCauses?: StorefrontChange[] } | null) : null;
    const firing = firingDetails?.baseline;
    if (firing) return withLikelyCauses(regressionCondition(findRegressions(run.summary, firing), firing), firingDetails?.likelyCauses ?? []);
    // A confirmation re-run is compared with the same baseline as the run it confirms.
    const baseline = baselineFigures(await loadBaseline(store, data.shop, data.confirmOf ?? runId));
    const regressions = findRegressions(run.summary, baseline);
    if (data.confirmOf) {
      // Confirmed: the storefront changes (apps, themes) between the last good run and the one that regressed.
      const causes = regressions.length ? await likelyCausesOf(store, data.shop, data.confirmOf) : [];
      return withLikelyCauses(regressionCondition(regressions, baseline), causes);
    }
    if (regressions.length === 0) return regressionCondition([]);
    const { confirmOf: _drop, ...rest } = data;
    const jobId = await deps.queue.enqueue(
      { ...rest, triggeredBy: 'confirm', confirmOf: runId },
      { priority: CONFIRM_PRIORITY, dedupeKey: `${data.shop}:confirm:${runId}` },
    );
    logger.info({ shop: data.shop, runId, jobId, regressions }, 'possible regression: confirmation re-run queued');
    return regressionCondition(null);
  }

  async function previousBroken(shop: string, runId: number): Promise<string[] | null> {
    const previous = (await store.runs.list(shop, { status: 'succeeded', before: runId, limit: 1 })).items[0];
    if (!previous) return null;
    const links = (await store.runs.getSection(shop, previous.id, 'links')) as LinksSection | null;
    return links ? links.broken.map((b) => b.url) : null;
  }

  async function notify(notice: AlertNotice): Promise<boolean> {
    const notifiers = await deps.notifiersFor(notice.shop);
    let delivered = false;
    for (const notifier of notifiers) {
      try {
        await notifier.send(notice);
        delivered = true;
        deps.metrics?.alertSent(notice.kind, notifier.channel, true);
      } catch (error) {
        deps.metrics?.alertSent(notice.kind, notifier.channel, false);
        logger.error({ shop: notice.shop, alert: notice.key, channel: notifier.channel, err: messageOf(error) }, 'alert delivery failed');
      } finally {
        notifier.close?.();
      }
    }
    if (notifiers.length === 0) logger.warn({ shop: notice.shop, alert: notice.key }, 'no alert channel configured');
    return delivered;
  }

  async function apply(condition: Condition, runId: number, data: AuditJobData, extra?: { details: unknown; force: boolean }): Promise<void> {
    // Alerts are written in the shop's language and time zone (Shopify's shop locale; English when unknown).
    const shop = await store.shops.get(data.shop);
    const base = { shop: data.shop, storeUrl: data.storeUrl, key: condition.key, severity: condition.severity, runId, locale: shop?.locale ?? 'en', timeZone: shop?.timezone ?? 'UTC' };
    if (condition.active === true) {
      const { started, alert } = await store.alerts.fire(data.shop, condition.key, { details: extra?.details ?? condition.details, runId });
      if (!started && alert.lastNotifiedAt !== null && !extra?.force) return;
      if (await notify({ ...base, kind: 'firing', title: condition.title, lines: condition.lines })) {
        await store.alerts.markNotified(data.shop, condition.key);
      }
    } else if (condition.active === false) {
      const before = await store.alerts.get(data.shop, condition.key);
      if (!(await store.alerts.resolve(data.shop, condition.key, { runId }))) return;
      if (before?.lastNotifiedAt) await notify({ ...base, kind: 'recovered', title: condition.title, lines: [alertMessage('recovered')] });
    }
  }

  return async ({ runId, data, report }: { runId: number; data: AuditJobData; report: Report }) => {
    const shop = await store.shops.get(data.shop);
    if (shop?.uninstalledAt) return;
    // Most urgent first: a checkout that cannot take payment loses every order.
    await apply(checkoutCondition(report), runId, data);
    await apply(await regressionOf(runId, data), runId, data);

    const state = await store.alerts.get(data.shop, 'broken-links');
    const firing = state?.state === 'firing' ? (state.details as BrokenLinksDetails | null) : null;
    const reference = firing?.reference ?? (await previousBroken(data.shop, runId));
    const links = brokenLinksCondition(report, reference);
    const unannounced = links.added.filter((url) => !(firing?.notified ?? []).includes(url));
    await apply(links, runId, data, {
      details: { reference: reference ?? links.broken, notified: links.added } satisfies BrokenLinksDetails,
      force: unannounced.length > 0,
    });

    await apply(budgetCondition(report), runId, data);
  };
}

/** The regression's details carry its likely causes (data for the admin UI and webhook payloads). */
function withLikelyCauses(condition: Condition, likelyCauses: StorefrontChange[]): Condition {
  return { ...condition, details: { ...(condition.details as object), likelyCauses } };
}

/** Channels from the shop's `alertChannels` setting: `{ email?: string | string[], webhookUrl?: string }`. */
export interface AlertChannelConfig {
  smtpUrl?: string;
  from: string;
}

export function alertChannelsFor(store: Store, config: AlertChannelConfig, make: {
  email: (smtpUrl: string, from: string, to: string[]) => Notifier;
  webhook: (url: string) => Notifier;
}): (shop: string) => Promise<Notifier[]> {
  return async (shop) => {
    const setting = await store.settings.get<{ email?: string | string[]; webhookUrl?: string }>(shop, 'alertChannels');
    const notifiers: Notifier[] = [];
    const to = setting?.email ? [setting.email].flat().filter(Boolean) : [];
    if (to.length && config.smtpUrl) notifiers.push(make.email(config.smtpUrl, config.from, to));
    if (setting?.webhookUrl) notifiers.push(make.webhook(setting.webhookUrl));
    return notifiers;
  };
}
