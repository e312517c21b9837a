// Everything `serve` / `start` need to bring the HTTP side up, in one call: the lifecycle on the jobs layer,
// /health readiness from the jobs layer, and private audit targets only for the storefront origins named for
// development against the Shopify stand-in (SHOPIFY_DEV_STOREFRONT_ORIGINS). The CLI command stays a thin caller: read config, open the store, create the jobs, call this.
import type { Logger } from 'pino';
import type { AppConfig } from '../config.ts';
import type { Jobs } from '../jobs/jobs-runtime.ts';
import type { Store } from '../store/index.ts';
import { createServer, type AppServer, type RunningServer } from './create-server.ts';
import { jobsLifecycle } from './jobs-lifecycle.ts';

export interface StartAppServerOptions {
  config: AppConfig;
  logger: Logger;
  store: Store;
  jobs: Pick<Jobs, 'queue' | 'schedules' | 'health' | 'artifactsRoot'> & Partial<Pick<Jobs, 'metrics'>>;
  adminStaticDir?: string;
  port?: number;
  host?: string;
}

export async function startAppServer(options: StartAppServerOptions): Promise<RunningServer & { app: AppServer }> {
  const { config, store, jobs } = options;
  const app = createServer({
    config,
    logger: options.logger,
    store,
    lifecycle: jobsLifecycle(jobs, store),
    health: async () => {
      const health = await jobs.health();
      return { ...health, ok: health.ok };
    },
    adminStaticDir: options.adminStaticDir,
    metricsRegistry: jobs.metrics?.registry,
    schedules: jobs.schedules,
    // Named explicitly, never implied by SHOPIFY_API_ORIGIN; createServer refuses it in production.
    privateAuditOrigins: config.shopify?.devStorefrontOrigins,
  });
  const running = await app.listen(options.port ?? config.port, options.host ?? config.host);
  options.logger.info({ url: running.url, mode: app.context.mode }, 'server listening');
  return { ...running, app };
}
