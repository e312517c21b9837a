// The Settings view: GET /api/admin/settings and PUT /api/admin/settings with any of these parts:
//   schedule {every: 'daily'|'weekly'|cron, enabled, timezone?}    through the jobs layer's schedules API
//   audit {devices: 'mobile'|'desktop'|'both'}                      setting 'audit'
//   budgets (the advisor's budget schema)                          setting 'budgets'
//   alertChannels {email?, webhookUrl?}                            setting 'alertChannels' (read by the alerts)
//   storeInputs {monthlySessions?, conversionRate?, averageOrderValue?}   setting 'storeInputs'; GET also says
//        which values Shopify supplies (embedded mode) so the UI can mark them
//   signedHeaders [{name, value}]    setting 'signedHeaders'; values are sealed with the server's key when it has
//        one, and never sent back (the UI sees the names and that a value is set)
// Each part is validated before anything is saved, so a bad part changes nothing.
import { Router } from 'express';
import { z } from 'zod';
import { budgetSchema } from '../../advisor/budget.ts';
import { listSchedules, setSchedule } from '../../jobs/schedules-api.ts';
import { ScheduleError } from '../../jobs/schedule-plan.ts';
import { createTokenCipher, parseEncryptionKey, type TokenCipher } from '../../shopify/token-cipher.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { shopView } from './admin-shared.ts';

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
      .object({ email: z.union([z.email(), z.literal('')]).optional(), webhookUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).optional() })
      .strict(),
    storeInputs: z
      .object({
        monthlySessions: z.number().int().nonnegative().nullable().optional(),
        conversionRate: z.number().min(0).max(100).nullable().optional(),
        averageOrderValue: z.number().nonnegative().nullable().optional(),
      })
      .strict(),
    signedHeaders: z.array(z.object({ name: headerName, value: z.string().max(4096).optional() }).strict()).max(20),
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

export function adminSettingsRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/admin/settings', async (_req, res) => {
    const shop = shopOf(res);
    const [view, all, schedules, fromShopify] = await Promise.all([
      shopView(ctx, res),
      ctx.store.settings.getAll(shop),
      ctx.schedules ? listSchedules(ctx.schedules, shop) : ctx.store.schedules.list(shop),
      shopifyInputs(ctx, shop),
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
    });
  });

  router.put('/admin/settings', async (req, res) => {
    const shop = shopOf(res);
    const parsed = settingsPatchSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') });
      return;
    }
    const patch = parsed.data;
    if (patch.storeUrl !== undefined && ctx.mode !== 'standalone') {
      res.status(400).json({ error: "storeUrl: in the Shopify app the storefront is the shop's primary domain", code: 'store_url_from_shopify' });
      return;
    }
    if (patch.schedule && !ctx.schedules) {
      res.status(503).json({ error: 'schedules cannot be changed: the server was started without the jobs layer' });
      return;
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
        if (!(error instanceof ScheduleError)) throw error;
        res.status(400).json({ error: `schedule: ${error.message}` });
        return;
      }
    }
    if (patch.audit) await ctx.store.settings.set(shop, 'audit', patch.audit);
    if (patch.budgets) await ctx.store.settings.set(shop, 'budgets', patch.budgets);
    if (patch.alertChannels) await ctx.store.settings.set(shop, 'alertChannels', patch.alertChannels);
    if (patch.digest) await ctx.store.settings.set(shop, 'digest', patch.digest);
    if (patch.storeInputs) await ctx.store.settings.set(shop, 'storeInputs', patch.storeInputs);
    if (headers) await ctx.store.settings.set(shop, 'signedHeaders', headers);
    res.json({ saved: Object.keys(patch) });
  });
  return router;
}
