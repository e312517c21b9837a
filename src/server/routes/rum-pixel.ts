// POST /ingest/pixel?shop=…&key=…: funnel events from the web pixel. The pixel runs in Shopify's sandbox on
// another origin, so this answers CORS for any origin (it carries no cookies and grants nothing). The shop and
// its ingest key are checked before the body is read; then rate limits, a size cap and the schema.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { boundedJson, ingestHandler } from '../../rum/ingest-handler.ts';
import { pixelBatchSchema } from '../../rum/payloads.ts';
import { ingestRateLimits } from '../../rum/rate-limits.ts';
import type { ServerContext } from '../deps.ts';
import { HttpError, sendError } from '../http-error.ts';

export const PIXEL_INGEST_PATH = '/ingest/pixel';
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9.-]{0,254}$/;

export function rumPixelRouter(ctx: ServerContext): Router {
  const router = Router();
  router.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'content-type');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  });
  const shopOf = (_req: Request, res: Response) => String(res.locals.ingestShop);
  const checkKey = (req: Request, res: Response, next: NextFunction) => {
    const shop = typeof req.query.shop === 'string' ? req.query.shop.toLowerCase() : '';
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    if (!SHOP_DOMAIN.test(shop) || !key || !ctx.rum.isValidIngestKey(shop, key)) {
      sendError(req, res, new HttpError(401, 'ingest_key_invalid'));
      return;
    }
    res.locals.ingestShop = shop;
    next();
  };
  router.post(
    '/',
    checkKey,
    ...ingestRateLimits(ctx.rum.limits, shopOf),
    ...boundedJson(ctx.rum.limits.maxBodyBytes),
    ingestHandler(pixelBatchSchema, (shop, batch) => ctx.rum.acceptPixelBatch(shop, batch), shopOf,
      (err) => ctx.logger.error({ err }, 'storing pixel events failed')),
  );
  return router;
}
