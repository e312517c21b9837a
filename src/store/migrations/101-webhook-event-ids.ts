// Shopify app area (100–199). Webhook receipts also remember X-Shopify-Event-Id: Shopify may deliver one event
// under more than one webhook id (a re-created subscription, a manual resend), and the event id is what
// identifies it. NULLs are distinct in a unique index on both backends, so old receipts without one still fit.
import type { Dialect } from '../db/types.ts';

export function up(_dialect: Dialect): string[] {
  return [
    'ALTER TABLE processed_webhooks ADD COLUMN event_id TEXT',
    'CREATE UNIQUE INDEX processed_webhooks_event ON processed_webhooks (event_id)',
  ];
}
