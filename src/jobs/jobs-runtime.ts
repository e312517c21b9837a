// Wiring of the jobs layer for one process: picks the mode from the configuration (PostgreSQL URL →
// pg-boss scale-out, otherwise the embedded SQLite queue), and builds the handler, alerts, schedules API,
// metrics and maintenance around it. The CLI (`serve`, `worker`, `enqueue`, …) and tests start from here.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Store } from '../store/index.ts';
import { createAuditJobHandler, type RunAuditFn } from './audit-job-handler.ts';
import { createEmbeddedQueue } from './embedded-queue.ts';
import { startEmbeddedScheduler } from './embedded-scheduler.ts';
import { messageOf } from './errors.ts';
import { jobsHealth, type JobsHealth, type WorkerStatus } from './health.ts';
import { createJobMetrics, type JobMetrics } from './metrics.ts';
import { emailNotifier, sendMail, webhookNotifier, type Notifier } from './notifiers.ts';
import { createDigestSender } from './digest.ts';
import { createPgBossQueue } from './pgboss-queue.ts';
import type { AuditQueue, RetryPolicy } from './queue.ts';
import { applyRetention, DEFAULT_RETENTION, pruneWebhookReceipts, type RetentionPolicy } from './retention.ts';
import { closeOrphanedRuns } from './run-ledger.ts';
import { alertChannelsFor, createRunEvaluator } from './run-evaluator.ts';
import type { SchedulesDeps } from './schedules-api.ts';
import type { RunOptionsResolver } from './run-options.ts';

export interface JobsOptions {
  store: Store;
  logger: Logger;
  /** The engine's runAudit (or any function with its signature). */
  runAudit: RunAuditFn;
  /** postgres://… selects scale-out (pg-boss); anything else the embedded queue in `store`. */
  databaseUrl?: string;
  dataDir: string;
  chromePath?: string;
  smtpUrl?: string;
  alertFrom?: string;
  allowPrivateAddresses?: boolean;
  /** Exact store origins whose audits may reach private addresses although allowPrivateAddresses is off (see audit-job-handler). */
  privateStoreOrigins?: readonly string[];
  retry?: Partial<RetryPolicy>;
  retention?: RetentionPolicy;
  /** pg-boss schema (default 'pgboss'); tests use a unique one per file. */
  pgBossSchema?: string;
  /** Embedded: lease length. Scale-out: heartbeat interval (pg-boss minimum 10). */
  leaseSeconds?: number;
  /** Scale-out: how often pg-boss checks heartbeats, expiry and cron. */
  superviseIntervalSeconds?: number;
  pollIntervalMs?: number;
  schedulerIntervalMs?: number;
  /** Per-shop engine options from Settings (see run-options.ts); none when omitted. */
  runOptionsFor?: RunOptionsResolver;
  /** Build notifiers differently (tests never need to; kept for other channels). */
  notifiersFor?: (shop: string) => Promise<Notifier[]>;
}

export interface Jobs {
  readonly queue: AuditQueue;
  readonly metrics: JobMetrics;
  readonly schedules: SchedulesDeps;
  readonly workerId: string;
  /** Starts this process's worker: one audit at a time. */
  startWorker(): Promise<void>;
  /** Embedded: the cron tick over the schedules table. Scale-out: pg-boss fires cron, so nothing. */
  startScheduler(): void;
  /** Retention and orphaned-run cleanup, now and then every `intervalMs`. */
  startMaintenance(intervalMs?: number): void;
  /** Where each run's artefacts go: <dataDir>/artifacts/<runId>/ (shop/redact deletes the shop's, see eraseShop). */
  readonly artifactsRoot: string;
  health(): Promise<JobsHealth>;
  stop(options?: { graceful?: boolean }): Promise<void>;
}

const DEFAULT_FROM = 'Storefront Auditor <alerts@localhost>';

export function isScaleOut(databaseUrl: string | undefined): boolean {
  return Boolean(databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl));
}

export async function createJobs(options: JobsOptions): Promise<Jobs> {
  const { store, logger } = options;
  const workerId = `${isScaleOut(options.databaseUrl) ? 'worker' : 'embedded'}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const queue: AuditQueue = isScaleOut(options.databaseUrl)
    ? await createPgBossQueue({
        databaseUrl: options.databaseUrl as string,
        logger,
        schema: options.pgBossSchema,
        retry: options.retry,
        heartbeatSeconds: options.leaseSeconds,
        superviseIntervalSeconds: options.superviseIntervalSeconds,
        pollingIntervalSeconds: options.pollIntervalMs ? Math.max(0.5, options.pollIntervalMs / 1000) : undefined,
      })
    : createEmbeddedQueue({ store, logger, retry: options.retry, workerId, leaseSeconds: options.leaseSeconds, pollIntervalMs: options.pollIntervalMs });
  const metrics = createJobMetrics(() => queue.depth());
  const artifactsRoot = join(options.dataDir, 'artifacts');
  const status: WorkerStatus = { running: false, lastJobFinishedAt: null };
  const stoppers: Array<() => void> = [];

  const notifiersFor =
    options.notifiersFor ??
    alertChannelsFor(store, { smtpUrl: options.smtpUrl, from: options.alertFrom ?? DEFAULT_FROM }, {
      email: emailNotifier,
      // The same allowance as audit targets: private webhook targets only where private audits are allowed.
      webhook: (url) => webhookNotifier(url, { allowPrivateAddresses: options.allowPrivateAddresses ?? false }),
    });
  const evaluate = createRunEvaluator({ store, queue, logger, notifiersFor, metrics });
  const digest = createDigestSender({ store, logger, smtpUrl: options.smtpUrl, from: options.alertFrom ?? DEFAULT_FROM, send: sendMail });
  // The weekly digest comes after the run's alerts, and a digest problem never fails the run.
  const afterRun: typeof evaluate = async (input) => {
    try {
      await evaluate(input);
    } finally {
      await digest(input).catch((error: unknown) => logger.error({ shop: input.data.shop, err: messageOf(error) }, 'weekly digest failed'));
    }
  };
  const handle = createAuditJobHandler({
    store,
    runAudit: options.runAudit,
    logger,
    workerId,
    timeLimitSeconds: queue.retry.timeLimitSeconds,
    artifactsRoot,
    chromePath: options.chromePath,
    allowPrivateAddresses: options.allowPrivateAddresses,
    privateStoreOrigins: options.privateStoreOrigins,
    afterRun,
    metrics,
    runOptionsFor: options.runOptionsFor,
  });

  async function maintain(): Promise<void> {
    const retention = await applyRetention(store, artifactsRoot, options.retention ?? DEFAULT_RETENTION);
    const webhookReceiptsDeleted = await pruneWebhookReceipts(store, options.retention ?? DEFAULT_RETENTION);
    const grace = (queue.retry.timeLimitSeconds + 120) * 1000;
    const orphans = await closeOrphanedRuns(store, new Date(Date.now() - grace), (id) => queue.jobAlive(id));
    if (retention.runsDeleted || retention.artifactDirsDeleted || webhookReceiptsDeleted || orphans) logger.info({ ...retention, webhookReceiptsDeleted, orphans }, 'maintenance');
  }

  return {
    queue,
    metrics,
    schedules: { store, queue },
    workerId,
    async startWorker() {
      status.running = true;
      await queue.work(async (job) => {
        try {
          await handle(job);
        } finally {
          status.lastJobFinishedAt = new Date().toISOString();
        }
      });
    },
    startScheduler() {
      if (queue.mode === 'embedded') stoppers.push(startEmbeddedScheduler(store, queue, logger, options.schedulerIntervalMs));
    },
    startMaintenance(intervalMs = 3_600_000) {
      const run = () => maintain().catch((error: unknown) => logger.error({ err: messageOf(error) }, 'maintenance failed'));
      void run();
      const timer = setInterval(run, intervalMs);
      timer.unref();
      stoppers.push(() => clearInterval(timer));
    },
    artifactsRoot,
    health: () => jobsHealth(queue, status),
    async stop(opts = {}) {
      for (const stop of stoppers.splice(0)) stop();
      await queue.stop(opts);
      status.running = false;
    },
  };
}
