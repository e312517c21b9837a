// The one queue interface both modes implement: embedded (SQLite job table, in-process worker) and
// scale-out (pg-boss on PostgreSQL, any number of worker processes).
import type { AuditJobHandler, AuditJobInput } from './audit-job.ts';

export type QueueMode = 'embedded' | 'scale-out';

export interface EnqueueOptions {
  /** Higher runs first; confirmation re-runs jump the line. */
  priority?: number;
  startAfter?: Date;
  /**
   * Deduplication: while a job with this key is queued, another is not added (returns null). Defaults to the
   * shop, so a schedule that fires while the last audit still waits does not pile up.
   */
  dedupeKey?: string;
}

export interface ScheduleSpec {
  shop: string;
  name: string;
  cron: string;
  timezone: string;
  job: AuditJobInput;
}

export interface QueueDepth {
  queued: number;
  active: number;
  failed: number;
  completed: number;
}

export interface RetryPolicy {
  /** Attempts in total, first one included. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt. */
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  /** Time limit of one attempt; a hung Chrome is killed when it passes. */
  timeLimitSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  retryDelaySeconds: 30,
  retryDelayMaxSeconds: 15 * 60,
  timeLimitSeconds: 10 * 60,
};

export interface AuditQueue {
  readonly mode: QueueMode;
  readonly retry: RetryPolicy;
  /** Returns the job id, or null when deduplicated. */
  enqueue(job: AuditJobInput, options?: EnqueueOptions): Promise<string | null>;
  /** Starts taking jobs, one at a time, until stop(). */
  work(handler: AuditJobHandler): Promise<void>;
  /** Scale-out: registers the cron with pg-boss. Embedded: nothing (the scheduler reads the schedules table). */
  applySchedule(spec: ScheduleSpec): Promise<void>;
  removeSchedule(shop: string, name: string): Promise<void>;
  /** Drops every queued job of the shop (uninstall); returns how many. */
  cancelShop(shop: string): Promise<number>;
  depth(): Promise<QueueDepth>;
  /** Whether the job may still run (queued, retrying or active); false once it completed, failed or vanished. */
  jobAlive(id: string): Promise<boolean>;
  /** Stops taking jobs; waits for the one in hand unless `graceful` is false. */
  stop(options?: { graceful?: boolean }): Promise<void>;
}
