// POST /apps/storefront-auditor/beacon: the theme app embed's Web Vitals, sent with navigator.sendBeacon through
// Shopify's app proxy (same origin for the shopper, so no CORS). The proxy signature was verified by the app
// proxy router before this runs, so res.locals.shopDomain is the signed shop.
import { Router, type Response } from 'express';
import { boundedJson, ingestHandler } from '../../rum/ingest-handler.ts';
import { beaconSchema } from '../../rum/payloads.ts';
import { ingestRateLimits } from '../../rum/rate-limits.ts';
import type { ServerContext } from '../deps.ts';

export function rumBeaconRoutes(ctx: ServerContext): Router {
  const router = Router();
  const shopOf = (_req: unknown, res: Response) => String(res.locals.shopDomain);
  router.post(
    '/beacon',
    ...ingestRateLimits(ctx.rum.limits, shopOf),
    ...boundedJson(ctx.rum.limits.maxBodyBytes),
    ingestHandler(beaconSchema, (shop, beacon) => ctx.rum.acceptBeacon(shop, beacon), shopOf,
      (err) => ctx.logger.error({ err }, 'storing RUM beacon failed')),
  );
  return router;
}
