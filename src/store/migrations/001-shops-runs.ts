// Shops (the tenant key of every per-shop table) and audit runs. A run's report is split into one row per
// section plus one row per fix, so each admin view reads only what it shows.
import type { Dialect } from '../db/types.ts';

export function up({ types: t }: Dialect): string[] {
  return [
    `CREATE TABLE shops (
      shop TEXT PRIMARY KEY,
      name TEXT,
      store_url TEXT,
      primary_domain TEXT,
      currency TEXT,
      timezone TEXT,
      locale TEXT,
      plan TEXT,
      ingest_key TEXT,
      installed_at ${t.timestamp},
      uninstalled_at ${t.timestamp},
      created_at ${t.timestamp} NOT NULL,
      updated_at ${t.timestamp} NOT NULL
    )`,
    `CREATE TABLE runs (
      id ${t.id},
      shop TEXT NOT NULL,
      store_url TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
      triggered_by TEXT NOT NULL DEFAULT 'manual',
      options ${t.json},
      job_id TEXT,
      worker_id TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      created_at ${t.timestamp} NOT NULL,
      started_at ${t.timestamp},
      finished_at ${t.timestamp},
      duration_ms ${t.bigint},
      store_score ${t.real},
      summary ${t.json},
      error TEXT
    )`,
    'CREATE INDEX runs_shop_id ON runs (shop, id DESC)',
    'CREATE INDEX runs_shop_status_id ON runs (shop, status, id DESC)',
    'CREATE INDEX runs_status_worker ON runs (status, worker_id)',
    'CREATE INDEX runs_job ON runs (job_id)',
    `CREATE TABLE run_sections (
      run_id ${t.bigint} NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      shop TEXT NOT NULL,
      section TEXT NOT NULL,
      data ${t.json} NOT NULL,
      PRIMARY KEY (run_id, section)
    )`,
    `CREATE TABLE run_fixes (
      run_id ${t.bigint} NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      shop TEXT NOT NULL,
      fix_id TEXT NOT NULL,
      rank INTEGER NOT NULL,
      category TEXT NOT NULL,
      title TEXT NOT NULL,
      revenue_central ${t.real},
      confidence TEXT,
      data ${t.json} NOT NULL,
      PRIMARY KEY (run_id, fix_id)
    )`,
    'CREATE INDEX run_fixes_shop_fix ON run_fixes (shop, fix_id, run_id)',
  ];
}
