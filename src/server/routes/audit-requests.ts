// POST /api/audits {url?}: queue an audit of the current shop's storefront. In app mode the lifecycle refuses
// any URL that is not on one of the shop's own domains or resolves to a non-public address (see
// src/shopify/guarded-lifecycle.ts); the URL defaults to the shop's storefront.
import { Router } from 'express';
import { AuditTargetRefusedError } from '../../shopify/own-domain-guard.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';

export function auditRequestRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.post('/audits', async (req, res) => {
    const shop = shopOf(res);
    const requested = (req.body as { url?: unknown } | undefined)?.url;
    if (requested !== undefined && typeof requested !== 'string') {
      res.status(400).json({ error: 'url must be a string' });
      return;
    }
    let url = requested;
    if (ctx.mode === 'embedded') {
      url ??= (await ctx.shopifyStore.shops.getProfile(shop))?.storefrontUrl;
      if (!url) {
        res.status(409).json({ error: 'shop profile not loaded yet; open the app again' });
        return;
      }
    } else {
      if (!url) {
        res.status(400).json({ error: 'url is required in standalone mode' });
        return;
      }
      try {
        url = new URL(url).href;
      } catch {
        res.status(400).json({ error: `not a URL: ${url}` });
        return;
      }
    }
    try {
      await ctx.lifecycle.requestAudit({ shop, url, reason: 'manual' });
    } catch (error) {
      if (!(error instanceof AuditTargetRefusedError)) throw error;
      res.status(403).json({ error: error.message });
      return;
    }
    res.status(202).json({ shop, url, queued: true });
  });
  return router;
}
