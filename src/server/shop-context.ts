// Which shop a request acts for. Every /api route reads it from here, and only from here: in embedded mode it
// is the shop named in the verified App Bridge session token (never a query parameter or body field), so one
// shop cannot address another's data. In standalone mode there is one local shop and only loopback clients.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServerContext } from './deps.ts';
import { HttpError } from './http-error.ts';

export const STANDALONE_SHOP = 'standalone.local';

/** What App Bridge sends: the scheme exactly as written, one space, a JWT (three base64url parts). */
const BEARER_TOKEN = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export class MissingShopContextError extends Error {
  override name = 'MissingShopContextError';
}

/** The shop of the current request; throws when a route forgot to sit behind requireShopSession. */
export function shopOf(res: Response): string {
  const shop = res.locals.shopDomain as string | undefined;
  if (!shop) throw new MissingShopContextError('route is not behind requireShopSession');
  return shop;
}

export function requireShopSession(ctx: ServerContext): RequestHandler {
  const shopify = ctx.shopify;
  if (!shopify) {
    return (req: Request, res: Response, next: NextFunction) => {
      if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        next(new HttpError(403, 'standalone_remote'));
        return;
      }
      res.locals.shopDomain = STANDALONE_SHOP;
      next();
    };
  }
  // The library validates the token (HS256 signature with the app secret, aud = our API key, exp/nbf with 10 s
  // leeway), exchanges it for an expiring offline token when the shop has none, and answers invalid tokens the
  // way App Bridge expects (401 + X-Shopify-Retry-Invalid-Session-Request: 1).
  const validate = shopify.shopify.validateAuthenticatedSession();
  return (req: Request, res: Response, next: NextFunction) => {
    if (!BEARER_TOKEN.test(req.headers.authorization ?? '')) {
      // An /api call without `Bearer <token>` (none, Basic, an empty Bearer, a lower-case scheme) did not come
      // through App Bridge, which always sends exactly that; the library would answer it with a 200 bounce page
      // meant for document loads, which a fetch cannot use. 401 + the retry header makes App Bridge fetch a
      // fresh session token and retry the request once.
      res.set('X-Shopify-Retry-Invalid-Session-Request', '1');
      next(new HttpError(401, 'unauthorized'));
      return;
    }
    Promise.resolve(validate(req, res, (error?: unknown) => {
      if (error) return next(error);
      const session = res.locals.shopify?.session as { shop: string } | undefined;
      if (!session) return next(new MissingShopContextError('authenticated request without a session'));
      res.locals.shopDomain = session.shop;
      next();
    })).catch(next);
  };
}
