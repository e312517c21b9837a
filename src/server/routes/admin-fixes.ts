// The Fixes view:
//   GET /api/admin/fixes?run=<id>   the run's ranked fixes with the merchant's decision on each, and the fixes
//        marked done earlier with their measured effect (the metric at the decision's run vs now) next to the
//        estimate promised then.
//   PUT /api/admin/fixes/:id {status: 'done' | 'ignored' | 'open'}   persisted per shop and stable fix id.
import { Router } from 'express';
import type { Fix } from '../../report/schema.ts';
import type { FixStatusRecord, RunSummary } from '../../store/index.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { z } from 'zod';
import { HttpError } from '../http-error.ts';
import { text, validated } from '../validate.ts';
import { chosenRun, runQuery, shopView } from './admin-shared.ts';

/** Fix ids are the advisor's stable slugs ("render-blocking:/assets/x.css"): bounded text. */
const fixParams = z.object({ id: text(500).min(1) });
const fixBody = z.object({ status: z.enum(['done', 'ignored', 'open']) }).strict();

const SUMMARY_FIELD: Record<string, 'lcpMs' | 'tbtMs' | 'cls'> = { LCP: 'lcpMs', TBT: 'tbtMs', CLS: 'cls' };

/** The metric's median over the run's template/device groups, or the run-level count it names. */
function metricOf(summary: RunSummary | null | undefined, metric: string): number | null {
  if (!summary) return null;
  if (metric === 'broken-links') return summary.brokenLinks;
  if (metric === 'checkout') return summary.checkoutMs;
  const field = SUMMARY_FIELD[metric];
  if (!field) return null;
  const values = Object.values(summary.groups).map((g) => g[field]).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  return values.length ? (values[Math.floor(values.length / 2)] as number) : null;
}

async function measuredEffects(ctx: ServerContext, shop: string, done: FixStatusRecord[], now: RunSummary | null) {
  return Promise.all(
    done.map(async (decision) => {
      const estimate = decision.estimate as Fix | null;
      const metric = estimate?.impact.metric ?? '';
      const then = decision.runId ? await ctx.store.runs.get(shop, decision.runId) : null;
      const before = metricOf(then?.summary, metric);
      const after = metricOf(now, metric);
      return {
        id: decision.fixId,
        title: estimate?.title ?? decision.fixId,
        ...(estimate?.text ? { text: estimate.text } : {}),
        metric,
        decidedAt: decision.updatedAt,
        estimate: estimate ? { savingMs: estimate.impact.savingMs, revenuePerMonth: estimate.impact.revenuePerMonth } : null,
        measured: before !== null && after !== null ? { before, after, change: before - after } : null,
      };
    }),
  );
}

export function adminFixesRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/admin/fixes', validated({ query: runQuery }, async ({ query }, _req, res) => {
    const shop = shopOf(res);
    const [view, run, decisions] = await Promise.all([shopView(ctx, res), chosenRun(ctx, res, query.run), ctx.store.fixes.list(shop)]);
    const byId = new Map(decisions.map((d) => [d.fixId, d]));
    const fixes = run ? await ctx.store.runs.getFixes(shop, run.id) : [];
    const listed = new Set(fixes.map((f) => f.id));
    const done = decisions.filter((d) => d.status === 'done');
    res.json({
      currency: view.currency,
      runId: run?.id ?? null,
      fixes: fixes.map((fix, index) => ({ ...fix, rank: index + 1, status: byId.get(fix.id)?.status ?? 'open' })),
      resolved: await measuredEffects(ctx, shop, done, run?.summary ?? null),
      stillFound: done.filter((d) => listed.has(d.fixId)).map((d) => d.fixId),
    });
  }));

  router.put('/admin/fixes/:id', validated({ params: fixParams, body: fixBody }, async ({ params, body }, _req, res) => {
    const shop = shopOf(res);
    const fixId = params.id;
    const status = body.status;
    if (status === 'open') {
      await ctx.store.fixes.clear(shop, fixId);
      res.json({ id: fixId, status: 'open' });
      return;
    }
    const latest = await ctx.store.runs.latest(shop);
    const fix = latest ? (await ctx.store.runs.getFixes(shop, latest.id)).find((f) => f.id === fixId) : undefined;
    if (!fix) throw new HttpError(404, 'fix_not_found', { params: { id: { kind: 'code', value: fixId } } });
    const record = await ctx.store.fixes.set(shop, fixId, status, { runId: latest?.id, estimate: fix });
    res.json({ id: fixId, status: record.status, updatedAt: record.updatedAt });
  }));
  return router;
}
