// `storefront-audit audit <url>` once its plan is validated (audit-plan.ts): run the audits, evaluate the
// assertions, write the reports asked for, print the summary, and return the exit code CI acts on. Loaded
// only when an audit really runs, so `--help` and usage errors never pay for Lighthouse and Puppeteer.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runAudit } from '../engine/run-audit.ts';
import type { Report } from '../report/schema.ts';
import type { AuditPlan } from './audit-plan.ts';
import { evaluateAssertions } from './assertions/evaluate.ts';
import { exitCodeFor, failedAssertions, gapsOf } from './outcome.ts';
import { createProgressReporter } from './progress.ts';
import { makeScratchDir } from './scratch-dir.ts';
import { summaryLines } from './summary.ts';
import { t } from './text.ts';
import { EXIT } from './exit-codes.ts';

export async function auditCommand(plan: AuditPlan): Promise<number> {
  // Screenshots and Chromium's profile live in a scratch directory unless an output directory was asked for;
  // either way nothing is written to the working directory that was not asked for.
  const scratch = makeScratchDir();
  const artifactsDir = plan.artifactsDir ?? join(scratch.path, 'artifacts');
  // Chromium keeps its own temporary files (org.chromium.Chromium.*) in TMPDIR and leaves them behind when it
  // is killed; pointing TMPDIR into the scratch directory takes them away with it.
  process.env.TMPDIR = scratch.childTmp;
  const progress = createProgressReporter(process.stderr, 0, performance.timeOrigin);
  let report: Report;
  try {
    report = await runAudit(plan.url, {
      ...(plan.only ? { only: plan.only } : {}),
      ...(plan.device ? { device: plan.device } : {}),
      ...(plan.runs !== undefined ? { runs: plan.runs } : {}),
      ...(plan.maxPages !== undefined ? { maxPages: plan.maxPages } : {}),
      headers: plan.headers,
      allowPrivateAddresses: plan.allowPrivateAddresses,
      artifactsDir,
      ...(process.env.CHROME_PATH ? { chromePath: process.env.CHROME_PATH } : {}),
      chromeArgs: [`--user-data-dir=${join(scratch.path, 'chromium-profile')}`],
      progress,
      ...(plan.auditOptions ? { auditOptions: plan.auditOptions } : {}),
      inputs: plan.inputs,
      ...(plan.previous ? { previous: plan.previous } : {}),
    });
  } finally {
    progress.done();
  }

  const results = evaluateAssertions(report, plan.specs, plan.ran);
  // Failed error-level budget assertions with a number are the report's budget breaches, as before.
  if (plan.specs.some((s) => s.source !== 'assertions')) {
    report.budget = {
      breaches: failedAssertions(results)
        .filter((r) => r.spec.source !== 'assertions' && r.actual !== null && r.status === 'failed')
        .map((r) => ({ rule: r.spec.rule ?? r.spec.id, limit: r.spec.expected ?? 0, actual: r.actual!, ...(r.page ? { page: r.page } : {}) })),
    };
  }
  const gaps = gapsOf(report);
  const code = exitCodeFor(results, gaps, plan.allowPartial);
  const failed = failedAssertions(results).length;
  const exitLine =
    code === EXIT.assertionFailed ? t('outcome.failed', { count: failed }) : code === EXIT.partial ? t('outcome.partial', { count: gaps.length }) : gaps.length ? t('outcome.partialAllowed', { count: gaps.length }) : t('outcome.ok');

  for (const [format, file] of Object.entries(plan.outputs)) {
    const contents =
      format === 'json'
        ? JSON.stringify(report, null, 2)
        : format === 'markdown'
          ? (await import('./reporters/markdown.ts')).renderMarkdown(report, results, gaps, exitLine)
          : format === 'junit'
            ? (await import('./reporters/junit.ts')).renderJunit(results)
            : (await import('../report/html.ts')).renderHtmlReport(report, { locale: plan.locale, artifactsDir });
    await writeOut(file, contents);
  }
  process.stderr.write([...summaryLines(report, results, gaps), exitLine].join('\n') + '\n');
  scratch.remove();
  return code;
}

async function writeOut(file: string, contents: string): Promise<void> {
  if (file === '-') {
    // Wait for the pipe to take it all: the CLI exits right after the audit.
    await new Promise<void>((done) => process.stdout.write(contents + '\n', () => done()));
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, contents);
  process.stderr.write(t('wrote', { file }) + '\n');
}
