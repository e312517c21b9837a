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
import { chosenRun, shopView } from './admin-shared.ts';

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

  router.get('/admin/fixes', async (req, res) => {
    const shop = shopOf(res);
    const [view, run, decisions] = await Promise.all([shopView(ctx, res), chosenRun(ctx, res, req.query.run), ctx.store.fixes.list(shop)]);
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
  });

  router.put('/admin/fixes/:id', async (req, res) => {
    const shop = shopOf(res);
    const fixId = String(req.params.id);
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (status !== 'done' && status !== 'ignored' && status !== 'open') {
      res.status(400).json({ error: 'status must be "done", "ignored" or "open"' });
      return;
    }
    if (status === 'open') {
      await ctx.store.fixes.clear(shop, fixId);
      res.json({ id: fixId, status: 'open' });
      return;
    }
    const latest = await ctx.store.runs.latest(shop);
    const fix = latest ? (await ctx.store.runs.getFixes(shop, latest.id)).find((f) => f.id === fixId) : undefined;
    if (!fix) {
      res.status(404).json({ error: `no fix ${fixId} in the latest audit` });
      return;
    }
    const record = await ctx.store.fixes.set(shop, fixId, status, { runId: latest?.id, estimate: fix });
    res.json({ id: fixId, status: record.status, updatedAt: record.updatedAt });
  });
  return router;
}
