// `storefront-audit worker`: takes audits off the queue, one at a time, until SIGINT/SIGTERM. In scale-out
// mode run as many as you like on as many machines as you like, all pointing at the same DATABASE_URL.
import type { AppConfig } from '../../config.ts';
import type { RunAuditFn } from '../../jobs/audit-job-handler.ts';
import { openJobsContext } from './jobs-context.ts';

export interface WorkerCommandOptions {
  /** Resolves when the worker should stop (the CLI passes its signal waiter). */
  until: Promise<unknown>;
  runAudit?: RunAuditFn;
}

export async function workerCommand(config: AppConfig, options: WorkerCommandOptions): Promise<number> {
  const ctx = await openJobsContext(config, { runAudit: options.runAudit });
  await ctx.jobs.startWorker();
  ctx.jobs.startScheduler();
  ctx.jobs.startMaintenance();
  ctx.logger.info({ mode: ctx.jobs.queue.mode, workerId: ctx.jobs.workerId }, 'worker ready');
  await options.until;
  ctx.logger.info('worker stopping after the job in hand');
  await ctx.close({ graceful: true });
  return 0;
}
