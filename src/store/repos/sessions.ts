// Generic session rows for the Shopify SessionStorage adapter: an id, the shop it belongs to, and opaque
// text that the adapter serialises and encrypts itself. Nothing here knows Shopify's Session class.
import type { Db } from '../db/types.ts';
import { nowIso, requireShop, strOrNull, toIso } from './values.ts';

export interface SessionRow {
  id: string;
  shop: string;
  data: string;
  expiresAt: string | null;
  updatedAt: string;
}

function decode(row: Record<string, unknown>): SessionRow {
  return {
    id: String(row.id),
    shop: String(row.shop),
    data: String(row.data),
    expiresAt: strOrNull(row.expires_at),
    updatedAt: String(row.updated_at),
  };
}

export function sessionsRepository(db: Db) {
  return {
    async put(session: { id: string; shop: string; data: string; expiresAt?: Date | string | null }): Promise<void> {
      await db.run(
        `INSERT INTO shopify_sessions (id, shop, data, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET shop = excluded.shop, data = excluded.data, expires_at = excluded.expires_at,
           updated_at = excluded.updated_at`,
        [session.id, requireShop(session.shop), session.data, session.expiresAt ? toIso(session.expiresAt) : null, nowIso()],
      );
    },
    async get(id: string): Promise<SessionRow | null> {
      const row = await db.get<Record<string, unknown>>('SELECT * FROM shopify_sessions WHERE id = ?', [id]);
      return row ? decode(row) : null;
    },
    async remove(ids: string[]): Promise<number> {
      if (ids.length === 0) return 0;
      return (await db.run(`DELETE FROM shopify_sessions WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).changes;
    },
    async findByShop(shop: string): Promise<SessionRow[]> {
      return (await db.all<Record<string, unknown>>('SELECT * FROM shopify_sessions WHERE shop = ? ORDER BY id', [shop])).map(decode);
    },
    async removeByShop(shop: string): Promise<number> {
      return (await db.run('DELETE FROM shopify_sessions WHERE shop = ?', [shop])).changes;
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
