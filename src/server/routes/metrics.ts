// GET /metrics: Prometheus text format from the jobs layer's registry (queue depth, run durations,
// failures). It holds no shop data, so like /health it needs no session.
import { Router } from 'express';
import type { Registry } from 'prom-client';

export function metricsRouter(registry: Registry): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  });
  return router;
}
