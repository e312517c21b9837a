// The Settings view: GET /api/admin/settings and PUT /api/admin/settings with any of these parts:
//   schedule {every: 'daily'|'weekly'|cron, enabled, timezone?}    through the jobs layer's schedules API
//   audit {devices: 'mobile'|'desktop'|'both'}                      setting 'audit'
//   budgets (the advisor's budget schema)                          setting 'budgets'
//   alertChannels {email?, webhookUrl?}                            setting 'alertChannels' (read by the alerts)
//   storeInputs {monthlySessions?, conversionRate?, averageOrderValue?}   setting 'storeInputs'; GET also says
//        which values Shopify supplies (embedded mode) so the UI can mark them
//   signedHeaders [{name, value}]    setting 'signedHeaders'; values are sealed with the server's key when it has
//        one, and never sent back (the UI sees the names and that a value is set)
//   appNames {<extension uuid or app handle>: name}   the merchant's names for apps, merged into setting
//        'appNameOverrides' ('' removes a rename); GET lists the apps the latest audit found beside the renames
// Each part is validated before anything is saved, and the parts are saved in one transaction, so a bad or
// failing part changes nothing. A schedule is checked (cron, time zone) before anything is written and set
// after the settings; if the jobs layer then refuses it, the settings are put back as they were.
import { Router } from 'express';
import { z } from 'zod';
import { budgetSchema } from '../../advisor/budget.ts';
import { INPUT_MAX } from '../../advisor/defaults.ts';
import { listSchedules, setSchedule } from '../../jobs/schedules-api.ts';
import { assertTimeZone, cronFor, ScheduleError } from '../../jobs/schedule-plan.ts';
import { createTokenCipher, parseEncryptionKey, type TokenCipher } from '../../shopify/token-cipher.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { HttpError } from '../http-error.ts';
import { httpUrl, validated } from '../validate.ts';
import { shopView } from './admin-shared.ts';
import { APP_RENAMES_SETTING } from '../../jobs/run-options.ts';
import type { LoadTimeSection } from '../../report/schema.ts';
import { assertPublicWebhookUrl, WebhookTargetRefusedError, WebhookTargetUnresolvableError } from '../../jobs/webhook-target.ts';

/** An app as the load-time audit keys it: a theme app extension's uuid, or an app handle. */
const appKey = z.string().regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9_-]{0,99})$/, 'an extension uuid or an app handle');
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'not a valid HTTP header name');

export const settingsPatchSchema = z
  .object({
    /** Standalone only: the storefront to audit (in the Shopify app it is the shop's primary domain). */
    storeUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL, e.g. https://shop.example.com' }),
    /** A weekly summary by email, through the same mail channel as alerts. */
    digest: z.object({ weekly: z.boolean() }).strict(),
    schedule: z.object({ every: z.string().trim().min(1), enabled: z.boolean().default(true), timezone: z.string().optional() }).strict(),
    audit: z.object({ devices: z.enum(['mobile', 'desktop', 'both']) }).strict(),
    budgets: budgetSchema,
    alertChannels: z
      .object({ email: z.union([z.email(), z.literal('')]).optional(), webhookUrl: z.union([httpUrl.pipe(z.url({ protocol: /^https?$/ })), z.literal('')]).optional() })
      .strict(),
    storeInputs: z
      .object({
        // The advisor's bounds: a value it would refuse fails here with a 400, not in every later scheduled audit.
        monthlySessions: z.number().int().nonnegative().max(INPUT_MAX.amount).nullable().optional(),
        conversionRate: z.number().min(0).max(100).nullable().optional(),
        averageOrderValue: z.number().nonnegative().max(INPUT_MAX.averageOrderValue).nullable().optional(),
      })
      .strict(),
    signedHeaders: z.array(z.object({ name: headerName, value: z.string().max(4096).optional() }).strict()).max(20),
    appNames: z.record(appKey, z.string().trim().max(80)).refine((names) => Object.keys(names).length <= 100, 'at most 100 app names'),
  })
  .partial()
  .strict();

interface StoredHeader {
  name: string;
  value: string;
  sealed: boolean;
}

function cipherOf(ctx: ServerContext): TokenCipher | null {
  return ctx.config.encryptionKey ? createTokenCipher(parseEncryptionKey(ctx.config.encryptionKey)) : null;
}

async function shopifyInputs(ctx: ServerContext, shop: string) {
  if (!ctx.shopify) return null;
  try {
    const inputs = await ctx.shopify.adminApi.storeInputs(shop);
    return {
      monthlySessions: inputs.sessions,
      conversionRate: inputs.conversionRate,
      averageOrderValue: inputs.averageOrderValue,
      currency: inputs.currency,
    };
  } catch (error) {
    ctx.logger.warn({ err: error, shop }, 'store inputs from Shopify unavailable');
    return null;
  }
}

/** The apps the shop's latest audit attributed requests to, one entry each, renamable when keyed by extension. */
async function detectedApps(ctx: ServerContext, shop: string): Promise<Array<{ key: string | null; name: string; nameSource: string | null }>> {
  const latest = await ctx.store.runs.latest(shop);
  const section = latest ? ((await ctx.store.runs.getSection(shop, latest.id, 'loadTime')) as LoadTimeSection | null) : null;
  const seen = new Map<string, { key: string | null; name: string; nameSource: string | null }>();
  for (const page of section?.pages ?? []) {
    for (const app of page.apps) {
      if (app.kind !== 'app') continue;
      const id = app.extensionId ?? `name:${app.name}`;
      if (!seen.has(id)) seen.set(id, { key: app.extensionId ?? null, name: app.name, nameSource: app.nameSource ?? null });
    }
  }
  return [...seen.values()];
}

export function adminSettingsRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/admin/settings', validated({}, async (_input, _req, res) => {
    const shop = shopOf(res);
    const [view, all, schedules, fromShopify, apps] = await Promise.all([
      shopView(ctx, res),
      ctx.store.settings.getAll(shop),
      ctx.schedules ? listSchedules(ctx.schedules, shop) : ctx.store.schedules.list(shop),
      shopifyInputs(ctx, shop),
      detectedApps(ctx, shop),
    ]);
    const schedule = schedules.find((s) => s.name === 'default') ?? null;
    const headers = (all.signedHeaders as StoredHeader[] | undefined) ?? [];
    res.json({
      mode: ctx.mode,
      currency: view.currency,
      storeUrl: view.storeUrl,
      storeUrlEditable: ctx.mode === 'standalone',
      schedulesEditable: Boolean(ctx.schedules),
      schedule: schedule && {
        every: String(schedule.options?.every ?? schedule.cron),
        cron: schedule.cron,
        enabled: schedule.enabled,
        timezone: schedule.timezone,
        nextRunAt: schedule.nextRunAt,
      },
      // What an audit does without a saved choice (the load-time audit's default device).
      audit: all.audit ?? { devices: 'mobile' },
      digest: all.digest ?? { weekly: false },
      budgets: all.budgets ?? {},
      alertChannels: all.alertChannels ?? {},
      emailConfigured: Boolean(ctx.config.smtpUrl),
      storeInputs: all.storeInputs ?? {},
      shopifyInputs: fromShopify,
      signedHeaders: headers.map((h) => ({ name: h.name, hasValue: h.value !== '' })),
      appNames: { renames: (all[APP_RENAMES_SETTING] as Record<string, string> | undefined) ?? {}, detected: apps },
    });
  }));

  router.put('/admin/settings', validated({ body: settingsPatchSchema }, async ({ body: patch }, _req, res) => {
    const shop = shopOf(res);
    if (patch.storeUrl !== undefined && ctx.mode !== 'standalone') {
      throw new HttpError(400, 'store_url_from_shopify');
    }
    if (patch.schedule && !ctx.schedules) throw new HttpError(503, 'schedules_unavailable');
    if (patch.schedule) {
      try {
        cronFor(patch.schedule.every, shop, patch.schedule.timezone ? assertTimeZone(patch.schedule.timezone) : 'UTC');
      } catch (error) {
        if (!(error instanceof ScheduleError)) throw error;
        throw new HttpError(400, 'invalid_schedule', { params: { reason: error.message } });
      }
    }
    // App mode: an alert webhook must point at a public address (SSRF guard; re-checked at every send).
    if (ctx.mode !== 'standalone' && patch.alertChannels?.webhookUrl) {
      try {
        await assertPublicWebhookUrl(patch.alertChannels.webhookUrl, ctx.resolveHost);
      } catch (error) {
        if (!(error instanceof WebhookTargetRefusedError || error instanceof WebhookTargetUnresolvableError)) throw error;
        ctx.logger.info({ shop, reason: error.message }, 'alert webhook URL refused');
        throw new HttpError(400, error.code);
      }
    }
    // Header values the UI leaves out keep what is stored (the UI never sees them).
    let headers: StoredHeader[] | undefined;
    if (patch.signedHeaders) {
      const cipher = cipherOf(ctx);
      const stored = new Map(((await ctx.store.settings.get<StoredHeader[]>(shop, 'signedHeaders')) ?? []).map((h) => [h.name.toLowerCase(), h]));
      headers = patch.signedHeaders.map((h) => {
        if (h.value === undefined) return stored.get(h.name.toLowerCase()) ?? { name: h.name, value: '', sealed: false };
        return cipher ? { name: h.name, value: cipher.encrypt(h.value), sealed: true } : { name: h.name, value: h.value, sealed: false };
      });
    }
    const values: Record<string, unknown> = {};
    if (patch.audit) values.audit = patch.audit;
    if (patch.budgets) values.budgets = patch.budgets;
    if (patch.alertChannels) values.alertChannels = patch.alertChannels;
    if (patch.digest) values.digest = patch.digest;
    if (patch.storeInputs) values.storeInputs = patch.storeInputs;
    if (headers) values.signedHeaders = headers;
    if (patch.appNames) {
      const merged: Record<string, string> = { ...(await ctx.store.settings.get<Record<string, string>>(shop, APP_RENAMES_SETTING)) };
      for (const [key, name] of Object.entries(patch.appNames)) {
        if (name === '') delete merged[key];
        else merged[key] = name;
      }
      values[APP_RENAMES_SETTING] = merged;
    }
    const before = patch.schedule ? await ctx.store.settings.snapshot(shop, Object.keys(values)) : {};
    await ctx.store.settings.setMany(shop, values);
    if (patch.storeUrl !== undefined) {
      await ctx.store.shops.upsert(shop, { storeUrl: patch.storeUrl });
      // A first storefront gets the default daily audit, so the schedule the UI shows is the one that runs.
      if (!patch.schedule && ctx.schedules && !(await ctx.store.schedules.get(shop, 'default'))) {
        await setSchedule(ctx.schedules, { shop, every: 'daily', enabled: true, storeUrl: patch.storeUrl });
      }
    }
    if (patch.schedule && ctx.schedules) {
      const view = await shopView(ctx, res);
      try {
        await setSchedule(ctx.schedules, {
          shop,
          every: patch.schedule.every,
          enabled: patch.schedule.enabled,
          timezone: patch.schedule.timezone,
          storeUrl: view.storeUrl ?? undefined,
        });
      } catch (error) {
        // The schedule is part of the same change: put the settings back before answering.
        await ctx.store.settings.setMany(shop, before);
        if (!(error instanceof ScheduleError)) throw error;
        throw new HttpError(400, 'invalid_schedule', { params: { reason: error.message } });
      }
    }
    res.json({ saved: Object.keys(patch) });
  }));
  return router;
}
