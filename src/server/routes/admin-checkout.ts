// The Checkout view:
//   GET /api/admin/checkout?run=<id>                   the run's checkout section (steps, failure, Baymard's averages)
//   GET /api/admin/runs/:id/artifacts/<relative path>  a screenshot of one of the shop's runs. It sits behind the
//        session like every /api route, so the UI fetches it with the session token and shows it as a blob.
import { resolve, sep } from 'node:path';
import { Router } from 'express';
import type { CheckoutSection } from '../../report/schema.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { chosenRun } from './admin-shared.ts';

const IMAGE = /\.(png|jpe?g|webp)$/i;

export function adminCheckoutRoutes(ctx: ServerContext): Router {
  const router = Router();
  // Where the jobs layer writes each run's artefacts: <dataDir>/artifacts/<runId>/ (see jobs-runtime.ts).
  const artifactsRoot = resolve(ctx.config.dataDir, 'artifacts');

  router.get('/admin/checkout', async (req, res) => {
    const run = await chosenRun(ctx, res, req.query.run, 'checkout');
    const checkout = run ? ((await ctx.store.runs.getSection(shopOf(res), run.id, 'checkout')) as CheckoutSection | null) : null;
    res.json({ runId: run?.id ?? null, checkout });
  });

  router.get('/admin/runs/:id/artifacts/{*path}', async (req, res) => {
    const id = Number(req.params.id);
    const parts = (req.params as { path?: string[] }).path ?? [];
    const relative = parts.join('/');
    if (!Number.isInteger(id) || id <= 0 || !IMAGE.test(relative)) {
      res.status(400).json({ error: 'expected a run id and an image path' });
      return;
    }
    // The run must be this shop's: ids are global, artefact folders are not per shop.
    if (!(await ctx.store.runs.get(shopOf(res), id))) {
      res.status(404).json({ error: 'no such run' });
      return;
    }
    const runDir = resolve(artifactsRoot, String(id));
    const file = resolve(runDir, relative);
    if (!file.startsWith(runDir + sep)) {
      res.status(400).json({ error: 'path leaves the run folder' });
      return;
    }
    res.sendFile(file, { headers: { 'cache-control': 'private, max-age=3600' } }, (error) => {
      if (error && !res.headersSent) res.status(404).json({ error: 'no such screenshot' });
    });
  });
  return router;
}
