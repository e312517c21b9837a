// GET /health: liveness for load balancers and the process supervisor; no shop data, no auth.
import { Router } from 'express';
import type { ServerContext } from '../deps.ts';

export function healthRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ status: 'ok', mode: ctx.mode });
  });
  return router;
}
