// /apps/storefront-auditor/*: requests Shopify forwards from the storefront through the app proxy
// (shopify.app.toml [app_proxy]). In app mode each one carries Shopify's app-proxy signature, verified here by the
// library (sorted query, HMAC-SHA256 with the app secret, timestamp within 90 s) before any route sees it;
// res.locals.shopDomain is the signed `shop` parameter. Standalone mode has no secret to sign with, so the
// local shop is used. Add storefront routes (the RUM beacon) with appProxyRoutes.push(...).
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ServerContext } from '../deps.ts';
import { STANDALONE_SHOP } from '../shop-context.ts';

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

function verifyAppProxySignature(ctx: ServerContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!ctx.shopify) {
      res.locals.shopDomain = STANDALONE_SHOP;
      next();
      return;
    }
    const query = new URL(req.originalUrl, 'http://proxy.invalid').searchParams;
    let valid = false;
    try {
      valid = await ctx.shopify.shopify.api.utils.validateHmac(query, { signator: 'appProxy' });
    } catch {
      valid = false;
    }
    const shop = ctx.shopify.shopify.api.utils.sanitizeShop(query.get('shop') ?? '');
    if (!valid || !shop) {
      res.status(401).json({ error: 'invalid app proxy signature' });
      return;
    }
    res.locals.shopDomain = shop;
    next();
  };
}
