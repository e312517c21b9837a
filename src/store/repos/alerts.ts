// Alert state per shop and alert key ('regression:lcp', 'broken-links', 'checkout', 'budget', …), so an
// alert is sent once when it starts firing and a recovery notice once when it clears, not on every run.
import type { Db } from '../db/types.ts';
import { fromJson, nowIso, numOrNull, requireShop, strOrNull, toJson } from './values.ts';

export type AlertState = 'firing' | 'resolved';

export interface AlertRecord {
  shop: string;
  alertKey: string;
  state: AlertState;
  details: unknown;
  runId: number | null;
  firstSeenAt: string;
  lastNotifiedAt: string | null;
  resolvedAt: string | null;
  updatedAt: string;
}

function decode(row: Record<string, unknown>): AlertRecord {
  return {
    shop: String(row.shop),
    alertKey: String(row.alert_key),
    state: row.state as AlertState,
    details: fromJson(row.details),
    runId: numOrNull(row.run_id),
    firstSeenAt: String(row.first_seen_at),
    lastNotifiedAt: strOrNull(row.last_notified_at),
    resolvedAt: strOrNull(row.resolved_at),
    updatedAt: String(row.updated_at),
  };
}

export function alertsRepository(db: Db) {
  const select = 'SELECT * FROM alert_state WHERE shop = ? AND alert_key = ?';
  return {
    async get(shop: string, alertKey: string): Promise<AlertRecord | null> {
      const row = await db.get<Record<string, unknown>>(select, [shop, alertKey]);
      return row ? decode(row) : null;
    },
    async list(shop: string, opts: { state?: AlertState } = {}): Promise<AlertRecord[]> {
      const rows = opts.state
        ? await db.all<Record<string, unknown>>('SELECT * FROM alert_state WHERE shop = ? AND state = ? ORDER BY alert_key', [shop, opts.state])
        : await db.all<Record<string, unknown>>('SELECT * FROM alert_state WHERE shop = ? ORDER BY alert_key', [shop]);
      return rows.map(decode);
    },
    /** Records that the condition holds. `started` is true only when it was not already firing: notify then. */
    async fire(shop: string, alertKey: string, opts: { details?: unknown; runId?: number } = {}): Promise<{ started: boolean; alert: AlertRecord }> {
      requireShop(shop);
      return db.transaction(async (tx) => {
        const current = await tx.get<Record<string, unknown>>(select, [shop, alertKey]);
        const now = nowIso();
        const started = !current || current.state !== 'firing';
        await tx.run(
          `INSERT INTO alert_state (shop, alert_key, state, details, run_id, first_seen_at, last_notified_at, resolved_at, updated_at)
           VALUES (?, ?, 'firing', ?, ?, ?, NULL, NULL, ?)
           ON CONFLICT (shop, alert_key) DO UPDATE SET state = 'firing', details = excluded.details, run_id = excluded.run_id,
             updated_at = excluded.updated_at, resolved_at = NULL
             ${started ? ', first_seen_at = excluded.first_seen_at, last_notified_at = NULL' : ''}`,
          [shop, alertKey, toJson(opts.details), opts.runId ?? null, now, now],
        );
        return { started, alert: decode((await tx.get<Record<string, unknown>>(select, [shop, alertKey])) as Record<string, unknown>) };
      });
    },
    /** Records that the condition cleared. True only when it was firing: send the recovery notice then. */
    async resolve(shop: string, alertKey: string, opts: { runId?: number } = {}): Promise<boolean> {
      const now = nowIso();
      const result = await db.run(
        "UPDATE alert_state SET state = 'resolved', resolved_at = ?, updated_at = ?, run_id = COALESCE(?, run_id) WHERE shop = ? AND alert_key = ? AND state = 'firing'",
        [now, now, opts.runId ?? null, shop, alertKey],
      );
      return result.changes === 1;
    },
    async markNotified(shop: string, alertKey: string, at: Date = new Date()): Promise<void> {
      await db.run('UPDATE alert_state SET last_notified_at = ?, updated_at = ? WHERE shop = ? AND alert_key = ?', [
        at.toISOString(),
        nowIso(),
        shop,
        alertKey,
      ]);
    },
  };
}

export type AlertsRepository = ReturnType<typeof alertsRepository>;
