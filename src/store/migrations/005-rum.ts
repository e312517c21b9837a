// Real-user data: one row per Web Vitals measurement, one row per funnel event (both anonymous, joined on
// Shopify's client id), and daily aggregates per template × device × metric.
import type { Dialect } from '../db/types.ts';

export function up({ types: t }: Dialect): string[] {
  return [
    `CREATE TABLE rum_beacons (
      id ${t.id},
      shop TEXT NOT NULL,
      day TEXT NOT NULL,
      occurred_at ${t.timestamp} NOT NULL,
      client_id TEXT,
      page_view_id TEXT,
      template TEXT NOT NULL,
      device TEXT NOT NULL,
      nav_type TEXT,
      metric TEXT NOT NULL,
      value ${t.real} NOT NULL,
      rating TEXT,
      target TEXT,
      url_path TEXT,
      synthetic ${t.bool} NOT NULL DEFAULT FALSE
    )`,
    'CREATE INDEX rum_beacons_shop_day ON rum_beacons (shop, day)',
    'CREATE INDEX rum_beacons_shop_client ON rum_beacons (shop, client_id)',
    `CREATE TABLE funnel_events (
      id ${t.id},
      shop TEXT NOT NULL,
      day TEXT NOT NULL,
      occurred_at ${t.timestamp} NOT NULL,
      client_id TEXT NOT NULL,
      event_id TEXT,
      event TEXT NOT NULL,
      template TEXT,
      url_path TEXT,
      value ${t.real},
      currency TEXT,
      synthetic ${t.bool} NOT NULL DEFAULT FALSE
    )`,
    'CREATE UNIQUE INDEX funnel_events_dedupe ON funnel_events (shop, event_id)',
    'CREATE INDEX funnel_events_shop_day ON funnel_events (shop, day)',
    'CREATE INDEX funnel_events_shop_client ON funnel_events (shop, client_id)',
    `CREATE TABLE rum_daily (
      shop TEXT NOT NULL,
      day TEXT NOT NULL,
      template TEXT NOT NULL,
      device TEXT NOT NULL,
      metric TEXT NOT NULL,
      samples INTEGER NOT NULL,
      synthetic_samples INTEGER NOT NULL,
      p75 ${t.real} NOT NULL,
      good INTEGER NOT NULL,
      needs_improvement INTEGER NOT NULL,
      poor INTEGER NOT NULL,
      updated_at ${t.timestamp} NOT NULL,
      PRIMARY KEY (shop, day, template, device, metric)
    )`,
  ];
}
