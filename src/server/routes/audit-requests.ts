// POST /api/audits {url?}: queue an audit of the current shop's storefront. In app mode the URL must be one of
// the shop's own domains and resolve to public addresses (own-domain guard); it defaults to the primary domain.
import { Router } from 'express';
import { assertShopOwnsAuditTarget, AuditTargetRefusedError } from '../../shopify/own-domain-guard.ts';
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
    let url: string;
    if (ctx.mode === 'embedded') {
      const profile = await ctx.shopifyStore.shops.getProfile(shop);
      if (!profile) {
        res.status(409).json({ error: 'shop profile not loaded yet; open the app again' });
        return;
      }
      try {
        url = (await assertShopOwnsAuditTarget(requested ?? profile.storefrontUrl, profile, {
          resolve: ctx.resolveHost,
          allowPrivateAddresses: ctx.allowPrivateAuditTargets,
        })).href;
      } catch (error) {
        if (!(error instanceof AuditTargetRefusedError)) throw error;
        res.status(403).json({ error: error.message });
        return;
      }
    } else {
      if (!requested) {
        res.status(400).json({ error: 'url is required in standalone mode' });
        return;
      }
      try {
        url = new URL(requested).href;
      } catch {
        res.status(400).json({ error: `not a URL: ${requested}` });
        return;
      }
    }
    await ctx.lifecycle.requestAudit({ shop, url, reason: 'manual' });
    res.status(202).json({ shop, url, queued: true });
  });
  return router;
}
