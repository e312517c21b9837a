// POST /api/audits {url?}: queue an audit of the current shop's storefront. In app mode the lifecycle refuses
// any URL that is not on one of the shop's own domains or resolves to a non-public address (see
// src/shopify/guarded-lifecycle.ts); the URL defaults to the shop's storefront. Only http(s) URLs are taken:
// ftp:, file:, javascript:, data: … are refused with 400 unsupported_url_scheme (standalone; in app mode the guard
// refuses them with 403).
import { Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import { shopOf } from '../shop-context.ts';
import { parseHttpUrl, text, validated } from '../validate.ts';

const auditBody = z.union([z.undefined(), z.object({ url: text(2048).optional() }).loose()]);

export function auditRequestRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.post('/audits', validated({ body: auditBody }, async ({ body }, _req, res) => {
    const shop = shopOf(res);
    let url = body?.url || undefined;
    if (ctx.mode === 'embedded') {
      url ??= (await ctx.shopifyStore.shops.getProfile(shop))?.storefrontUrl;
      if (!url) throw new HttpError(409, 'profile_not_loaded');
    } else if (!url) {
      throw new HttpError(400, 'url_required');
    }
    // Standalone audits the normalised http(s) URL; app mode hands the guard what the shop asked for, and the
    // guard refuses other schemes, credentials and foreign domains with 403 audit_target_refused.
    if (ctx.mode === 'standalone') url = parseHttpUrl(url);
    // An AuditTargetRefusedError from the guard becomes 403 audit_target_refused in the error middleware.
    await ctx.lifecycle.requestAudit({ shop, url, reason: 'manual' });
    res.status(202).json({ shop, url, queued: true });
  }));
  return router;
}
