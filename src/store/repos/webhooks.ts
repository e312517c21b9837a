// Webhook de-duplication: Shopify delivers at least once, so a handler first records the webhook id here
// and only acts when the id is new. One INSERT … ON CONFLICT DO NOTHING decides atomically, even when two
// servers receive the same delivery at once.
import type { Db } from '../db/types.ts';
import { StoreError } from '../errors.ts';
import { nowIso, requireShop, toIso } from './values.ts';

export function webhooksRepository(db: Db) {
  return {
    /** True the first time a webhook id is seen, false for every duplicate. */
    async recordOnce(webhookId: string, shop: string, topic: string): Promise<boolean> {
      if (!webhookId) throw new StoreError('invalid-input', 'webhook id must be a non-empty string');
      const result = await db.run(
        'INSERT INTO processed_webhooks (webhook_id, shop, topic, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING',
        [webhookId, requireShop(shop), topic, nowIso()],
      );
      return result.changes === 1;
    },
    /** Undoes `recordOnce` when handling failed, so Shopify's retry is processed instead of skipped. */
    async forget(webhookId: string): Promise<void> {
      await db.run('DELETE FROM processed_webhooks WHERE webhook_id = ?', [webhookId]);
    },
    /** Shopify retries for 48 hours; ids older than that can go. */
    async pruneBefore(before: Date | string): Promise<number> {
      return (await db.run('DELETE FROM processed_webhooks WHERE received_at < ?', [toIso(before)])).changes;
    },
  };
}

export type WebhooksRepository = ReturnType<typeof webhooksRepository>;
