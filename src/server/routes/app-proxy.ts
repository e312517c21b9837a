// /apps/storefront-auditor/*: requests Shopify forwards from the storefront through the app proxy
// (shopify.app.toml [app_proxy]). In app mode each one carries Shopify's app-proxy signature, verified here
// (src/shopify/app-proxy-signature.ts: byte-sorted query, HMAC-SHA256 with the app secret, timestamp within 90 s)
// before any route sees it;
// res.locals.shopDomain is the signed `shop` parameter. Standalone mode has no secret to sign with, so the
// local shop is used. Add storefront routes (the RUM beacon) with appProxyRoutes.push(...).
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ServerContext } from '../deps.ts';
import { HttpError, sendError } from '../http-error.ts';
import { STANDALONE_SHOP } from '../shop-context.ts';
import { verifyAppProxyQuery } from '../../shopify/app-proxy-signature.ts';

export const APP_PROXY_PREFIX = '/apps/storefront-auditor';

export type AppProxyRouteFactory = (ctx: ServerContext) => Router;

/** Storefront areas register their proxy routers here (paths relative to APP_PROXY_PREFIX). */
export const appProxyRoutes: AppProxyRouteFactory[] = [];

export function appProxyRouter(ctx: ServerContext): Router {
  const router = Router();
  router.use(verifyAppProxySignature(ctx));
  for (const factory of appProxyRoutes) router.use(factory(ctx));
  router.get('/ping', (_req, res) => {
    res.json({ shop: res.locals.shopDomain });
  });
  return router;
}

// Shopify's signature covers only shop, path_prefix, timestamp (seconds) and the customer id, so every anonymous
// storefront request of one shop within a second carries the same signed query. Remembering a verified query
// until its 90 s window ends (exactly when verification would start refusing it) spares the HMAC, the largest
// cost of a beacon at thousands per second. Bounded: cleared when full.
const SIGNATURE_WINDOW_SEC = 90;
const MAX_REMEMBERED = 10_000;

function verifyAppProxySignature(ctx: ServerContext) {
  const verified = new Map<string, { shop: string; until: number }>();
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!ctx.shopify) {
      res.locals.shopDomain = STANDALONE_SHOP;
      next();
      return;
    }
    const rawQuery = req.originalUrl.slice(req.originalUrl.indexOf('?') + 1);
    const known = req.originalUrl.includes('?') ? verified.get(rawQuery) : undefined;
    if (known && Date.now() <= known.until) {
      res.locals.shopDomain = known.shop;
      next();
      return;
    }
    const query = new URL(req.originalUrl, 'http://proxy.invalid').searchParams;
    const check = verifyAppProxyQuery(query, ctx.config.shopify?.apiSecret ?? '');
    const shop = check.valid ? ctx.shopify.shopify.api.utils.sanitizeShop(check.shop) : null;
    if (!check.valid || !shop) {
      sendError(req, res, new HttpError(401, 'app_proxy_signature_invalid'));
      return;
    }
    if (verified.size >= MAX_REMEMBERED) verified.clear();
    verified.set(rawQuery, { shop, until: (Number(query.get('timestamp')) + SIGNATURE_WINDOW_SEC) * 1000 });
    res.locals.shopDomain = shop;
    next();
  };
}
