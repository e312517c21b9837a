// GET /api/admin/overview: what the Overview view shows in one request: the store score and its trend per
// template/device (from the run summaries, so a year of history is one indexed read), lab and field Core Web
// Vitals, the top fixes with their money, the last and the next run.
import { Router } from 'express';
import type { Fix, Report } from '../../report/schema.ts';
import type { RumDailyRecord, RunRecord } from '../../store/index.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { validated } from '../validate.ts';
import { runBrief, shopView } from './admin-shared.ts';
import { sinceLast } from './admin-since-last.ts';

const TREND_RUNS = 400;
const TOP_FIXES = 5;
const FIELD_DAYS = 28;

function trendPoint(run: RunRecord) {
  const groups: Record<string, number | null> = {};
  for (const [key, group] of Object.entries(run.summary?.groups ?? {})) groups[key] = group.score;
  return { id: run.id, at: run.finishedAt ?? run.createdAt, score: run.storeScore, groups };
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Per metric, the sample-weighted p75 over the window (an approximation of the window's p75 from daily ones). */
function fieldSummary(days: RumDailyRecord[]): Record<string, { p75: number; samples: number }> {
  const sums = new Map<string, { weighted: number; samples: number }>();
  for (const day of days) {
    const real = day.samples - day.syntheticSamples;
    if (real <= 0) continue;
    const sum = sums.get(day.metric) ?? { weighted: 0, samples: 0 };
    sum.weighted += day.p75 * real;
    sum.samples += real;
    sums.set(day.metric, sum);
  }
  return Object.fromEntries([...sums].map(([metric, s]) => [metric, { p75: s.weighted / s.samples, samples: s.samples }]));
}

const CACHED_SHOPS = 500;

export function adminOverviewRoutes(ctx: ServerContext): Router {
  const router = Router();
  // A year of history is the slow part of the overview, and it changes only when a run succeeds: keep each
  // shop's decoded history keyed by its newest succeeded run (retention deletions show at the next run).
  const histories = new Map<string, { newestId: number; items: RunRecord[] }>();
  async function historyOf(shop: string, newestId: number | undefined): Promise<RunRecord[]> {
    if (newestId === undefined) return [];
    const cached = histories.get(shop);
    if (cached?.newestId === newestId) return cached.items;
    const { items } = await ctx.store.runs.list(shop, { status: 'succeeded', limit: TREND_RUNS });
    histories.delete(shop);
    if (histories.size >= CACHED_SHOPS) histories.delete(histories.keys().next().value as string);
    histories.set(shop, { newestId, items });
    return items;
  }

  // What every view's header needs, once per page load: the shop's name, storefront, currency and time zone.
  router.get('/admin/context', validated({}, async (_input, _req, res) => {
    const view = await shopView(ctx, res);
    res.json({ ...view, schedulesEditable: Boolean(ctx.schedules) });
  }));

  router.get('/admin/overview', validated({}, async (_input, _req, res) => {
    const shop = shopOf(res);
    const [view, latest, newest, schedule, decisions] = await Promise.all([
      shopView(ctx, res),
      ctx.store.runs.latest(shop),
      ctx.store.runs.latest(shop, { status: 'any' }),
      ctx.store.schedules.get(shop, 'default'),
      ctx.store.fixes.list(shop),
    ]);
    const history = { items: await historyOf(shop, latest?.id) };
    // A links- or checkout-only audit measures no speed: the score and vitals stay those of the newest run that did.
    const scored = latest?.storeScore !== null ? latest : (history.items.find((r) => r.storeScore !== null) ?? latest);
    const fixes: Fix[] = latest ? await ctx.store.runs.getFixes(shop, latest.id) : [];
    const decided = new Map(decisions.map((d) => [d.fixId, d.status]));
    const meta = latest ? ((await ctx.store.runs.getSection(shop, latest.id, 'meta')) as Pick<Report, 'impactSummary' | 'inputs'> | null) : null;
    const previous = latest ? history.items.find((r) => r.id < latest.id) : undefined;
    const since = latest && previous ? sinceLast(latest, previous, fixes, await ctx.store.runs.getFixes(shop, previous.id), history.items) : null;
    const now = new Date();
    const field = await ctx.store.rum.daily(shop, { from: dayOf(new Date(now.getTime() - FIELD_DAYS * 86_400_000)), to: dayOf(now) });
    res.json({
      ...view,
      latest: runBrief(latest),
      lastRun: runBrief(newest),
      nextRunAt: schedule?.enabled ? schedule.nextRunAt : null,
      scored: runBrief(scored),
      summary: scored?.summary ?? null,
      trend: history.items.filter((r) => r.storeScore !== null).map(trendPoint).reverse(),
      topFixes: fixes.filter((f) => !decided.has(f.id)).slice(0, TOP_FIXES),
      openFixes: fixes.filter((f) => !decided.has(f.id)).length,
      // The total at stake is the run's, decided fixes included until an audit no longer finds them: say how many.
      decidedFixes: fixes.filter((f) => decided.has(f.id)).length,
      totalFixes: fixes.length,
      field: fieldSummary(field),
      impactSummary: meta?.impactSummary ?? null,
      inputs: meta?.inputs ?? null,
      sinceLast: since,
      schedule: schedule ? { enabled: schedule.enabled, every: schedule.options?.every ?? schedule.cron, nextRunAt: schedule.enabled ? schedule.nextRunAt : null } : null,
    });
  }));
  return router;
}
