// GET /api/admin/pages?run=<id>: the load-time section of a run (metrics per template and page, opportunities,
// LCP element and phases, apps on the storefront), plus the apps table summed over the measured pages.
import { Router } from 'express';
import type { AppCost, LoadTimeSection } from '../../report/schema.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { validated } from '../validate.ts';
import { chosenRun, runQuery } from './admin-shared.ts';

function appsAcrossPages(section: LoadTimeSection): Array<AppCost & { pages: number }> {
  const byName = new Map<string, AppCost & { pages: number }>();
  for (const page of section.pages) {
    for (const app of page.apps) {
      const sum = byName.get(app.name) ?? { ...app, urls: [], transferBytes: 0, mainThreadMs: 0, blockingMs: 0, pages: 0 };
      sum.transferBytes += app.transferBytes;
      sum.mainThreadMs += app.mainThreadMs;
      sum.blockingMs += app.blockingMs;
      sum.pages += 1;
      for (const url of app.urls) if (!sum.urls.includes(url) && sum.urls.length < 10) sum.urls.push(url);
      byName.set(app.name, sum);
    }
  }
  // Averages per page where the app loads: what it costs a visitor who lands there.
  return [...byName.values()]
    .map((a) => ({ ...a, transferBytes: a.transferBytes / a.pages, mainThreadMs: a.mainThreadMs / a.pages, blockingMs: a.blockingMs / a.pages }))
    .sort((a, b) => b.blockingMs - a.blockingMs || b.mainThreadMs - a.mainThreadMs);
}

export function adminPagesRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get('/admin/pages', validated({ query: runQuery }, async ({ query }, _req, res) => {
    const run = await chosenRun(ctx, res, query.run, 'loadTime');
    if (!run) {
      res.json({ runId: null, loadTime: null, apps: [] });
      return;
    }
    const section = (await ctx.store.runs.getSection(shopOf(res), run.id, 'loadTime')) as LoadTimeSection | null;
    res.json({ runId: run.id, loadTime: section, apps: section ? appsAcrossPages(section) : [] });
  }));
  return router;
}
