// In app mode every audit request, whoever makes it (install, theme publish, the admin's "Run audit now", the
// API), passes the own-domain and public-address guard here, once, at the boundary to the jobs layer; a route
// added later cannot forget it.
import { assertShopOwnsAuditTarget, AuditTargetRefusedError, type AuditTargetOptions } from './own-domain-guard.ts';
import type { ShopLifecycle, ShopRepository } from './ports.ts';

export function guardAuditRequests(lifecycle: ShopLifecycle, shops: Pick<ShopRepository, 'getProfile'>, options: AuditTargetOptions = {}): ShopLifecycle {
  async function checkAuditTarget(shop: string, target: string): Promise<string> {
    const profile = await shops.getProfile(shop);
    if (!profile) throw new AuditTargetRefusedError(`no profile for ${shop} yet: its domains are unknown`);
    return (await assertShopOwnsAuditTarget(target, profile, options)).href;
  }
  return {
    ...lifecycle,
    checkAuditTarget,
    async requestAudit(request) {
      await lifecycle.requestAudit({ ...request, url: await checkAuditTarget(request.shop, request.url) });
    },
  };
}
