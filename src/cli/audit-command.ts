// `storefront-audit audit <url>`: one audit, a JSON and/or HTML report, and an exit code CI can act on.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { runAudit } from '../engine/run-audit.ts';
import { messageOf, UsageError } from '../engine/errors.ts';
import { AUDIT_IDS, type AuditId } from '../engine/audit-registry.ts';
import { renderHtmlReport } from '../report/html.ts';
import { loadBudget, parseBudget } from '../advisor/index.ts';
import { validateReport, type Report } from '../report/schema.ts';
import { createProgressReporter } from './progress.ts';
import { EXIT } from './exit-codes.ts';
import { loadCliConfig, type CliConfig } from './cli-config.ts';

export interface AuditCommandOptions {
  json?: string;
  html?: string;
  only?: string;
  device?: string;
  runs?: string;
  maxPages?: string;
  budget?: string;
  compare?: string;
  header?: string[];
  config?: string;
  artifacts?: string;
  allowPrivate?: boolean;
  sessions?: string;
  conversionRate?: string;
  aov?: string;
  currency?: string;
  locale?: string;
}


export function parseOnly(value: string | undefined): AuditId[] | undefined {
  if (!value) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !(AUDIT_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new UsageError(`--only: unknown audit "${unknown.join(', ')}"; choose from ${AUDIT_IDS.join(', ')}`);
  return ids as AuditId[];
}

export function parsePositiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of at least 1, not "${value}"`);
  return n;
}

export function parseNumber(flag: string, value: string | undefined, { max }: { max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (max !== undefined && n > max)) throw new UsageError(`${flag} must be a number${max !== undefined ? ` between 0 and ${max}` : ''}, not "${value}"`);
  return n;
}

export function parseHeaders(values: string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of values) {
    const at = raw.indexOf(':');
    if (at <= 0) throw new UsageError(`--header must look like "Name: value", not "${raw}"`);
    headers[raw.slice(0, at).trim()] = raw.slice(at + 1).trim();
  }
  return headers;
}

function parseDevice(value: string | undefined): 'mobile' | 'desktop' | 'both' | undefined {
  if (value === undefined) return undefined;
  if (value === 'mobile' || value === 'desktop' || value === 'both') return value;
  throw new UsageError(`--device must be mobile, desktop or both, not "${value}"`);
}

export async function auditCommand(url: string, flags: AuditCommandOptions): Promise<number> {
  const config: CliConfig = flags.config ? await loadCliConfig(flags.config) : {};
  const only = parseOnly(flags.only) ?? config.only;
  const budget = flags.budget ? await loadBudget(flags.budget) : config.budget === undefined ? undefined : parseBudget(config.budget);
  const artifactsDir = resolve(flags.artifacts ?? config.artifactsDir ?? join('.data', 'artifacts', String(Date.now())));
  const progress = createProgressReporter(process.stderr, 20);
  let report: Report;
  try {
    report = await runAudit(url, {
      only,
      device: parseDevice(flags.device) ?? config.device,
      runs: parsePositiveInt('--runs', flags.runs) ?? config.runs,
      maxPages: parsePositiveInt('--max-pages', flags.maxPages) ?? config.maxPages,
      headers: { ...config.headers, ...parseHeaders(flags.header) },
      allowPrivateAddresses: flags.allowPrivate ?? config.allowPrivateAddresses ?? true,
      artifactsDir,
      chromePath: process.env.CHROME_PATH,
      progress,
      auditOptions: config.audits,
      inputs: {
        ...config.inputs,
        ...definedOnly({
          monthlySessions: parseNumber('--sessions', flags.sessions),
          conversionRate: parseNumber('--conversion-rate', flags.conversionRate, { max: 1 }),
          averageOrderValue: parseNumber('--aov', flags.aov),
          currency: flags.currency?.toUpperCase(),
        }),
      },
      budget,
      previous: flags.compare ? await loadPreviousReport(flags.compare) : undefined,
    });
  } finally {
    progress.done();
  }
  if (flags.json) await writeOut(flags.json, JSON.stringify(report, null, 2));
  if (flags.html) await writeOut(flags.html, renderHtmlReport(report, { locale: flags.locale, artifactsDir }));
  printSummary(report);
  const breaches = report.budget?.breaches ?? [];
  if (breaches.length) {
    for (const b of breaches) process.stderr.write(`budget breached: ${b.rule}${b.page ? ` on ${b.page}` : ''}: ${b.actual} > ${b.limit}\n`);
    return EXIT.budgetBreached;
  }
  return EXIT.ok;
}

async function loadPreviousReport(file: string): Promise<Report> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--compare: cannot read a JSON report from ${file}: ${(error as Error).message}`);
  }
  try {
    return validateReport(json);
  } catch (error) {
    throw new UsageError(`--compare: ${file} is not a Storefront Auditor report: ${messageOf(error)}`);
  }
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function writeOut(file: string, contents: string): Promise<void> {
  if (file === '-') {
    // Wait for the pipe to take it all: the CLI exits right after the audit.
    await new Promise<void>((done) => process.stdout.write(contents + '\n', () => done()));
    return;
  }
  await mkdir(dirname(resolve(file)), { recursive: true });
  await writeFile(file, contents);
  process.stderr.write(`wrote ${file}\n`);
}

export function printSummary(report: Report, out: NodeJS.WritableStream = process.stderr): void {
  const lines = [`Store: ${report.store.url}  (${report.pages.length} pages found)`];
  if (report.loadTime) lines.push(`Store score: ${report.loadTime.storeScore ?? 'n/a'} / 100 over ${report.loadTime.pages.length} page measurements`);
  if (report.checkout) lines.push(`Checkout: ${report.checkout.completed ? 'reached payment' : `FAILED at ${report.checkout.failure?.step ?? '?'}: ${report.checkout.failure?.message ?? ''}`} in ${report.checkout.stepCount} steps, ${report.checkout.formFields} fields`);
  if (report.links) lines.push(`Links: ${report.links.broken.length} broken, ${report.links.redirects.length} redirect chains, ${report.links.pagesCrawled} pages crawled`);
  const top = report.fixes.slice(0, 5);
  if (top.length) {
    lines.push('Top fixes:');
    for (const fix of top) {
      const money = fix.impact.revenuePerMonth;
      lines.push(`  - ${fix.title}: ~${Math.round(money.central)} ${money.currency}/month (${Math.round(money.low)}–${Math.round(money.high)})`);
    }
  }
  if (report.comparison) {
    const resolved = report.comparison.outcomes.filter((o) => o.status === 'resolved');
    lines.push(`Since ${report.comparison.previous.startedAt}: ${resolved.length} fixes resolved, ${report.comparison.newFixes.length} new`);
    for (const o of resolved) {
      const m = o.measured;
      lines.push(`  ✓ ${o.title}${m && m.change !== null ? `: ${m.metric} ${m.before} → ${m.after} (estimate ${o.estimate.savingMs ?? '?'} ms)` : ''}`);
    }
  }
  for (const error of report.errors) lines.push(`error in ${error.audit}: ${error.message}`);
  out.write(lines.join('\n') + '\n');
}
