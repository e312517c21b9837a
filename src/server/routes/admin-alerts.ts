// POST /api/admin/alerts/test: sends a test notice through every alert channel the shop configured (the same
// notifiers the jobs layer alerts with), and answers per channel whether it was delivered. In app mode a webhook
// whose target is (or now resolves to) a private address is refused with a plain 422, before anything is sent,
// and a failed delivery says only its HTTP status, never the network error: the answer must not be a port probe.
import { Router } from 'express';
import { emailNotifier, WebhookDeliveryError, webhookNotifier, type AlertNotice } from '../../jobs/notifiers.ts';
import { WebhookTargetRefusedError } from '../../jobs/webhook-target.ts';
import { alertChannelsFor } from '../../jobs/run-evaluator.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { HttpError, requestLocale } from '../http-error.ts';
import { alertMessage } from '../../i18n/messages/alerts.ts';
import { noInput, validated } from '../validate.ts';
import { shopView } from './admin-shared.ts';

export function adminAlertsRoutes(ctx: ServerContext): Router {
  const router = Router();
  const notifiersFor = alertChannelsFor(
    ctx.store,
    { smtpUrl: ctx.config.smtpUrl, from: ctx.config.alertFrom },
    { email: emailNotifier, webhook: (url) => webhookNotifier(url, { allowPrivateAddresses: ctx.mode === 'standalone' }) },
  );

  router.post('/admin/alerts/test', validated(noInput, async (_input, req, res) => {
    const shop = shopOf(res);
    const view = await shopView(ctx, res);
    // In the shop's language, as real alerts are; standalone (no shop record) in the language of the admin asking.
    const record = await ctx.store.shops.get(shop);
    const notifiers = await notifiersFor(shop);
    if (notifiers.length === 0) throw new HttpError(409, 'no_alert_channel');
    const notice: AlertNotice = {
      shop,
      storeUrl: view.storeUrl ?? '',
      key: 'test',
      kind: 'firing',
      severity: 'warning',
      title: alertMessage('testTitle'),
      lines: [alertMessage('testLine')],
      runId: 0,
      locale: record?.locale ?? requestLocale(req),
      timeZone: record?.timezone ?? 'UTC',
    };
    const results = [];
    for (const notifier of notifiers) {
      try {
        await notifier.send(notice);
        results.push({ channel: notifier.channel, delivered: true });
      } catch (error) {
        if (error instanceof WebhookTargetRefusedError) {
          ctx.logger.warn({ shop, reason: error.message }, 'alert webhook target refused at send');
          throw new HttpError(422, 'alert_webhook_not_public');
        }
        const status = error instanceof WebhookDeliveryError ? error.status : null;
        results.push({ channel: notifier.channel, delivered: false, ...(status === null ? {} : { status }) });
      } finally {
        notifier.close?.();
      }
    }
    res.status(results.every((r) => r.delivered) ? 200 : 502).json({ results });
  }));
  return router;
}
