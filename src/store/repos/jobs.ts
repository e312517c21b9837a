// The durable job table behind the embedded queue (SQLite mode). It only offers atomic steps: enqueue with
// an optional singleton key, claim with a lease, complete, fail-or-retry, and recovery of expired leases.
// Scheduling policy (backoff, time limits) stays in the jobs layer. In PostgreSQL mode pg-boss is the queue.
import type { Db } from '../db/types.ts';
import { fromJson, nowIso, strOrNull, toIso, toJson } from './values.ts';

export type JobStatus = 'queued' | 'active' | 'completed' | 'failed' | 'cancelled';

export interface JobRecord {
  id: number;
  queue: string;
  shop: string | null;
  payload: unknown;
  status: JobStatus;
  priority: number;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  singletonKey: string | null;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  result: unknown;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface EnqueueInput {
  queue: string;
  payload: unknown;
  shop?: string | null;
  runAt?: Date | string;
  priority?: number;
  maxAttempts?: number;
  /** At most one queued-or-active job per key: enqueue returns null while one exists. */
  singletonKey?: string | null;
}

function decode(row: Record<string, unknown>): JobRecord {
  return {
    id: Number(row.id),
    queue: String(row.queue),
    shop: strOrNull(row.shop),
    payload: fromJson(row.payload),
    status: row.status as JobStatus,
    priority: Number(row.priority),
    runAt: String(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    singletonKey: strOrNull(row.singleton_key),
    lockedBy: strOrNull(row.locked_by),
    lockedUntil: strOrNull(row.locked_until),
    lastError: strOrNull(row.last_error),
    result: fromJson(row.result),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    finishedAt: strOrNull(row.finished_at),
  };
}

export function jobsRepository(db: Db) {
  return {
    async enqueue(input: EnqueueInput): Promise<JobRecord | null> {
      const now = nowIso();
      const row = await db.get<Record<string, unknown>>(
        `INSERT INTO jobs (queue, shop, payload, status, priority, run_at, max_attempts, singleton_key, created_at, updated_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
        [
          input.queue,
          input.shop ?? null,
          toJson(input.payload ?? null) ?? 'null',
          input.priority ?? 0,
          input.runAt ? toIso(input.runAt) : now,
          input.maxAttempts ?? 3,
          input.singletonKey ?? null,
          now,
          now,
        ],
      );
      return row ? decode(row) : null;
    },

    /**
     * Takes the next due job of `queue` for `workerId` until `leaseMs` from now, or returns null. With
     * `onePerShop`, skips shops that already have an active job in any queue.
     */
    async claim(queue: string, workerId: string, leaseMs: number, opts: { onePerShop?: boolean; now?: Date } = {}): Promise<JobRecord | null> {
      const now = opts.now ?? new Date();
      const shopGuard = opts.onePerShop
        ? " AND (shop IS NULL OR shop NOT IN (SELECT shop FROM jobs WHERE status = 'active' AND shop IS NOT NULL))"
        : '';
      const row = await db.get<Record<string, unknown>>(
        `UPDATE jobs SET status = 'active', attempts = attempts + 1, locked_by = ?, locked_until = ?, updated_at = ?
         WHERE id = (SELECT id FROM jobs WHERE queue = ? AND status = 'queued' AND run_at <= ?${shopGuard}
                     ORDER BY priority DESC, run_at, id LIMIT 1 ${db.dialect.skipLocked})
         RETURNING *`,
        [workerId, new Date(now.getTime() + leaseMs).toISOString(), now.toISOString(), queue, now.toISOString()],
      );
      return row ? decode(row) : null;
    },

    /** Extends the lease of a running job; false when the worker no longer holds it. */
    async heartbeat(id: number, workerId: string, leaseMs: number): Promise<boolean> {
      const result = await db.run(
        "UPDATE jobs SET locked_until = ?, updated_at = ? WHERE id = ? AND status = 'active' AND locked_by = ?",
        [new Date(Date.now() + leaseMs).toISOString(), nowIso(), id, workerId],
      );
      return result.changes === 1;
    },

    async complete(id: number, workerId: string, result?: unknown): Promise<boolean> {
      const now = nowIso();
      const changed = await db.run(
        `UPDATE jobs SET status = 'completed', result = ?, finished_at = ?, updated_at = ?, locked_until = NULL
         WHERE id = ? AND status = 'active' AND locked_by = ?`,
        [toJson(result), now, now, id, workerId],
      );
      return changed.changes === 1;
    },

    /** Requeues at `retryAt` while attempts remain, else marks the job failed with its reason. */
    async fail(id: number, workerId: string, error: string, retryAt: Date | string | null): Promise<JobStatus | null> {
      return db.transaction(async (tx) => {
        const job = await tx.get<{ attempts: number; max_attempts: number }>(
          "SELECT attempts, max_attempts FROM jobs WHERE id = ? AND status = 'active' AND locked_by = ?",
          [id, workerId],
        );
        if (!job) return null;
        const now = nowIso();
        const retry = retryAt !== null && Number(job.attempts) < Number(job.max_attempts);
        if (retry) {
          await tx.run(
            "UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, updated_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ?",
            [toIso(retryAt), error, now, id],
          );
          return 'queued';
        }
        await tx.run(
          "UPDATE jobs SET status = 'failed', last_error = ?, finished_at = ?, updated_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ?",
          [error, now, now, id],
        );
        return 'failed';
      });
    },

    /**
     * Returns jobs whose lease ran out (their worker died) to the queue, or fails them when their attempts
     * are used up. Call on start and periodically. Returns how many were requeued and failed.
     */
    async recoverExpired(now: Date = new Date()): Promise<{ requeued: number; failed: number }> {
      const at = now.toISOString();
      return db.transaction(async (tx) => {
        const failed = await tx.run(
          `UPDATE jobs SET status = 'failed', last_error = 'lease expired after the last attempt', finished_at = ?, updated_at = ?,
             locked_by = NULL, locked_until = NULL
           WHERE status = 'active' AND locked_until < ? AND attempts >= max_attempts`,
          [at, at, at],
        );
        const requeued = await tx.run(
          `UPDATE jobs SET status = 'queued', last_error = 'lease expired', updated_at = ?, locked_by = NULL, locked_until = NULL
           WHERE status = 'active' AND locked_until < ?`,
          [at, at],
        );
        return { requeued: requeued.changes, failed: failed.changes };
      });
    },

    async get(id: number): Promise<JobRecord | null> {
      const row = await db.get<Record<string, unknown>>('SELECT * FROM jobs WHERE id = ?', [id]);
      return row ? decode(row) : null;
    },
    async list(opts: { queue?: string; shop?: string; status?: JobStatus; limit?: number } = {}): Promise<JobRecord[]> {
      const clauses: string[] = [];
      const values: Array<string | number> = [];
      for (const [column, value] of [['queue', opts.queue], ['shop', opts.shop], ['status', opts.status]] as const) {
        if (value !== undefined) {
          clauses.push(`${column} = ?`);
          values.push(value);
        }
      }
      const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
      const rows = await db.all<Record<string, unknown>>(`SELECT * FROM jobs${where} ORDER BY id DESC LIMIT ?`, [...values, opts.limit ?? 100]);
      return rows.map(decode);
    },
    /** Jobs per status, for queue-depth metrics. */
    async counts(queue?: string): Promise<Record<JobStatus, number>> {
      const rows = await db.all<{ status: JobStatus; n: number }>(
        `SELECT status, COUNT(*) AS n FROM jobs${queue ? ' WHERE queue = ?' : ''} GROUP BY status`,
        queue ? [queue] : [],
      );
      const counts: Record<JobStatus, number> = { queued: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },
    /** Cancels a shop's queued jobs (e.g. on uninstall). Active ones finish or time out. */
    async cancelQueuedForShop(shop: string): Promise<number> {
      const now = nowIso();
      return (await db.run("UPDATE jobs SET status = 'cancelled', finished_at = ?, updated_at = ? WHERE shop = ? AND status = 'queued'", [now, now, shop]))
        .changes;
    },
  };
}

export type JobsRepository = ReturnType<typeof jobsRepository>;
