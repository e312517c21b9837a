// What a worker does with one attempt of one audit job: take over the job's run row, audit within the time
// limit (killing Chrome when it hangs), save the report with the run in one transaction, then look for
// regressions and alert. A failure either leaves the run waiting for the queue's retry, with its reason, or,
// on the last attempt, ends it failed with that reason.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { RunAuditOptions } from '../engine/run-audit.ts';
import type { Report } from '../report/schema.ts';
import { englishText } from '../i18n/format-message.ts';
import { StoreError, type Store } from '../store/index.ts';
import type { AuditJobAttempt, AuditJobData, AuditJobHandler } from './audit-job.ts';
import { messageOf, TimeLimitError } from './errors.ts';
import type { JobMetrics } from './metrics.ts';
import { beginRunForJob, markRunFailed, markRunRetrying } from './run-ledger.ts';
import { withTimeLimit } from './time-limit.ts';
import type { RunOptionsResolver } from './run-options.ts';
import { JobBrowserPool } from './job-browser.ts';
import { StoreUnreachableError } from '../engine/discovery/errors.ts';

/**
 * Prefix of a run's reason when the store could not be reached at all: the admin recognises it and shows its
 * own sentence (what to do), the rest of the reason says what failed (src/admin/run-error.ts).
 */
export const UNREACHABLE_REASON = 'store_unreachable';

export type RunAuditFn = (storeUrl: string, options: RunAuditOptions) => Promise<Report>;

/** Called after a run succeeded (also when a retry finds it already succeeded, so no alert is lost). */
export type AfterRun = (input: { runId: number; data: AuditJobData; report: Report }) => Promise<void>;

export interface AuditJobHandlerDeps {
  store: Store;
  runAudit: RunAuditFn;
  logger: Logger;
  workerId: string;
  timeLimitSeconds: number;
  /** Screenshots and other artefacts go to <artifactsRoot>/<runId>/. */
  artifactsRoot: string;
  chromePath?: string;
  allowPrivateAddresses?: boolean;
  /**
   * Exact store origins audited although private while allowPrivateAddresses is off: the Shopify stand-in's
   * local storefronts in development (SHOPIFY_DEV_STOREFRONT_ORIGINS). A job for any other origin keeps the guard.
   */
  privateStoreOrigins?: readonly string[];
  afterRun?: AfterRun;
  metrics?: JobMetrics;
  /** The shop's saved settings as engine options (devices, budget, headers, inputs); read at run time. */
  runOptionsFor?: RunOptionsResolver;
}

export function createAuditJobHandler(deps: AuditJobHandlerDeps): AuditJobHandler {
  const { store, logger } = deps;
  return async (job: AuditJobAttempt) => {
    const log = logger.child({ jobId: job.id, shop: job.data.shop, attempt: job.attempt });
    const shop = await store.shops.get(job.data.shop);
    if (shop?.uninstalledAt) {
      log.info('shop is uninstalled; audit skipped');
      return;
    }
    const { runId, alreadySucceeded } = await beginRunForJob(store, job, deps.workerId);
    if (alreadySucceeded) {
      log.info({ runId }, 'run already saved by an earlier attempt; not auditing again');
      const report = await store.runs.getReport(job.data.shop, runId);
      if (report) await deps.afterRun?.({ runId, data: job.data, report });
      return;
    }
    const started = performance.now();
    const shopOptions = deps.runOptionsFor ? await deps.runOptionsFor(job.data.shop) : {};
    const browser = new JobBrowserPool({ executablePath: deps.chromePath });
    try {
      const report = await withTimeLimit(
        deps.timeLimitSeconds,
        (signal) =>
          deps.runAudit(job.data.storeUrl, {
            ...shopOptions,
            ...(job.data.options as Partial<RunAuditOptions> | undefined),
            only: job.data.only,
            artifactsDir: join(deps.artifactsRoot, String(runId)),
            browser,
            chromePath: deps.chromePath,
            allowPrivateAddresses: (deps.allowPrivateAddresses ?? false) || isListedOrigin(job.data.storeUrl, deps.privateStoreOrigins),
            signal,
            // Logs are for operators and stay English; the engine's own steps arrive as messages.
            progress: (message) => log.debug({ runId }, typeof message === 'string' ? message : englishText(message)),
          }),
        () => browser.kill(),
        job.signal,
      );
      await saveReport(store, job.data.shop, runId, report);
      const seconds = (performance.now() - started) / 1000;
      deps.metrics?.runFinished('succeeded', seconds);
      log.info({ runId, seconds: Math.round(seconds * 10) / 10 }, 'audit run succeeded');
      await deps.afterRun?.({ runId, data: job.data, report });
    } catch (error) {
      const reason = messageOf(error);
      if (error instanceof StoreUnreachableError && !job.signal?.aborted) {
        // A store that cannot be reached at all fails at once, not after two retries minutes apart: the
        // merchant sees why within discovery's timeout (20 s), and the next scheduled run is the retry. The
        // job itself is done (not thrown back), so neither queue retries it.
        deps.metrics?.runFinished('failed', (performance.now() - started) / 1000, 'unreachable');
        await markRunFailed(store, runId, `${UNREACHABLE_REASON}: ${reason}`);
        log.warn({ runId, reason }, 'store unreachable: run failed without retry');
        return;
      }
      const last = job.attempt >= job.maxAttempts;
      deps.metrics?.runFinished(last ? 'failed' : 'retrying', (performance.now() - started) / 1000, error instanceof TimeLimitError ? 'time-limit' : 'error');
      if (last) await markRunFailed(store, runId, `failed after ${job.attempt} attempt(s): ${reason}`);
      else await markRunRetrying(store, runId, `attempt ${job.attempt} of ${job.maxAttempts} failed: ${reason}`);
      throw error;
    } finally {
      await browser.close();
    }
  };
}

function isListedOrigin(url: string, origins: readonly string[] | undefined): boolean {
  if (!origins?.length) return false;
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

async function saveReport(store: Store, shop: string, runId: number, report: Report): Promise<void> {
  try {
    await store.runs.complete(shop, runId, report);
  } catch (error) {
    // A presumed-dead attempt that was only slow may have saved the run first: that is the one result.
    const current = await store.runs.get(shop, runId);
    if (error instanceof StoreError && error.code === 'invalid-state' && current?.status === 'succeeded') return;
    throw error;
  }
}
