// Audit runs: their life cycle (queued → running → succeeded | failed | interrupted) and their history.
// A finished report is written in ONE transaction with its run row, sections and fixes, so a process killed
// mid-write leaves either the whole run or the run still marked running (later: interrupted), never a part.
import { validateReport, type Fix, type Report } from '../../report/schema.ts';
import type { Db, Queryable } from '../db/types.ts';
import { StoreError } from '../errors.ts';
import { decodeRun, RUN_COLUMNS, type RunRecord, type RunStatus } from './run-record.ts';
import { insertReportRows, joinReport, type SectionName } from './run-report.ts';
import { summarizeReport } from './run-summary.ts';
import { fromJson, nowIso, requireShop, toIso, toJson } from './values.ts';

export interface NewRun {
  shop: string;
  storeUrl: string;
  status?: 'queued' | 'running';
  triggeredBy?: string;
  options?: Record<string, unknown>;
  jobId?: string;
  workerId?: string;
}

export interface RunPage {
  items: RunRecord[];
  /** Pass as `before` to get the next (older) page; null when this was the last page. */
  nextCursor: number | null;
}

export interface ListRunsOptions {
  limit?: number;
  /** Cursor: only runs with a smaller id (older) than this. */
  before?: number;
  status?: RunStatus;
}

const MAX_PAGE = 500;

async function insertRun(q: Queryable, input: NewRun & { status: RunStatus; startedAt?: string | null }): Promise<RunRecord> {
  const now = nowIso();
  const row = await q.get<Record<string, unknown>>(
    `INSERT INTO runs (shop, store_url, status, triggered_by, options, job_id, worker_id, attempts, created_at, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${RUN_COLUMNS}`,
    [
      requireShop(input.shop),
      input.storeUrl,
      input.status,
      input.triggeredBy ?? 'manual',
      toJson(input.options),
      input.jobId ?? null,
      input.workerId ?? null,
      input.status === 'running' ? 1 : 0,
      now,
      input.status === 'running' ? (input.startedAt ?? now) : null,
    ],
  );
  return decodeRun(row as Record<string, unknown>);
}

function validated(report: unknown): Report {
  try {
    return validateReport(report);
  } catch (error) {
    throw new StoreError('invalid-input', (error as Error).message);
  }
}

async function finishWithReport(tx: Queryable, shop: string, id: number, report: Report): Promise<RunRecord> {
  const finishedAt = nowIso();
  const summary = summarizeReport(report);
  const durationMs = Math.max(0, Date.parse(report.finishedAt) - Date.parse(report.startedAt)) || null;
  const row = await tx.get<Record<string, unknown>>(
    `UPDATE runs SET status = 'succeeded', finished_at = ?, started_at = COALESCE(started_at, ?), duration_ms = ?,
       store_score = ?, summary = ?, error = NULL
     WHERE shop = ? AND id = ? AND status IN ('queued', 'running') RETURNING ${RUN_COLUMNS}`,
    [finishedAt, toIso(report.startedAt), durationMs, summary.storeScore, toJson(summary), shop, id],
  );
  if (!row) throw await stateError(tx, shop, id, 'complete');
  await insertReportRows(tx, shop, id, report);
  return decodeRun(row);
}

async function stateError(q: Queryable, shop: string, id: number, action: string): Promise<StoreError> {
  const current = await q.get<{ status: string }>('SELECT status FROM runs WHERE shop = ? AND id = ?', [shop, id]);
  return current
    ? new StoreError('invalid-state', `cannot ${action} run ${id}: it is ${current.status}`)
    : new StoreError('not-found', `run ${id} not found for shop ${shop}`);
}

export function runsRepository(db: Db) {
  async function get(shop: string, id: number): Promise<RunRecord | null> {
    const row = await db.get<Record<string, unknown>>(`SELECT ${RUN_COLUMNS} FROM runs WHERE shop = ? AND id = ?`, [shop, id]);
    return row ? decodeRun(row) : null;
  }

  async function readSections(shop: string, id: number, names?: SectionName[]): Promise<Map<string, unknown>> {
    const filter = names ? ` AND section IN (${names.map(() => '?').join(', ')})` : '';
    const rows = await db.all<{ section: string; data: string }>(
      `SELECT section, data FROM run_sections WHERE shop = ? AND run_id = ?${filter}`,
      [shop, id, ...(names ?? [])],
    );
    return new Map(rows.map((r) => [r.section, fromJson(r.data)]));
  }

  async function getFixes(shop: string, id: number): Promise<Fix[]> {
    const rows = await db.all<{ data: string }>('SELECT data FROM run_fixes WHERE shop = ? AND run_id = ? ORDER BY rank', [shop, id]);
    return rows.map((r) => fromJson<Fix>(r.data) as Fix);
  }

  return {
    /** Records a run before its audit starts, so progress and interruptions are visible. */
    create: (input: NewRun): Promise<RunRecord> => insertRun(db, { ...input, status: input.status ?? 'running' }),

    /** Moves a queued (or interrupted, when retried) run to running and counts the attempt. */
    async start(shop: string, id: number, opts: { workerId?: string; jobId?: string } = {}): Promise<RunRecord> {
      const row = await db.get<Record<string, unknown>>(
        `UPDATE runs SET status = 'running', started_at = ?, attempts = attempts + 1, finished_at = NULL, error = NULL,
           worker_id = COALESCE(?, worker_id), job_id = COALESCE(?, job_id)
         WHERE shop = ? AND id = ? AND status IN ('queued', 'interrupted', 'failed') RETURNING ${RUN_COLUMNS}`,
        [nowIso(), opts.workerId ?? null, opts.jobId ?? null, shop, id],
      );
      if (!row) throw await stateError(db, shop, id, 'start');
      return decodeRun(row);
    },

    /** Saves the finished report: run row, sections and fixes in one transaction. Validates the report first. */
    async complete(shop: string, id: number, report: Report): Promise<RunRecord> {
      const valid = validated(report);
      return db.transaction((tx) => finishWithReport(tx, shop, id, valid));
    },

    /** Creates and completes a run in one transaction, for callers that had no run row (e.g. the CLI). */
    async saveReport(shop: string, report: Report, meta: Omit<NewRun, 'shop' | 'storeUrl' | 'status'> = {}): Promise<RunRecord> {
      const valid = validated(report);
      return db.transaction(async (tx) => {
        const run = await insertRun(tx, { ...meta, shop, storeUrl: valid.store.url, status: 'running', startedAt: toIso(valid.startedAt) });
        return finishWithReport(tx, shop, run.id, valid);
      });
    },

    async fail(shop: string, id: number, error: string): Promise<RunRecord> {
      const row = await db.get<Record<string, unknown>>(
        `UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE shop = ? AND id = ? AND status IN ('queued', 'running', 'interrupted')
         RETURNING ${RUN_COLUMNS}`,
        [nowIso(), error, shop, id],
      );
      if (!row) throw await stateError(db, shop, id, 'fail');
      return decodeRun(row);
    },

    /**
     * Marks runs left `running` by a dead process as `interrupted`. Call on start: with `workerId` in
     * scale-out mode (only that worker's runs), without it in embedded mode (one process owns every run).
     */
    async markInterrupted(opts: { workerId?: string; reason?: string } = {}): Promise<number> {
      const reason = opts.reason ?? 'the process stopped while the audit was running';
      const scope = opts.workerId === undefined ? '' : ' AND worker_id = ?';
      const result = await db.run(
        `UPDATE runs SET status = 'interrupted', finished_at = ?, error = ? WHERE status = 'running'${scope}`,
        [nowIso(), reason, ...(opts.workerId === undefined ? [] : [opts.workerId])],
      );
      return result.changes;
    },

    get,
    getFixes,
    async getReport(shop: string, id: number): Promise<Report | null> {
      const sections = await readSections(shop, id);
      if (!sections.has('meta')) return null;
      return joinReport(sections, await getFixes(shop, id));
    },
    /** One section of a finished run's report (`null` when the audit did not run), without reading the rest. */
    async getSection<S extends SectionName>(shop: string, id: number, section: S): Promise<unknown | null> {
      return (await readSections(shop, id, [section])).get(section) ?? null;
    },

    /** The newest run with the given status (default: the newest succeeded run). */
    async latest(shop: string, opts: { status?: RunStatus | 'any' } = {}): Promise<RunRecord | null> {
      const status = opts.status ?? 'succeeded';
      const row =
        status === 'any'
          ? await db.get<Record<string, unknown>>(`SELECT ${RUN_COLUMNS} FROM runs WHERE shop = ? ORDER BY id DESC LIMIT 1`, [shop])
          : await db.get<Record<string, unknown>>(
              `SELECT ${RUN_COLUMNS} FROM runs WHERE shop = ? AND status = ? ORDER BY id DESC LIMIT 1`,
              [shop, status],
            );
      return row ? decodeRun(row) : null;
    },

    /** Newest first, keyset-paginated on id so every page is one index range scan. */
    async list(shop: string, opts: ListRunsOptions = {}): Promise<RunPage> {
      return listPage(db, opts, 'shop = ?', [requireShop(shop)]);
    },

    /** Operator view across every shop (CLI `runs`); never expose this through a per-shop API. */
    async listAcrossShops(opts: ListRunsOptions = {}): Promise<RunPage> {
      return listPage(db, opts, '1 = 1', []);
    },

    /** Retention: deletes finished runs (with their sections and fixes) that finished before `before`. */
    async deleteFinishedBefore(before: Date | string): Promise<number> {
      const result = await db.run("DELETE FROM runs WHERE status NOT IN ('queued', 'running') AND finished_at < ?", [toIso(before)]);
      return result.changes;
    },
  };
}

async function listPage(db: Db, opts: ListRunsOptions, where: string, params: Array<string | number>): Promise<RunPage> {
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.limit ?? 20)));
  const clauses = [where];
  const values: Array<string | number> = [...params];
  if (opts.status) {
    clauses.push('status = ?');
    values.push(opts.status);
  }
  if (opts.before !== undefined) {
    clauses.push('id < ?');
    values.push(opts.before);
  }
  const rows = await db.all<Record<string, unknown>>(
    `SELECT ${RUN_COLUMNS} FROM runs WHERE ${clauses.join(' AND ')} ORDER BY id DESC LIMIT ?`,
    [...values, limit + 1],
  );
  const items = rows.slice(0, limit).map(decodeRun);
  return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

export type RunsRepository = ReturnType<typeof runsRepository>;
