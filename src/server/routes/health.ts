// GET /health: liveness and readiness for load balancers and the process supervisor; no shop data, no auth.
// The jobs layer (or anyone) can add readiness through deps.health; a failing check turns the answer into 503.
import { Router } from 'express';
import type { ServerContext } from '../deps.ts';

export function healthRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    if (!ctx.health) {
      res.json({ status: 'ok', mode: ctx.mode });
      return;
    }
    let detail: { ok: boolean } & Record<string, unknown>;
    try {
      detail = await ctx.health();
    } catch (error) {
      detail = { ok: false, error: (error as Error).message };
    }
    res.status(detail.ok ? 200 : 503).json({ status: detail.ok ? 'ok' : 'unavailable', mode: ctx.mode, checks: detail });
  });
  return router;
}
