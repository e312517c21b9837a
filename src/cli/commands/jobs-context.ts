// What every queue command opens: the store, a logger and the jobs layer in the mode the configuration
// selects (DATABASE_URL postgres://… → pg-boss scale-out, otherwise the embedded SQLite queue).
import type { Logger } from 'pino';
import type { AppConfig } from '../../config.ts';
import { createJobs, isScaleOut, type Jobs } from '../../jobs/jobs-runtime.ts';
import { createJobsLogger } from '../../jobs/logger.ts';
import type { RunAuditFn } from '../../jobs/audit-job-handler.ts';
import { openStore, type Store } from '../../store/index.ts';
import { createRunOptionsResolver } from '../../jobs/run-options.ts';
import { rumInputsFor } from '../../jobs/rum-inputs.ts';
import { devStorefrontOrigins } from '../../shopify/api-origin-override.ts';
import { createTokenCipher, parseEncryptionKey, resolveTokenKey } from '../../shopify/token-cipher.ts';

export interface JobsContext {
  config: AppConfig;
  store: Store;
  jobs: Jobs;
  logger: Logger;
  close(options?: { graceful?: boolean }): Promise<void>;
}

export async function openJobsContext(config: AppConfig, opts: { runAudit?: RunAuditFn; logger?: Logger } = {}): Promise<JobsContext> {
  const logger = opts.logger ?? createJobsLogger(config.logLevel);
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    // Loaded on the first audit only: enqueue, schedule and runs never pay for Lighthouse's import.
    const runAudit: RunAuditFn = opts.runAudit ?? (async (url, options) => (await import('../../engine/run-audit.ts')).runAudit(url, options));
    const jobs = await createJobs({
      store,
      logger,
      runAudit,
      databaseUrl: isScaleOut(config.databaseUrl) ? config.databaseUrl : undefined,
      dataDir: config.dataDir,
      chromePath: config.chromePath,
      smtpUrl: config.smtpUrl,
      alertFrom: config.alertFrom,
      ...workerAddressPolicy(config),
      runOptionsFor: createRunOptionsResolver({ store, logger, unseal: headerUnsealer(config), extraInputs: rumInputsFor(store) }),
    });
    return {
      config,
      store,
      jobs,
      logger,
      async close(options = {}) {
        await jobs.stop(options);
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Which private addresses the worker's audits may reach. The operator's own CLI (no Shopify credentials) may
 * audit stores on a private network; in app mode the guard is on. Developing against the Shopify stand-in
 * (SHOPIFY_DEV_STOREFRONT_ORIGINS, refused in production and without SHOPIFY_API_ORIGIN), only jobs for those
 * exact storefront origins may reach a private address; every other job, and every alert webhook, keeps the guard.
 */
export function workerAddressPolicy(config: AppConfig): { allowPrivateAddresses: boolean; privateStoreOrigins: string[] } {
  if (!config.shopify) return { allowPrivateAddresses: true, privateStoreOrigins: [] };
  const origins = devStorefrontOrigins(config.shopify.devStorefrontOrigins, { production: config.production, apiOrigin: config.shopify.apiOrigin });
  return { allowPrivateAddresses: false, privateStoreOrigins: origins };
}

/** Opens signed-header values sealed with the app's key (the same key the Shopify layer seals tokens with). */
function headerUnsealer(config: AppConfig): ((sealed: string) => string) | undefined {
  const key = config.shopify
    ? resolveTokenKey({ encryptionKey: config.encryptionKey, production: config.production, apiSecret: config.shopify.apiSecret })
    : config.encryptionKey
      ? parseEncryptionKey(config.encryptionKey)
      : undefined;
  if (!key) return undefined;
  const cipher = createTokenCipher(key);
  return (sealed) => cipher.decrypt(sealed);
}

/** The shop key of a store URL in standalone mode: its host. */
export function shopOfUrl(url: string): string {
  return new URL(url).host;
}
