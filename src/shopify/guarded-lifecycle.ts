// In app mode every audit request, whoever makes it (install, theme publish, the admin's "Run audit now", the
// API), passes the own-domain and public-address guard here, once, at the boundary to the jobs layer; a route
// added later cannot forget it.
import { assertShopOwnsAuditTarget, AuditTargetRefusedError, type AuditTargetOptions } from './own-domain-guard.ts';
import type { ShopLifecycle, ShopRepository } from './ports.ts';

export function guardAuditRequests(lifecycle: ShopLifecycle, shops: Pick<ShopRepository, 'getProfile'>, options: AuditTargetOptions = {}): ShopLifecycle {
  return {
    ...lifecycle,
    async requestAudit(request) {
      const profile = await shops.getProfile(request.shop);
      if (!profile) throw new AuditTargetRefusedError(`no profile for ${request.shop} yet: its domains are unknown`);
      const url = await assertShopOwnsAuditTarget(request.url, profile, options);
      await lifecycle.requestAudit({ ...request, url: url.href });
    },
  };
}
