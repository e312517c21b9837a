// Scale-out mode: pg-boss on PostgreSQL. Any number of worker processes on any number of machines share the
// queue; each takes one job at a time (a second Lighthouse on the same machine would skew both). Retries,
// backoff, expiration, one-active-job-per-shop and cron all come from pg-boss itself:
// - retryLimit/retryDelay/retryBackoff/retryDelayMax: retry with exponential backoff up to a cap;
// - heartbeatSeconds: a SIGKILLed worker stops beating and the job is retried on another worker;
// - expireInSeconds: a backstop time limit per attempt, past our own (which kills Chrome first);
// - policy 'singleton' + singletonKey = shop: one shop never has two audits active at once;
// - boss.schedule(name, cron, data, { tz, key }): one cron per shop schedule, fired once cluster-wide.
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { PgBoss, type JobWithMetadata } from 'pg-boss';
import { AUDIT_QUEUE, parseAuditJob, InvalidJobError, type AuditJobData, type AuditJobHandler, type AuditJobInput } from './audit-job.ts';
import { messageOf } from './errors.ts';
import { DEFAULT_RETRY_POLICY, type AuditQueue, type EnqueueOptions, type QueueDepth, type RetryPolicy, type ScheduleSpec } from './queue.ts';

export interface PgBossQueueOptions {
  databaseUrl: string;
  logger: Logger;
  /** pg-boss's own schema; tests use a unique one per file. */
  schema?: string;
  retry?: Partial<RetryPolicy>;
  /** Seconds without a heartbeat after which a job's worker is presumed dead (pg-boss minimum 10). */
  heartbeatSeconds?: number;
  /** How often pg-boss checks heartbeats/expiry and fires cron (tests shorten it). */
  superviseIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Only the scheduler-owning processes need cron; workers may leave it on (pg-boss fires each slot once). */
  schedule?: boolean;
}

const scheduleKey = (shop: string, name: string) => `${shop}/${name}`;

/** A stable UUID-shaped id for a dedupe key (name-based, like UUID v5). */
function idFromKey(key: string): string {
  const hex = createHash('sha1').update(`storefront-audit:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export async function createPgBossQueue(options: PgBossQueueOptions): Promise<AuditQueue> {
  const { logger } = options;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const supervise = options.superviseIntervalSeconds ?? 30;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: options.schema ?? 'pgboss',
    application_name: `storefront-audit-${process.pid}`,
    superviseIntervalSeconds: supervise,
    monitorIntervalSeconds: supervise,
    cronWorkerIntervalSeconds: Math.min(supervise, 30),
    schedule: options.schedule ?? true,
    max: 4,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  await boss.start();

  const queueOptions = {
    retryLimit: Math.max(0, retry.maxAttempts - 1),
    retryDelay: retry.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: retry.retryDelayMaxSeconds,
    // pg-boss's own limit sits past ours, so our handler can kill Chrome and record why before pg-boss gives up.
    expireInSeconds: retry.timeLimitSeconds + 60,
    heartbeatSeconds: Math.max(10, options.heartbeatSeconds ?? 30),
  };
  const existing = await boss.getQueue(AUDIT_QUEUE);
  if (existing && existing.policy !== 'singleton') {
    throw new Error(`pg-boss queue ${AUDIT_QUEUE} has policy ${existing.policy}, expected singleton: drop the queue or use another schema`);
  }
  if (existing) await boss.updateQueue(AUDIT_QUEUE, queueOptions);
  else {
    await boss.createQueue(AUDIT_QUEUE, { ...queueOptions, policy: 'singleton' }).catch(async (error: unknown) => {
      // Two workers starting at once: the loser finds the queue the winner created.
      if (!(await boss.getQueue(AUDIT_QUEUE))) throw error;
    });
  }

  const workerId = `pgboss-${process.pid}-${randomUUID().slice(0, 8)}`;
  let working = false;

  async function send(data: AuditJobData, opts: EnqueueOptions): Promise<string | null> {
    return boss.send(AUDIT_QUEUE, data, {
      // An explicit dedupe key (e.g. the confirmation re-run of one run) becomes the job id, so sending it
      // twice (a retried job evaluating its run again) adds nothing.
      ...(opts.dedupeKey ? { id: idFromKey(opts.dedupeKey) } : {}),
      singletonKey: data.shop,
      priority: opts.priority ?? 0,
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    });
  }

  return {
    mode: 'scale-out',
    retry,
    async enqueue(input: AuditJobInput, opts: EnqueueOptions = {}) {
      return send(parseAuditJob(input), opts);
    },
    async work(handler: AuditJobHandler) {
      if (working) throw new Error('this queue already has a worker');
      working = true;
      await boss.work(
        AUDIT_QUEUE,
        {
          batchSize: 1,
          localConcurrency: 1,
          includeMetadata: true,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
        },
        async (jobs: JobWithMetadata<unknown>[]) => {
          for (const job of jobs) {
            const attempt = job.retryCount + 1;
            const log = logger.child({ jobId: job.id, attempt, workerId });
            let data: AuditJobData;
            try {
              data = parseAuditJob(job.data);
            } catch (error) {
              // A payload no version of the handler can run: fail it without burning retries.
              log.error({ err: messageOf(error) }, 'dropping invalid job');
              await boss.deleteJob(AUDIT_QUEUE, job.id);
              if (error instanceof InvalidJobError) return;
              throw error;
            }
            await handler({ id: job.id, data, attempt, maxAttempts: job.retryLimit + 1, signal: job.signal });
          }
        },
      );
      logger.info({ workerId }, 'pg-boss worker started (one job at a time)');
    },
    async applySchedule(spec: ScheduleSpec) {
      const data = parseAuditJob({ ...spec.job, shop: spec.shop, triggeredBy: 'schedule' });
      await boss.schedule(AUDIT_QUEUE, spec.cron, data, { tz: spec.timezone, key: scheduleKey(spec.shop, spec.name), singletonKey: spec.shop });
    },
    async removeSchedule(shop: string, name: string) {
      await boss.unschedule(AUDIT_QUEUE, scheduleKey(shop, name));
    },
    async cancelShop(shop: string) {
      const queued = await boss.findJobs<AuditJobData>(AUDIT_QUEUE, { key: shop, queued: true });
      if (queued.length === 0) return 0;
      await boss.cancel(AUDIT_QUEUE, queued.map((j) => j.id));
      return queued.length;
    },
    async depth(): Promise<QueueDepth> {
      const db = boss.getDb();
      const schema = options.schema ?? 'pgboss';
      const result = (await db.executeSql(
        `SELECT state, COUNT(*)::int AS n FROM ${schema}.job WHERE name = $1 GROUP BY state`,
        [AUDIT_QUEUE],
      )) as { rows: Array<{ state: string; n: number }> };
      const by = Object.fromEntries(result.rows.map((r) => [r.state, Number(r.n)]));
      return {
        queued: (by.created ?? 0) + (by.retry ?? 0),
        active: by.active ?? 0,
        failed: by.failed ?? 0,
        completed: by.completed ?? 0,
      };
    },
    async jobAlive(id: string) {
      const [job] = await boss.findJobs(AUDIT_QUEUE, { id });
      return job !== undefined && ['created', 'retry', 'active'].includes(job.state);
    },
    async stop(opts = {}) {
      await boss.stop({ graceful: opts.graceful !== false, timeout: 30_000 });
      working = false;
    },
  };
}
