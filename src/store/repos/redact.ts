// Deletes everything held for one shop, in one transaction (Shopify's shop/redact). By convention every
// per-shop table has a `shop` column, so tables added later by other areas' migrations are covered without
// being listed here; foreign keys between per-shop tables must be ON DELETE CASCADE.
//
// Kept: webhook receipts (ids and topics only, no shop data). The redact's own receipt must survive it, or
// Shopify's retry of that same shop/redact would be processed again and wipe a shop that re-installed since.
import type { Db, Queryable } from '../db/types.ts';
import { requireShop } from './values.ts';

export const RETAINED_ON_REDACT = new Set(['processed_webhooks']);

async function tablesWithShopColumn(tx: Queryable): Promise<string[]> {
  const rows =
    tx.dialect.backend === 'postgres'
      ? await tx.all<{ name: string }>(
          `SELECT c.table_name AS name FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
           WHERE c.table_schema = current_schema() AND c.column_name = 'shop' AND t.table_type = 'BASE TABLE'`,
        )
      : await tx.all<{ name: string }>(
          "SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'shop'",
        );
  return rows.map((r) => r.name).filter((name) => !RETAINED_ON_REDACT.has(name)).sort();
}

/** Returns the number of rows deleted per table. */
export async function deleteShopData(db: Db, shop: string): Promise<Record<string, number>> {
  requireShop(shop);
  return db.transaction(async (tx) => {
    const deleted: Record<string, number> = {};
    for (const table of await tablesWithShopColumn(tx)) {
      const quoted = `"${table.replaceAll('"', '""')}"`;
      deleted[table] = (await tx.run(`DELETE FROM ${quoted} WHERE shop = ?`, [shop])).changes;
    }
    return deleted;
  });
}
