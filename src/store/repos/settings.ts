// Per-shop settings as named JSON values: 'storeInputs', 'budgets', 'alertChannels', 'signedHeaders',
// 'audit' (devices, runs, only), … Each area reads and writes its own names, so saving one setting never
// overwrites another. Secrets (signed header values) must be encrypted by the caller before they get here.
import type { Db } from '../db/types.ts';
import { fromJson, nowIso, requireShop } from './values.ts';

export function settingsRepository(db: Db) {
  return {
    async get<T = unknown>(shop: string, name: string): Promise<T | null> {
      const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE shop = ? AND name = ?', [shop, name]);
      return row ? fromJson<T>(row.value) : null;
    },
    async set(shop: string, name: string, value: unknown): Promise<void> {
      await db.run(
        `INSERT INTO settings (shop, name, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (shop, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [requireShop(shop), name, JSON.stringify(value ?? null), nowIso()],
      );
    },
    async getAll(shop: string): Promise<Record<string, unknown>> {
      const rows = await db.all<{ name: string; value: string }>('SELECT name, value FROM settings WHERE shop = ? ORDER BY name', [shop]);
      return Object.fromEntries(rows.map((r) => [r.name, fromJson(r.value)]));
    },
    async remove(shop: string, name: string): Promise<boolean> {
      return (await db.run('DELETE FROM settings WHERE shop = ? AND name = ?', [shop, name])).changes > 0;
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
