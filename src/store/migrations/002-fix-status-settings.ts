// What the merchant decided about each fix (done/ignored, per shop and stable fix id), and per-shop
// settings stored as named JSON values so that each area owns its own keys without overwriting others.
import type { Dialect } from '../db/types.ts';

export function up({ types: t }: Dialect): string[] {
  return [
    `CREATE TABLE fix_status (
      shop TEXT NOT NULL,
      fix_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('done', 'ignored')),
      note TEXT,
      run_id ${t.bigint},
      estimate ${t.json},
      updated_at ${t.timestamp} NOT NULL,
      PRIMARY KEY (shop, fix_id)
    )`,
    `CREATE TABLE settings (
      shop TEXT NOT NULL,
      name TEXT NOT NULL,
      value ${t.json} NOT NULL,
      updated_at ${t.timestamp} NOT NULL,
      PRIMARY KEY (shop, name)
    )`,
  ];
}
