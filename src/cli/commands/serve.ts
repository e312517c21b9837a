// `storefront-audit serve`: the HTTP server, plus in embedded mode the in-process worker and scheduler. In
// scale-out mode audits run in `storefront-audit worker` processes and this process only queues them.
import type { AppConfig } from '../../config.ts';
import type { RunAuditFn } from '../../jobs/audit-job-handler.ts';
import { startAppServer } from '../../server/start-app-server.ts';
import { openJobsContext } from './jobs-context.ts';

export interface ServeCommandOptions {
  until: Promise<unknown>;
  port?: number;
  host?: string;
  adminStaticDir?: string;
  runAudit?: RunAuditFn;
  /** Told the URL once the server listens (the CLI prints it). */
  onListening?: (url: string) => void;
}

export async function serveCommand(config: AppConfig, options: ServeCommandOptions): Promise<number> {
  const ctx = await openJobsContext(config, { runAudit: options.runAudit });
  const embedded = ctx.jobs.queue.mode === 'embedded';
  if (embedded) await ctx.jobs.startWorker();
  ctx.jobs.startScheduler();
  ctx.jobs.startMaintenance();
  const server = await startAppServer({
    config,
    logger: ctx.logger,
    store: ctx.store,
    jobs: ctx.jobs,
    adminStaticDir: options.adminStaticDir,
    port: options.port,
    host: options.host,
  });
  options.onListening?.(server.url);
  ctx.logger.info({ url: server.url, mode: ctx.jobs.queue.mode, inProcessWorker: embedded }, 'serving');
  await options.until;
  await server.close();
  await ctx.close({ graceful: true });
  return 0;
}
