// Per-shop settings as named JSON values: 'storeInputs', 'budgets', 'alertChannels', 'signedHeaders',
// 'audit' (devices, runs, only), … Each area reads and writes its own names, so saving one setting never
// overwrites another. Secrets (signed header values) must be encrypted by the caller before they get here.
// A change of several names is one transaction (setMany): it is saved whole or not at all, on both backends.
// Values holding text no backend stores as sent (NUL, unpaired surrogates) are refused, never altered.
import type { Db, Queryable } from '../db/types.ts';
import { fromJson, nowIso, requireShop, requireStorable } from './values.ts';

const UPSERT = `INSERT INTO settings (shop, name, value, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (shop, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;

async function write(q: Queryable, shop: string, name: string, value: unknown, at: string): Promise<void> {
  requireStorable(name, 'setting name');
  await q.run(UPSERT, [shop, name, JSON.stringify(requireStorable(value ?? null, `setting ${name}`)), at]);
}

export function settingsRepository(db: Db) {
  return {
    async get<T = unknown>(shop: string, name: string): Promise<T | null> {
      const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE shop = ? AND name = ?', [shop, name]);
      return row ? fromJson<T>(row.value) : null;
    },
    async set(shop: string, name: string, value: unknown): Promise<void> {
      await write(db, requireShop(shop), name, value, nowIso());
    },
    /**
     * Saves several names at once, in one transaction: all of them or, when any fails, none. `undefined`
     * removes a name (used to put back a state in which it was absent).
     */
    async setMany(shop: string, values: Record<string, unknown>): Promise<void> {
      requireShop(shop);
      // Checked before the transaction opens, so a refused value costs no write at all.
      for (const [name, value] of Object.entries(values)) requireStorable({ [name]: value ?? null }, 'setting');
      const at = nowIso();
      await db.transaction(async (tx) => {
        for (const [name, value] of Object.entries(values)) {
          if (value === undefined) await tx.run('DELETE FROM settings WHERE shop = ? AND name = ?', [shop, name]);
          else await write(tx, shop, name, value, at);
        }
      });
    },
    /** The stored values of `names` (undefined for absent ones): a snapshot setMany can put back. */
    async snapshot(shop: string, names: readonly string[]): Promise<Record<string, unknown>> {
      const all = await this.getAll(shop);
      return Object.fromEntries(names.map((name) => [name, all[name]]));
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
