// Webhook de-duplication: Shopify delivers at least once, so a handler first records the webhook id (and the
// event id, when Shopify sent one) here and only acts when both are new. One INSERT … ON CONFLICT DO NOTHING
// decides atomically, even when two servers receive the same delivery at once.
//
// Receipts are kept out of shop/redact (see redact.ts): they hold ids and a topic, no shop data, and a redact
// that erased its own receipt would let Shopify's retry of the same delivery wipe a shop that re-installed.
import type { Db } from '../db/types.ts';
import { StoreError } from '../errors.ts';
import { nowIso, requireShop, toIso } from './values.ts';

export function webhooksRepository(db: Db) {
  return {
    /** True the first time a webhook id (and event id) is seen, false for every duplicate of either. */
    async recordOnce(webhookId: string, shop: string, topic: string, eventId?: string | null): Promise<boolean> {
      if (!webhookId) throw new StoreError('invalid-input', 'webhook id must be a non-empty string');
      const result = await db.run(
        'INSERT INTO processed_webhooks (webhook_id, shop, topic, received_at, event_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [webhookId, requireShop(shop), topic, nowIso(), eventId || null],
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
