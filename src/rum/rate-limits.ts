// Per-shop and per-client-address request limits for the ingestion routes (express-rate-limit, in memory,
// one-minute windows). A refused request gets 429 with Retry-After and is never stored.
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { RumLimits } from './ingest.ts';
import { HttpError, sendError } from '../server/http-error.ts';

function limiter(limit: number, keyGenerator?: (req: Request, res: Response) => string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(keyGenerator ? { keyGenerator } : {}),
    handler: (req, res, _next, options) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime() ?? Date.now() + options.windowMs;
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((reset - Date.now()) / 1000))));
      sendError(req, res, new HttpError(429, 'too_many_requests'));
    },
  });
}

/** Two limiters in order: client address, then shop (read by `shopOf` once the shop is known). */
export function ingestRateLimits(limits: RumLimits, shopOf: (req: Request, res: Response) => string): RequestHandler[] {
  return [limiter(limits.perAddressPerMinute), limiter(limits.perShopPerMinute, (req, res) => `shop:${shopOf(req, res)}`)];
}
