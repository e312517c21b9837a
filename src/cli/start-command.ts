// `npm start`: the embedded default with zero configuration. It serves the demo store, audits it with every
// audit, stores the run, and (unless --once) keeps serving the dashboard and the scheduler.
import { join } from 'node:path';
import { readConfig } from '../config.ts';
import { startDemoStore } from '../demo-store/server.ts';
import { runAudit } from '../engine/run-audit.ts';
import { STANDALONE_SHOP } from '../server/shop-context.ts';
import { openStore } from '../store/index.ts';
import { printSummary } from './audit-command.ts';
import { demoAuditOptions, writeReportFiles } from './demo-audit.ts';
import { EXIT } from './exit-codes.ts';
import { createProgressReporter } from './progress.ts';

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
    process.stderr.write(`demo store at ${demo.url}; auditing it with every audit\n`);
    const report = await runAudit(demo.url, { ...demoAuditOptions(artifactsDir, Number(flags.runs ?? 1)), chromePath: config.chromePath, progress });
    progress.done();
    const run = await store.runs.saveReport(STANDALONE_SHOP, report, { triggeredBy: 'start' });
    const reportPath = await writeReportFiles(join(config.dataDir, 'reports'), run.id, report, artifactsDir);
    printSummary(report);
    if (demo.orders().length) throw new Error('the demo store recorded an order: the checkout audit must never pay');
    process.stdout.write(`${reportPath}\n`);
    return EXIT.ok;
  } finally {
    progress.done();
    await store.close();
    await demo.close();
  }
}
