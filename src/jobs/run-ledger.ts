// The run row of a queue job, keyed by the job id (unique index, migration 200). Every attempt of the job
// finds the same row, so a worker killed mid-audit and retried elsewhere never adds a second run, and a job
// whose run already succeeded (the worker died between saving the run and acknowledging the job) is not
// audited again.
import type { Store } from '../store/index.ts';
import type { AuditJobAttempt } from './audit-job.ts';

export interface LedgerEntry {
  runId: number;
  /** The run already succeeded on an earlier attempt: do not audit again. */
  alreadySucceeded: boolean;
}

export async function beginRunForJob(store: Store, job: AuditJobAttempt, workerId: string): Promise<LedgerEntry> {
  const now = new Date().toISOString();
  const { data } = job;
  await store.db.run(
    `INSERT INTO runs (shop, store_url, status, triggered_by, options, job_id, worker_id, attempts, created_at)
     VALUES (?, ?, 'queued', ?, ?, ?, ?, 0, ?) ON CONFLICT (job_id) DO NOTHING`,
    [
      data.shop,
      data.storeUrl,
      data.triggeredBy,
      JSON.stringify({ only: data.only ?? null, confirmOf: data.confirmOf ?? null, ...(data.options ?? {}) }),
      job.id,
      workerId,
      now,
    ],
  );
  const row = await store.db.get<{ id: number; status: string }>('SELECT id, status FROM runs WHERE job_id = ?', [job.id]);
  if (!row) throw new Error(`run of job ${job.id} vanished`);
  const runId = Number(row.id);
  if (row.status === 'succeeded') return { runId, alreadySucceeded: true };
  // 'running' here means an earlier attempt's worker died mid-audit: this attempt takes the run over.
  const started = await store.db.run(
    `UPDATE runs SET status = 'running', started_at = ?, finished_at = NULL, attempts = attempts + 1, worker_id = ?
     WHERE id = ? AND status IN ('queued', 'running', 'interrupted', 'failed')`,
    [now, workerId, runId],
  );
  if (started.changes !== 1) throw new Error(`run ${runId} of job ${job.id} could not be started`);
  return { runId, alreadySucceeded: false };
}

/** The attempt failed and the queue will retry it: keep the reason visible while the run waits. */
export async function markRunRetrying(store: Store, runId: number, reason: string): Promise<void> {
  await store.db.run("UPDATE runs SET status = 'queued', error = ?, finished_at = NULL WHERE id = ? AND status = 'running'", [
    reason,
    runId,
  ]);
}

/** The last attempt failed: the run ends failed with its reason. */
export async function markRunFailed(store: Store, runId: number, reason: string): Promise<void> {
  const now = new Date().toISOString();
  await store.db.run(
    `UPDATE runs SET status = 'failed', error = ?, finished_at = ?,
       duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE duration_ms END
     WHERE id = ? AND status IN ('queued', 'running', 'interrupted')`,
    [reason, now, runId],
  );
}

/**
 * Runs whose job can no longer come back (its last attempt died, or it was cancelled) are closed as failed,
 * so the history never shows a run 'running' forever. `isJobAlive` asks the queue.
 */
export async function closeOrphanedRuns(
  store: Store,
  olderThan: Date,
  isJobAlive: (jobId: string) => Promise<boolean>,
): Promise<number> {
  const rows = await store.db.all<{ id: number; job_id: string }>(
    "SELECT id, job_id FROM runs WHERE status IN ('queued', 'running') AND job_id IS NOT NULL AND created_at < ? ORDER BY id LIMIT 500",
    [olderThan.toISOString()],
  );
  let closed = 0;
  for (const row of rows) {
    if (await isJobAlive(String(row.job_id))) continue;
    await markRunFailed(store, Number(row.id), 'the worker stopped during the last attempt');
    closed += 1;
  }
  return closed;
}
