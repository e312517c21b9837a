// The shop lifecycle wired to the jobs layer and the store: what `serve` passes to createServer. Installing
// gives the shop its default daily schedule and queues the first audit; a theme publish queues a re-audit
// (deduplicated per shop while one is waiting); uninstall stops schedules and cancels queued jobs at once;
// shop/redact erases every per-shop row and the shop's files (its runs' screenshots and other artefacts).
import type { Jobs } from '../jobs/jobs-runtime.ts';
import { eraseShop } from '../jobs/retention.ts';
import { ensureDefaultSchedule, stopShop } from '../jobs/schedules-api.ts';
import type { Store } from '../store/index.ts';
import type { ShopLifecycle } from '../shopify/ports.ts';

export function jobsLifecycle(jobs: Pick<Jobs, 'queue' | 'schedules' | 'artifactsRoot'>, store: Store): ShopLifecycle {
  return {
    async onInstalled(profile) {
      await ensureDefaultSchedule(jobs.schedules, profile.shop, { timezone: profile.timezone, storeUrl: profile.storefrontUrl });
    },
    async requestAudit(request) {
      await jobs.queue.enqueue({ shop: request.shop, storeUrl: request.url, triggeredBy: request.reason });
    },
    async stopSchedules(shop) {
      await stopShop(jobs.schedules, shop);
    },
    async deleteShopData(shop) {
      await eraseShop(store, jobs.artifactsRoot, shop);
    },
  };
}
