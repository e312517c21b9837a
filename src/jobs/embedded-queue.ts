// Embedded mode: the durable `jobs` table in the app's SQLite file and one in-process worker. A job is
// claimed with a lease that the worker's heartbeat extends; when the process dies the lease runs out and the
// job is claimed again (after restart or by another process on the same file). The run it writes is keyed by
// the job id, so the second attempt finishes the same run instead of adding one.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Store } from '../store/index.ts';
import { AUDIT_QUEUE, InvalidJobError, parseAuditJob, type AuditJobHandler, type AuditJobInput } from './audit-job.ts';
import { retryDelayMs } from './backoff.ts';
import { messageOf } from './errors.ts';
import { DEFAULT_RETRY_POLICY, type AuditQueue, type EnqueueOptions, type QueueDepth, type RetryPolicy } from './queue.ts';

export interface EmbeddedQueueOptions {
  store: Store;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  workerId?: string;
  /** How long a claim holds without a heartbeat; a dead process's job is taken again after this. */
  leaseSeconds?: number;
  pollIntervalMs?: number;
}

export function createEmbeddedQueue(options: EmbeddedQueueOptions): AuditQueue {
  const { store, logger } = options;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const workerId = options.workerId ?? `embedded-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = (options.leaseSeconds ?? 30) * 1000;
  const pollMs = options.pollIntervalMs ?? 1000;
  let stopping = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let inFlight: Promise<void> | null = null;

  async function runOne(handler: AuditJobHandler): Promise<boolean> {
    await store.jobs.recoverExpired();
    const job = await store.jobs.claim(AUDIT_QUEUE, workerId, leaseMs, { onePerShop: true });
    if (!job) return false;
    const log = logger.child({ jobId: job.id, shop: job.shop, attempt: job.attempts });
    const beat = setInterval(() => {
      store.jobs.heartbeat(job.id, workerId, leaseMs).then(
        (held) => held || log.warn('lost the lease of the job; another worker may take it'),
        (error: unknown) => log.warn({ err: error }, 'heartbeat failed'),
      );
    }, Math.max(250, leaseMs / 3));
    try {
      const data = parseAuditJob(job.payload);
      await handler({ id: String(job.id), data, attempt: job.attempts, maxAttempts: job.maxAttempts });
      await store.jobs.complete(job.id, workerId);
    } catch (error) {
      const permanent = error instanceof InvalidJobError;
      const retryAt = permanent ? null : new Date(Date.now() + retryDelayMs(retry, job.attempts));
      const outcome = await store.jobs.fail(job.id, workerId, messageOf(error), retryAt);
      log.warn({ err: messageOf(error), outcome, retryAt: outcome === 'queued' ? retryAt : undefined }, 'audit job failed');
    } finally {
      clearInterval(beat);
    }
    return true;
  }

  return {
    mode: 'embedded',
    retry,
    async enqueue(input: AuditJobInput, opts: EnqueueOptions = {}) {
      const data = parseAuditJob(input);
      const job = await store.jobs.enqueue({
        queue: AUDIT_QUEUE,
        payload: data,
        shop: data.shop,
        priority: opts.priority ?? 0,
        runAt: opts.startAfter,
        maxAttempts: retry.maxAttempts,
        singletonKey: opts.dedupeKey ?? `${data.shop}:${data.triggeredBy}`,
      });
      wake?.();
      return job ? String(job.id) : null;
    },
    async work(handler) {
      if (loop) throw new Error('this queue already has a worker');
      stopping = false;
      logger.info({ workerId, leaseSeconds: leaseMs / 1000 }, 'embedded worker started');
      loop = (async () => {
        while (!stopping) {
          let worked = false;
          try {
            inFlight = runOne(handler).then((w) => {
              worked = w;
            });
            await inFlight;
          } catch (error) {
            logger.error({ err: error }, 'embedded worker loop error');
          } finally {
            inFlight = null;
          }
          if (!worked && !stopping) {
            const ac = new AbortController();
            wake = () => ac.abort();
            await sleep(pollMs, undefined, { signal: ac.signal }).catch(() => undefined);
            wake = null;
          }
        }
      })();
    },
    async applySchedule() {
      // The embedded scheduler reads the schedules table directly.
    },
    async removeSchedule() {},
    cancelShop: (shop) => store.jobs.cancelQueuedForShop(shop),
    async depth(): Promise<QueueDepth> {
      const c = await store.jobs.counts(AUDIT_QUEUE);
      return { queued: c.queued, active: c.active, failed: c.failed, completed: c.completed };
    },
    async jobAlive(id: string) {
      const job = await store.jobs.get(Number(id));
      return job !== null && (job.status === 'queued' || job.status === 'active');
    },
    async stop(opts = {}) {
      stopping = true;
      wake?.();
      if (opts.graceful !== false) await loop;
      else await Promise.race([inFlight, sleep(0)]);
      loop = null;
    },
  };
}
