// The Checkout view:
//   GET /api/admin/checkout?run=<id>                   the run's checkout section (steps, failure, Baymard's averages)
//   GET /api/admin/runs/:id/artifacts/<relative path>  a screenshot of one of the shop's runs. It sits behind the
//        session like every /api route, so the UI fetches it with the session token and shows it as a blob.
import { resolve, sep } from 'node:path';
import { Router } from 'express';
import type { CheckoutSection } from '../../report/schema.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { z } from 'zod';
import { HttpError } from '../http-error.ts';
import { idString, validated } from '../validate.ts';
import { chosenRun, runQuery } from './admin-shared.ts';

const IMAGE = /\.(png|jpe?g|webp)$/i;

/** A run id and an image path inside the run's folder (no `..` segment, no absolute path). */
const artifactParams = z.object({
  id: idString,
  path: z
    .array(z.string().min(1).max(255).refine((part) => part !== '..' && part !== '.' && !part.includes('/') && !part.includes('\\'), 'not a path segment'))
    .min(1)
    .max(8)
    .transform((parts) => parts.join('/'))
    .pipe(z.string().regex(IMAGE, 'must name a .png, .jpg or .webp file')),
});

export function adminCheckoutRoutes(ctx: ServerContext): Router {
  const router = Router();
  // Where the jobs layer writes each run's artefacts: <dataDir>/artifacts/<runId>/ (see jobs-runtime.ts).
  const artifactsRoot = resolve(ctx.config.dataDir, 'artifacts');

  router.get('/admin/checkout', validated({ query: runQuery }, async ({ query }, _req, res) => {
    const run = await chosenRun(ctx, res, query.run, 'checkout');
    const checkout = run ? ((await ctx.store.runs.getSection(shopOf(res), run.id, 'checkout')) as CheckoutSection | null) : null;
    res.json({ runId: run?.id ?? null, checkout });
  }));

  router.get(
    '/admin/runs/:id/artifacts/{*path}',
    validated({ params: artifactParams }, async ({ params }, req, res, next) => {
      // The run must be this shop's: ids are global, artefact folders are not per shop.
      if (!(await ctx.store.runs.get(shopOf(res), params.id))) throw new HttpError(404, 'run_not_found');
      const runDir = resolve(artifactsRoot, String(params.id));
      const file = resolve(runDir, params.path);
      if (!file.startsWith(runDir + sep)) throw new HttpError(400, 'invalid_params');
      res.sendFile(file, { headers: { 'cache-control': 'private, max-age=3600' }, dotfiles: 'deny' }, (error) => {
        if (error && !res.headersSent) next(new HttpError(404, 'screenshot_not_found'));
      });
    }),
  );
  return router;
}
