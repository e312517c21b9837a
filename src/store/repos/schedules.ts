// Audit schedules: a cron expression in the shop's time zone, and the next due time the scheduler computed
// (cron parsing belongs to the jobs layer; this only keeps the result). Uninstalling a shop disables them.
import type { Db } from '../db/types.ts';
import { StoreError } from '../errors.ts';
import { fromJson, nowIso, requireShop, strOrNull, toBool, toIso, toJson } from './values.ts';

export interface ScheduleRecord {
  id: number;
  shop: string;
  name: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  options: Record<string, unknown> | null;
  nextRunAt: string | null;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleInput {
  shop: string;
  /** One shop may have several schedules; 'default' is the one every shop gets. */
  name?: string;
  cron: string;
  timezone?: string;
  enabled?: boolean;
  options?: Record<string, unknown> | null;
  nextRunAt?: Date | string | null;
}

function decode(row: Record<string, unknown>): ScheduleRecord {
  return {
    id: Number(row.id),
    shop: String(row.shop),
    name: String(row.name),
    cron: String(row.cron),
    timezone: String(row.timezone),
    enabled: toBool(row.enabled),
    options: fromJson(row.options),
    nextRunAt: strOrNull(row.next_run_at),
    lastRunAt: strOrNull(row.last_run_at),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

const iso = (value: Date | string | null | undefined) => (value ? toIso(value) : null);

export function schedulesRepository(db: Db) {
  return {
    /** Creates or replaces the schedule named `name` (default 'default') of a shop. */
    async upsert(input: ScheduleInput): Promise<ScheduleRecord> {
      if (!input.cron?.trim()) throw new StoreError('invalid-input', 'schedule needs a cron expression');
      const now = nowIso();
      const row = await db.get<Record<string, unknown>>(
        `INSERT INTO schedules (shop, name, cron, timezone, enabled, options, next_run_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (shop, name) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone, enabled = excluded.enabled,
           options = excluded.options, next_run_at = excluded.next_run_at, updated_at = excluded.updated_at
         RETURNING *`,
        [
          requireShop(input.shop),
          input.name ?? 'default',
          input.cron.trim(),
          input.timezone ?? 'UTC',
          input.enabled ?? true,
          toJson(input.options),
          iso(input.nextRunAt),
          now,
          now,
        ],
      );
      return decode(row as Record<string, unknown>);
    },
    async get(shop: string, name = 'default'): Promise<ScheduleRecord | null> {
      const row = await db.get<Record<string, unknown>>('SELECT * FROM schedules WHERE shop = ? AND name = ?', [shop, name]);
      return row ? decode(row) : null;
    },
    async list(shop: string): Promise<ScheduleRecord[]> {
      return (await db.all<Record<string, unknown>>('SELECT * FROM schedules WHERE shop = ? ORDER BY name', [shop])).map(decode);
    },
    async listAll(opts: { enabledOnly?: boolean } = {}): Promise<ScheduleRecord[]> {
      const where = opts.enabledOnly ? ' WHERE enabled = ?' : '';
      return (await db.all<Record<string, unknown>>(`SELECT * FROM schedules${where} ORDER BY shop, name`, opts.enabledOnly ? [true] : [])).map(decode);
    },
    /** Enabled schedules due at `now`, oldest first. */
    async listDue(now: Date | string, limit = 100): Promise<ScheduleRecord[]> {
      const rows = await db.all<Record<string, unknown>>(
        'SELECT * FROM schedules WHERE enabled = ? AND next_run_at <= ? ORDER BY next_run_at LIMIT ?',
        [true, toIso(now), limit],
      );
      return rows.map(decode);
    },
    /**
     * Records that a schedule fired and when it is due next. Guarded on the previous next_run_at, so when two
     * schedulers race only one of them wins (returns true).
     */
    async advance(id: number, firedFor: string | null, nextRunAt: Date | string | null, ranAt: Date | string = new Date()): Promise<boolean> {
      const guard = firedFor === null ? 'next_run_at IS NULL' : 'next_run_at = ?';
      const result = await db.run(
        `UPDATE schedules SET last_run_at = ?, next_run_at = ?, updated_at = ? WHERE id = ? AND ${guard}`,
        [toIso(ranAt), iso(nextRunAt), nowIso(), id, ...(firedFor === null ? [] : [toIso(firedFor)])],
      );
      return result.changes === 1;
    },
    async setEnabled(shop: string, enabled: boolean, name?: string): Promise<number> {
      const scope = name === undefined ? '' : ' AND name = ?';
      const result = await db.run(`UPDATE schedules SET enabled = ?, updated_at = ? WHERE shop = ?${scope}`, [
        enabled,
        nowIso(),
        shop,
        ...(name === undefined ? [] : [name]),
      ]);
      return result.changes;
    },
    async remove(shop: string, name = 'default'): Promise<boolean> {
      return (await db.run('DELETE FROM schedules WHERE shop = ? AND name = ?', [shop, name])).changes > 0;
    },
  };
}

export type SchedulesRepository = ReturnType<typeof schedulesRepository>;
