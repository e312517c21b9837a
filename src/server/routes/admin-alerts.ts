// POST /api/admin/alerts/test: sends a test notice through every alert channel the shop configured (the same
// notifiers the jobs layer alerts with), and answers per channel whether it was delivered.
import { Router } from 'express';
import { emailNotifier, webhookNotifier, type AlertNotice } from '../../jobs/notifiers.ts';
import { alertChannelsFor } from '../../jobs/run-evaluator.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { HttpError } from '../http-error.ts';
import { noInput, validated } from '../validate.ts';
import { shopView } from './admin-shared.ts';

export function adminAlertsRoutes(ctx: ServerContext): Router {
  const router = Router();
  const notifiersFor = alertChannelsFor(
    ctx.store,
    { smtpUrl: ctx.config.smtpUrl, from: ctx.config.alertFrom },
    { email: emailNotifier, webhook: (url) => webhookNotifier(url) },
  );

  router.post('/admin/alerts/test', validated(noInput, async (_input, _req, res) => {
    const shop = shopOf(res);
    const view = await shopView(ctx, res);
    const notifiers = await notifiersFor(shop);
    if (notifiers.length === 0) throw new HttpError(409, 'no_alert_channel');
    const notice: AlertNotice = {
      shop,
      storeUrl: view.storeUrl ?? '',
      key: 'test',
      kind: 'firing',
      severity: 'warning',
      title: 'Test alert from Storefront Auditor',
      lines: ['This is a test. Alerts about regressions, broken links, budgets and checkout failures will arrive here.'],
      runId: 0,
    };
    const results = [];
    for (const notifier of notifiers) {
      try {
        await notifier.send(notice);
        results.push({ channel: notifier.channel, delivered: true });
      } catch (error) {
        results.push({ channel: notifier.channel, delivered: false, error: (error as Error).message });
      } finally {
        notifier.close?.();
      }
    }
    res.status(results.every((r) => r.delivered) ? 200 : 502).json({ results });
  }));
  return router;
}
