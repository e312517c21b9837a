// Shopify sessions (opaque, already-encrypted text owned by the Shopify adapter, indexed by shop) and the
// ids of processed webhooks, for idempotent handling of Shopify's at-least-once delivery.
import type { Dialect } from '../db/types.ts';

export function up({ types: t }: Dialect): string[] {
  return [
    `CREATE TABLE shopify_sessions (
      id TEXT PRIMARY KEY,
      shop TEXT NOT NULL,
      data TEXT NOT NULL,
      expires_at ${t.timestamp},
      updated_at ${t.timestamp} NOT NULL
    )`,
    'CREATE INDEX shopify_sessions_shop ON shopify_sessions (shop)',
    `CREATE TABLE processed_webhooks (
      webhook_id TEXT PRIMARY KEY,
      shop TEXT NOT NULL,
      topic TEXT NOT NULL,
      received_at ${t.timestamp} NOT NULL
    )`,
    'CREATE INDEX processed_webhooks_shop ON processed_webhooks (shop)',
    'CREATE INDEX processed_webhooks_received ON processed_webhooks (received_at)',
  ];
}
