// What one queued audit carries. Validated when it is enqueued and again when a worker takes it, because
// jobs outlive deploys: a payload written by an older version must fail loudly, not half-run.
import { z } from 'zod';

export const AUDIT_QUEUE = 'storefront-audit';

export const auditJobDataSchema = z.object({
  shop: z.string().min(1),
  storeUrl: z.url({ protocol: /^https?$/ }),
  only: z.array(z.enum(['load', 'checkout', 'links'])).min(1).optional(),
  /** Who asked: 'schedule', 'manual', 'cli', 'install', 'theme-publish', 'confirm', … */
  triggeredBy: z.string().min(1).default('manual'),
  /** Set on a confirmation re-run: the id of the run whose regression it re-measures. */
  confirmOf: z.number().int().positive().optional(),
  /** Engine options passed through (device, runs, maxPages, …); the worker adds signal/browser. */
  options: z.record(z.string(), z.unknown()).optional(),
});

export type AuditJobInput = z.input<typeof auditJobDataSchema>;
export type AuditJobData = z.output<typeof auditJobDataSchema>;

export class InvalidJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidJobError';
  }
}

export function parseAuditJob(value: unknown): AuditJobData {
  const parsed = auditJobDataSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`);
    throw new InvalidJobError(`invalid audit job: ${lines.join('; ')}`);
  }
  return parsed.data;
}

/** One attempt of one job, as a worker hands it to the handler. */
export interface AuditJobAttempt {
  /** Stable across retries: the run is keyed by it. */
  id: string;
  data: AuditJobData;
  /** 1-based number of this attempt. */
  attempt: number;
  /** Attempts allowed in total (first run plus retries). */
  maxAttempts: number;
  /** Aborted when the queue takes the job back (pg-boss lost the claim). */
  signal?: AbortSignal;
}

export type AuditJobHandler = (job: AuditJobAttempt) => Promise<void>;
