// Audit schedules, the durable job table of the embedded queue (SQLite mode; pg-boss keeps its own tables),
// and per-shop alert state so that each alert is sent once and its recovery once.
import type { Dialect } from '../db/types.ts';

export function up({ types: t }: Dialect): string[] {
  return [
    `CREATE TABLE schedules (
      id ${t.id},
      shop TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT 'default',
      cron TEXT NOT NULL,
      timezone TEXT NOT NULL DEFAULT 'UTC',
      enabled ${t.bool} NOT NULL DEFAULT TRUE,
      options ${t.json},
      next_run_at ${t.timestamp},
      last_run_at ${t.timestamp},
      created_at ${t.timestamp} NOT NULL,
      updated_at ${t.timestamp} NOT NULL,
      UNIQUE (shop, name)
    )`,
    'CREATE INDEX schedules_due ON schedules (enabled, next_run_at)',
    `CREATE TABLE jobs (
      id ${t.id},
      queue TEXT NOT NULL,
      shop TEXT,
      payload ${t.json} NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'active', 'completed', 'failed', 'cancelled')),
      priority INTEGER NOT NULL DEFAULT 0,
      run_at ${t.timestamp} NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL DEFAULT 3,
      singleton_key TEXT,
      locked_by TEXT,
      locked_until ${t.timestamp},
      last_error TEXT,
      result ${t.json},
      created_at ${t.timestamp} NOT NULL,
      updated_at ${t.timestamp} NOT NULL,
      finished_at ${t.timestamp}
    )`,
    'CREATE INDEX jobs_ready ON jobs (queue, status, priority, run_at)',
    "CREATE UNIQUE INDEX jobs_singleton ON jobs (singleton_key) WHERE singleton_key IS NOT NULL AND status IN ('queued', 'active')",
    'CREATE INDEX jobs_shop ON jobs (shop)',
    `CREATE TABLE alert_state (
      shop TEXT NOT NULL,
      alert_key TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
      details ${t.json},
      run_id ${t.bigint},
      first_seen_at ${t.timestamp} NOT NULL,
      last_notified_at ${t.timestamp},
      resolved_at ${t.timestamp},
      updated_at ${t.timestamp} NOT NULL,
      PRIMARY KEY (shop, alert_key)
    )`,
  ];
}
