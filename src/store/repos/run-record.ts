// The run row as callers see it, and its decoding from either engine.
import { fromJson, numOrNull, strOrNull } from './values.ts';
import type { RunSummary } from './run-summary.ts';

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunRecord {
  id: number;
  shop: string;
  storeUrl: string;
  status: RunStatus;
  /** Who asked for it: 'manual', 'schedule', 'cli', 'webhook', 'confirm' (a regression re-run), … */
  triggeredBy: string;
  options: Record<string, unknown> | null;
  jobId: string | null;
  workerId: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  storeScore: number | null;
  summary: RunSummary | null;
  error: string | null;
}

export const RUN_COLUMNS =
  'id, shop, store_url, status, triggered_by, options, job_id, worker_id, attempts, created_at, started_at, finished_at, duration_ms, store_score, summary, error';

export function decodeRun(row: Record<string, unknown>): RunRecord {
  return {
    id: Number(row.id),
    shop: String(row.shop),
    storeUrl: String(row.store_url),
    status: row.status as RunStatus,
    triggeredBy: String(row.triggered_by),
    options: fromJson(row.options),
    jobId: strOrNull(row.job_id),
    workerId: strOrNull(row.worker_id),
    attempts: Number(row.attempts),
    createdAt: String(row.created_at),
    startedAt: strOrNull(row.started_at),
    finishedAt: strOrNull(row.finished_at),
    durationMs: numOrNull(row.duration_ms),
    storeScore: numOrNull(row.store_score),
    summary: fromJson(row.summary),
    error: strOrNull(row.error),
  };
}
