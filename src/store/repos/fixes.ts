// The merchant's decision on each fix: done or ignored, per shop and stable fix id, kept across runs.
// "done" also records the run and the estimate at that moment, so the UI can later compare the measured
// effect with what was promised.
import type { Db } from '../db/types.ts';
import { StoreError } from '../errors.ts';
import { fromJson, nowIso, numOrNull, requireShop, strOrNull, toJson } from './values.ts';

export type FixDecision = 'done' | 'ignored';

export interface FixStatusRecord {
  shop: string;
  fixId: string;
  status: FixDecision;
  note: string | null;
  /** The run the fix was seen in when the merchant decided. */
  runId: number | null;
  estimate: unknown;
  updatedAt: string;
}

function decode(row: Record<string, unknown>): FixStatusRecord {
  return {
    shop: String(row.shop),
    fixId: String(row.fix_id),
    status: row.status as FixDecision,
    note: strOrNull(row.note),
    runId: numOrNull(row.run_id),
    estimate: fromJson(row.estimate),
    updatedAt: String(row.updated_at),
  };
}

export function fixStatusRepository(db: Db) {
  return {
    async set(
      shop: string,
      fixId: string,
      status: FixDecision,
      opts: { note?: string; runId?: number; estimate?: unknown } = {},
    ): Promise<FixStatusRecord> {
      if (status !== 'done' && status !== 'ignored') {
        throw new StoreError('invalid-input', `fix status must be "done" or "ignored", got ${JSON.stringify(status)}`);
      }
      if (!fixId) throw new StoreError('invalid-input', 'fix id must be a non-empty string');
      const row = await db.get<Record<string, unknown>>(
        `INSERT INTO fix_status (shop, fix_id, status, note, run_id, estimate, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (shop, fix_id) DO UPDATE SET status = excluded.status, note = excluded.note, run_id = excluded.run_id,
           estimate = excluded.estimate, updated_at = excluded.updated_at
         RETURNING *`,
        [requireShop(shop), fixId, status, opts.note ?? null, opts.runId ?? null, toJson(opts.estimate), nowIso()],
      );
      return decode(row as Record<string, unknown>);
    },
    /** Back to open. Returns whether there was a decision to clear. */
    async clear(shop: string, fixId: string): Promise<boolean> {
      return (await db.run('DELETE FROM fix_status WHERE shop = ? AND fix_id = ?', [shop, fixId])).changes > 0;
    },
    async get(shop: string, fixId: string): Promise<FixStatusRecord | null> {
      const row = await db.get<Record<string, unknown>>('SELECT * FROM fix_status WHERE shop = ? AND fix_id = ?', [shop, fixId]);
      return row ? decode(row) : null;
    },
    async list(shop: string): Promise<FixStatusRecord[]> {
      return (await db.all<Record<string, unknown>>('SELECT * FROM fix_status WHERE shop = ? ORDER BY fix_id', [shop])).map(decode);
    },
  };
}

export type FixStatusRepository = ReturnType<typeof fixStatusRepository>;
