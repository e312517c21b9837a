// What every admin view's API shares: the shop's latest finished run, its currency, and the store URL an audit
// of the shop targets. Views read one section each (store.runs.getSection), never the whole report.
import type { Response } from 'express';
import { z } from 'zod';
import type { RunRecord } from '../../store/index.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { idString, optionalQuery } from '../validate.ts';

/** `?run=<id>` of the views: absent or empty for the newest run, else a bounded positive integer. */
export const runQuery = z.object({ run: optionalQuery(idString) }).loose();

export interface ShopView {
  shop: string;
  mode: ServerContext['mode'];
  currency: string;
  storeUrl: string | null;
  /** The shop's name for the page header (Shopify's, else the storefront's host). */
  name: string | null;
  /** IANA time zone dates are shown in: the shop's (Shopify), else its schedule's, else the server's. */
  timezone: string;
}

export async function shopView(ctx: ServerContext, res: Response): Promise<ShopView> {
  const shop = shopOf(res);
  const [record, profile, schedule, latest] = await Promise.all([
    ctx.store.shops.get(shop),
    ctx.shopifyStore.shops.getProfile(shop),
    ctx.store.schedules.get(shop, 'default'),
    ctx.store.runs.latest(shop, { status: 'any' }),
  ]);
  const scheduled = (schedule?.options?.storeUrl as string | undefined) ?? null;
  const storeUrl = profile?.storefrontUrl ?? record?.storeUrl ?? scheduled ?? latest?.storeUrl ?? null;
  return {
    shop,
    mode: ctx.mode,
    currency: profile?.currency ?? record?.currency ?? latest?.summary?.currency ?? 'USD',
    storeUrl,
    name: profile?.name || hostOf(storeUrl),
    timezone: profile?.timezone ?? record?.timezone ?? schedule?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export type ViewSection = 'loadTime' | 'links' | 'checkout';

const RECENT_RUNS = 50;

/** Whether a finished run measured `section`, from its summary (no report read). */
export function measured(run: RunRecord, section: ViewSection): boolean {
  const summary = run.summary;
  if (!summary) return false;
  if (section === 'loadTime') return Object.keys(summary.groups).length > 0 || summary.storeScore !== null;
  if (section === 'links') return summary.brokenLinks !== null;
  return summary.checkoutCompleted !== null;
}

/**
 * The run a view shows: `?run=<id>` when given (must be the shop's and finished), else the newest succeeded run
 * that measured the view's section, so a links-only audit does not blank the Pages view.
 */
export async function chosenRun(ctx: ServerContext, res: Response, runId: number | undefined, section?: ViewSection): Promise<RunRecord | null> {
  const shop = shopOf(res);
  if (runId !== undefined) {
    const run = await ctx.store.runs.get(shop, runId);
    return run?.status === 'succeeded' ? run : null;
  }
  const latest = await ctx.store.runs.latest(shop);
  if (!section || !latest || measured(latest, section)) return latest;
  const recent = await ctx.store.runs.list(shop, { status: 'succeeded', limit: RECENT_RUNS });
  return recent.items.find((run) => measured(run, section)) ?? latest;
}

export function runBrief(run: RunRecord | null) {
  if (!run) return null;
  const { id, status, triggeredBy, createdAt, startedAt, finishedAt, durationMs, storeScore, error, storeUrl } = run;
  return { id, status, triggeredBy, createdAt, startedAt, finishedAt, durationMs, storeScore, error, storeUrl };
}
