// Shops: the tenant key (`shop`, the myshopify domain in app mode, the store host in standalone mode) and
// what we know about the shop. Installation state lives here so uninstalled shops can be skipped at once.
import type { Db } from '../db/types.ts';
import { nowIso, requireShop, strOrNull, toIso } from './values.ts';

export interface ShopRecord {
  shop: string;
  name: string | null;
  storeUrl: string | null;
  primaryDomain: string | null;
  currency: string | null;
  timezone: string | null;
  locale: string | null;
  plan: string | null;
  /** Per-shop key the storefront pixel sends with its events. */
  ingestKey: string | null;
  installedAt: string | null;
  uninstalledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ShopFields = Partial<Omit<ShopRecord, 'shop' | 'createdAt' | 'updatedAt'>>;

const FIELDS = {
  name: 'name',
  storeUrl: 'store_url',
  primaryDomain: 'primary_domain',
  currency: 'currency',
  timezone: 'timezone',
  locale: 'locale',
  plan: 'plan',
  ingestKey: 'ingest_key',
  installedAt: 'installed_at',
  uninstalledAt: 'uninstalled_at',
} as const satisfies Record<keyof ShopFields, string>;

const TIMESTAMP_FIELDS = new Set<keyof ShopFields>(['installedAt', 'uninstalledAt']);

function decode(row: Record<string, unknown>): ShopRecord {
  return {
    shop: String(row.shop),
    name: strOrNull(row.name),
    storeUrl: strOrNull(row.store_url),
    primaryDomain: strOrNull(row.primary_domain),
    currency: strOrNull(row.currency),
    timezone: strOrNull(row.timezone),
    locale: strOrNull(row.locale),
    plan: strOrNull(row.plan),
    ingestKey: strOrNull(row.ingest_key),
    installedAt: strOrNull(row.installed_at),
    uninstalledAt: strOrNull(row.uninstalled_at),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

export function shopsRepository(db: Db) {
  async function get(shop: string): Promise<ShopRecord | null> {
    const row = await db.get<Record<string, unknown>>('SELECT * FROM shops WHERE shop = ?', [shop]);
    return row ? decode(row) : null;
  }

  return {
    get,
    /** Creates the shop or updates only the fields given; other fields keep their values. */
    async upsert(shop: string, fields: ShopFields = {}): Promise<ShopRecord> {
      requireShop(shop);
      const entries = (Object.keys(fields) as Array<keyof ShopFields>).filter((k) => k in FIELDS && fields[k] !== undefined);
      const columns = entries.map((k) => FIELDS[k]);
      const now = nowIso();
      const updates = ['updated_at = excluded.updated_at', ...columns.map((c) => `${c} = excluded.${c}`)];
      await db.run(
        `INSERT INTO shops (shop, created_at, updated_at${columns.map((c) => `, ${c}`).join('')})
         VALUES (?, ?, ?${columns.map(() => ', ?').join('')})
         ON CONFLICT (shop) DO UPDATE SET ${updates.join(', ')}`,
        [shop, now, now, ...entries.map((k) => (TIMESTAMP_FIELDS.has(k) && fields[k] ? toIso(fields[k]) : (fields[k] ?? null)))],
      );
      return (await get(shop)) as ShopRecord;
    },
    async markInstalled(shop: string, at: Date = new Date()): Promise<void> {
      const iso = at.toISOString();
      await db.run(
        `INSERT INTO shops (shop, installed_at, uninstalled_at, created_at, updated_at) VALUES (?, ?, NULL, ?, ?)
         ON CONFLICT (shop) DO UPDATE SET installed_at = excluded.installed_at, uninstalled_at = NULL, updated_at = excluded.updated_at`,
        [requireShop(shop), iso, iso, iso],
      );
    },
    async markUninstalled(shop: string, at: Date = new Date()): Promise<void> {
      await db.run('UPDATE shops SET uninstalled_at = ?, updated_at = ? WHERE shop = ?', [at.toISOString(), nowIso(), shop]);
    },
    async list(opts: { installedOnly?: boolean } = {}): Promise<ShopRecord[]> {
      const where = opts.installedOnly ? ' WHERE uninstalled_at IS NULL' : '';
      return (await db.all<Record<string, unknown>>(`SELECT * FROM shops${where} ORDER BY shop`)).map(decode);
    },
  };
}

export type ShopsRepository = ReturnType<typeof shopsRepository>;
