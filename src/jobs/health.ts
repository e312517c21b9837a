// What /health reports about the jobs side: the queue is reachable, how deep it is, when the worker last
// finished a job, and the database backend. The server decides the HTTP status from `ok`.
import type { AuditQueue, QueueDepth } from './queue.ts';

export interface JobsHealth {
  ok: boolean;
  mode: AuditQueue['mode'];
  queue: QueueDepth | null;
  worker: { running: boolean; lastJobFinishedAt: string | null };
  error?: string;
}

export interface WorkerStatus {
  running: boolean;
  lastJobFinishedAt: string | null;
}

export async function jobsHealth(queue: AuditQueue, worker: WorkerStatus): Promise<JobsHealth> {
  try {
    const depth = await queue.depth();
    return { ok: true, mode: queue.mode, queue: depth, worker: { ...worker } };
  } catch (error) {
    return { ok: false, mode: queue.mode, queue: null, worker: { ...worker }, error: (error as Error).message };
  }
}
