// `npm start`: the embedded default with zero configuration. It serves the demo store, audits it with every
// audit, stores the run, and (unless --once) keeps serving the dashboard and the scheduler.
import { join } from 'node:path';
import { readConfig } from '../config.ts';
import { startDemoStore } from '../demo-store/server.ts';
import { runAudit } from '../engine/run-audit.ts';
import { STANDALONE_SHOP } from '../server/shop-context.ts';
import { openStore } from '../store/index.ts';
import { printSummary } from './summary.ts';
import { DEMO_INPUTS, demoAuditOptions, writeReportFiles } from './demo-audit.ts';
import type { RunAuditFn } from '../jobs/audit-job-handler.ts';
import { EXIT } from './exit-codes.ts';
import { createProgressReporter } from './progress.ts';
import { t } from './text.ts';

export interface StartFlags {
  once?: boolean;
  runs?: string;
  port?: string;
}

export async function startOnce(flags: StartFlags): Promise<number> {
  const config = readConfig();
  const demo = await startDemoStore({ variant: 'defective' });
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const artifactsDir = join(config.dataDir, 'artifacts', `start-${stamp}`);
  const progress = createProgressReporter(process.stderr, 24);
  try {
    process.stderr.write(`${t('start.auditing', { url: demo.url })}\n`);
    const report = await runAudit(demo.url, { ...demoAuditOptions(artifactsDir, flags.runs === undefined ? undefined : Number(flags.runs)), chromePath: config.chromePath, progress });
    progress.done();
    const run = await store.runs.saveReport(STANDALONE_SHOP, report, { triggeredBy: 'start' });
    const reportPath = await writeReportFiles(join(config.dataDir, 'reports'), run.id, report, artifactsDir);
    printSummary(report);
    if (demo.orders().length) throw new Error(t('start.orderPlaced'));
    process.stdout.write(`${reportPath}\n`);
    return EXIT.ok;
  } finally {
    progress.done();
    await store.close();
    await demo.close();
  }
}

/**
 * The long-running default: the demo store, the server with the dashboard, the in-process worker and
 * scheduler, and a first audit of the demo store queued at once. Returns when SIGINT/SIGTERM arrives.
 */
export async function startServing(flags: StartFlags, until: Promise<unknown>): Promise<number> {
  const config = readConfig();
  const demo = await startDemoStore({ variant: 'defective' });
  const { ensureAdminBuilt } = await import('../admin/build.ts');
  const { serveCommand } = await import('./commands/serve.ts');
  const adminStaticDir = await ensureAdminBuilt();
  const runs = flags.runs === undefined ? undefined : Number(flags.runs);
  const demoOrigin = new URL(demo.url).origin;
  // Audits of the demo store get its app names and example store inputs; any other store is audited as is.
  const runAuditForStart: RunAuditFn = (url, options) =>
    runAudit(url, new URL(url).origin === demoOrigin ? { ...demoAuditOptions(options.artifactsDir, runs), ...options, inputs: { ...DEMO_INPUTS, ...options.inputs } } : options);
  let dashboard = '';
  const served = serveCommand(config, {
    until: until.finally(() => demo.close()),
    port: flags.port ? Number(flags.port) : config.port,
    adminStaticDir,
    runAudit: runAuditForStart,
    onListening: (url) => {
      dashboard = url;
      process.stderr.write(`${t('start.serving', { store: demo.url, url })}\n`);
    },
  });
  void reportFirstRun(config, demo.url, () => dashboard);
  return served;
}

/** Queues the first demo audit and prints its summary when it lands, so `npm start` shows a result. */
async function reportFirstRun(config: ReturnType<typeof readConfig>, storeUrl: string, dashboard: () => string): Promise<void> {
  const { openJobsContext } = await import('./commands/jobs-context.ts');
  const ctx = await openJobsContext(config);
  try {
    await ctx.store.settings.set(STANDALONE_SHOP, 'storeUrl', storeUrl);
    await ctx.jobs.queue.enqueue({ shop: STANDALONE_SHOP, storeUrl, triggeredBy: 'start' });
    process.stderr.write(`${t('start.queued')}\n`);
    for (;;) {
      await new Promise((done) => setTimeout(done, 2000));
      const latest = await ctx.store.runs.latest(STANDALONE_SHOP, { status: 'any' });
      if (!latest || latest.status === 'queued' || latest.status === 'running') continue;
      const report = latest.status === 'succeeded' ? await ctx.store.runs.getReport(STANDALONE_SHOP, latest.id) : null;
      if (report) printSummary(report);
      else process.stderr.write(`${t('start.firstEnded', { status: latest.status, reason: latest.error ?? t('start.seeHistory') })}\n`);
      process.stderr.write(`${t('start.dashboard', { url: dashboard() })}\n`);
      return;
    }
  } catch (error) {
    process.stderr.write(`${t('start.followFailed', { problem: (error as Error).message })}\n`);
  } finally {
    await ctx.store.close().catch(() => undefined);
  }
}
