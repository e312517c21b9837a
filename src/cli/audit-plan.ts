// Everything `audit` was asked, checked before any work: every flag, the config file, the budget and the
// --compare report, with every problem reported at once. This module loads no browser, no Lighthouse and no
// audit code, so a usage error exits 2 as fast as `--help` does.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { INPUT_MAX } from '../advisor/defaults.ts';
import { parseStoreUrl } from '../engine/store-url.ts';
import { LOCALES, type Locale } from '../i18n/messages/define.ts';
import type { Message, Report } from '../report/schema.ts';
import type { AssertionSpec } from './assertions/spec.ts';
import type { AuditName } from './assertions/evaluate.ts';
// Types only: the schemas (zod) load when there is a config file or a budget to read (config-file.ts).
import type { BudgetFile, CliConfig } from './cli-config.ts';
import { discoverConfig, isCurrency, type ConfigProblem } from './config-file.ts';
import { REPORTER_FILES, REPORTERS, type ReporterName } from './reporters/names.ts';
import { code, count } from '../report/message.ts';
import { localeFromEnv, msg, shippedLocale } from './text.ts';
import { choiceError, parseChoice, parseInteger } from './flag-parse.ts';

export const AUDIT_NAMES = ['load', 'checkout', 'links'] as const satisfies readonly AuditName[];
/** The load-time audit's own bound (audits/load-time/options.ts): more runs add minutes, not precision. */
export const RUNS_MAX = 15;
export const MAX_PAGES_MAX = 100_000;
export const DEFAULT_OUTPUT_DIR = 'storefront-audit-report';

export interface AuditFlags {
  json?: string;
  html?: string;
  markdown?: string;
  junit?: string;
  reporter?: string;
  outputDir?: string;
  only?: string;
  device?: string;
  runs?: string;
  maxPages?: string;
  budget?: string;
  compare?: string;
  header?: string[];
  /** A path, or false for --no-config. */
  config?: string | false;
  artifacts?: string;
  allowPrivate?: boolean;
  allowPartial?: boolean;
  sessions?: string;
  conversionRate?: string;
  aov?: string;
  currency?: string;
  locale?: string;
}

export type Outputs = Partial<Record<ReporterName, string>>;

export interface AuditPlan {
  url: string;
  /** Undefined means every audit. */
  only?: AuditName[];
  ran: AuditName[];
  device?: 'mobile' | 'desktop' | 'both';
  runs?: number;
  maxPages?: number;
  headers: Record<string, string>;
  allowPrivateAddresses: boolean;
  allowPartial: boolean;
  locale: Locale;
  inputs: { monthlySessions?: number; conversionRate?: number; averageOrderValue?: number; currency?: string };
  auditOptions?: CliConfig['audits'];
  specs: AssertionSpec[];
  previous?: Report;
  /** File per format, or "-" for stdout. */
  outputs: Outputs;
  /** Where screenshots go; undefined means a temporary directory removed at exit. */
  artifactsDir?: string;
  configFile?: string;
}

export type PlanResult = { plan: AuditPlan; errors: [] } | { plan?: undefined; errors: Message[] };

export interface PlanContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export async function planAudit(rawUrl: string, flags: AuditFlags, context: PlanContext): Promise<PlanResult> {
  const errors: Message[] = [];
  const problems = (list: ConfigProblem[]) => errors.push(...list.map(problemMessage));

  let url = '';
  try {
    url = parseStoreUrl(rawUrl).href;
  } catch {
    errors.push(urlProblem(rawUrl));
  }

  const configFile = flags.config === false ? undefined : flags.config ? resolve(context.cwd, flags.config) : discoverConfig(context.cwd);
  let config: CliConfig = {};
  const schemas = configFile || flags.budget !== undefined ? await import('./cli-config.ts') : undefined;
  if (configFile) {
    const read = await schemas!.readJsonFile(configFile, schemas!.cliConfigSchema);
    problems(read.problems);
    config = read.value ?? {};
  }
  const fromConfig = (path: string | undefined) => (path && configFile ? resolve(dirname(configFile), path) : undefined);

  const only = flags.only === undefined ? config.only : parseList(flags.only, '--only', AUDIT_NAMES, errors);
  const device = flags.device === undefined ? config.device : parseChoice(flags.device, '--device', ['mobile', 'desktop', 'both'] as const, errors);
  const runs = flags.runs === undefined ? config.runs : parseInteger(flags.runs, '--runs', 1, RUNS_MAX, errors);
  const maxPages = flags.maxPages === undefined ? config.maxPages : parseInteger(flags.maxPages, '--max-pages', 1, MAX_PAGES_MAX, errors);
  const headers = { ...config.headers, ...parseHeaders(flags.header ?? [], errors) };
  const locale = flags.locale === undefined ? (config.locale ?? localeFromEnv(context.env)) : (shippedLocale(flags.locale) ?? choiceError('--locale', flags.locale, LOCALES, errors) ?? 'en');

  const inputs: AuditPlan['inputs'] = { ...config.inputs };
  if (flags.sessions !== undefined) set(inputs, 'monthlySessions', parseNumber(flags.sessions, '--sessions', 0, INPUT_MAX.amount, errors));
  if (flags.conversionRate !== undefined) set(inputs, 'conversionRate', parseNumber(flags.conversionRate, '--conversion-rate', 0, 1, errors));
  if (flags.aov !== undefined) set(inputs, 'averageOrderValue', parsePositive(flags.aov, '--aov', INPUT_MAX.averageOrderValue, errors));
  if (flags.currency !== undefined) {
    if (isCurrency(flags.currency)) inputs.currency = flags.currency.toUpperCase();
    else errors.push(msg('error.currency', { flag: '--currency', value: flags.currency }));
  }
  if (inputs.currency) inputs.currency = inputs.currency.toUpperCase();

  const specs: AssertionSpec[] = [];
  if (config.assertions) {
    const { DEFAULT_AGGREGATION, specsFromAssertions } = await import('./assertions/spec.ts');
    specs.push(...specsFromAssertions(config.assertions, config.aggregationMethod ?? DEFAULT_AGGREGATION));
  }
  let budget: BudgetFile | undefined = config.budget;
  if (flags.budget !== undefined) {
    const read = await schemas!.readJsonFile(resolve(context.cwd, flags.budget), schemas!.budgetFileSchema);
    problems(read.problems);
    budget = read.value;
  }
  if (budget) {
    const { specsFromBudget, specsFromLighthouseBudget } = await import('./assertions/budgets.ts');
    if (budget.ours) specs.push(...specsFromBudget(budget.ours));
    if (budget.lighthouse) specs.push(...specsFromLighthouseBudget(budget.lighthouse));
  }

  let previous: Report | undefined;
  if (flags.compare !== undefined) previous = await readPrevious(resolve(context.cwd, flags.compare), errors);

  const outputs = planOutputs(flags, config, context.cwd, fromConfig, errors);
  const explicitOutputDir = outputDirOf(flags, config, context.cwd, fromConfig, false);
  const artifactsDir =
    flags.artifacts !== undefined ? resolve(context.cwd, flags.artifacts) : (fromConfig(config.artifactsDir) ?? (explicitOutputDir ? join(explicitOutputDir, 'artifacts') : undefined));

  if (errors.length) return { errors };
  return {
    errors: [],
    plan: {
      url,
      ...(only ? { only } : {}),
      ran: only ?? [...AUDIT_NAMES],
      ...(device ? { device } : {}),
      ...(runs !== undefined ? { runs } : {}),
      ...(maxPages !== undefined ? { maxPages } : {}),
      headers,
      allowPrivateAddresses: flags.allowPrivate === false ? false : (config.allowPrivateAddresses ?? true),
      allowPartial: flags.allowPartial ?? config.allowPartial ?? false,
      locale,
      inputs,
      ...(config.audits ? { auditOptions: config.audits } : {}),
      specs,
      ...(previous ? { previous } : {}),
      outputs,
      ...(artifactsDir ? { artifactsDir } : {}),
      ...(configFile ? { configFile } : {}),
    },
  };
}

function outputDirOf(flags: AuditFlags, config: CliConfig, cwd: string, fromConfig: (p?: string) => string | undefined, reportersAsked: boolean): string | undefined {
  if (flags.outputDir !== undefined) return resolve(cwd, flags.outputDir);
  if (config.outputDir !== undefined) return fromConfig(config.outputDir);
  return reportersAsked ? resolve(cwd, DEFAULT_OUTPUT_DIR) : undefined;
}

/** Explicit files (--json FILE) win; each --reporter adds its file in the output directory. */
function planOutputs(flags: AuditFlags, config: CliConfig, cwd: string, fromConfig: (p?: string) => string | undefined, errors: Message[]): Outputs {
  const reporters = flags.reporter === undefined ? (config.reporters ?? []) : (parseList(flags.reporter, '--reporter', REPORTERS, errors) ?? []);
  const dir = outputDirOf(flags, config, cwd, fromConfig, reporters.length > 0);
  const outputs: Outputs = {};
  for (const name of reporters) outputs[name] = join(dir!, REPORTER_FILES[name]);
  for (const name of REPORTERS) {
    const file = flags[name];
    if (file !== undefined) outputs[name] = file === '-' ? '-' : resolve(cwd, file);
  }
  const toStdout = REPORTERS.filter((name) => outputs[name] === '-');
  if (toStdout.length > 1) errors.push(msg('error.stdoutTwice', { flags: toStdout.map((n) => `--${n}`).join(', ') }));
  return outputs;
}

async function readPrevious(file: string, errors: Message[]): Promise<Report | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    errors.push(msg('error.compareUnreadable', { file: code(file), reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
    return undefined;
  }
  try {
    const { validateReport } = await import('../report/schema.ts');
    return validateReport(json);
  } catch (error) {
    errors.push(msg('error.compareNotReport', { file: code(file), reason: ((error as Error).message.split('\n')[0] ?? '').slice(0, 200) }));
    return undefined;
  }
}

function problemMessage(problem: ConfigProblem): Message {
  if (problem.kind === 'unreadable') return msg('error.fileUnreadable', { file: code(problem.file), reason: problem.reason });
  if (problem.kind === 'json') return msg('error.fileNotJson', { file: code(problem.file), reason: problem.reason });
  return msg('error.fileIssue', { file: code(problem.file), path: problem.path, problem: problem.problem });
}

/** Which of parseStoreUrl's refusals applies, as a message (parseStoreUrl itself speaks English only). */
function urlProblem(raw: string): Message {
  const trimmed = raw.trim();
  if (!trimmed) return msg('error.urlMissing');
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(withScheme)) return msg('error.urlInvalid', { value: raw });
  const protocol = new URL(withScheme).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return msg('error.urlScheme', { value: raw });
  return msg('error.urlHost', { value: raw });
}

function set<K extends keyof AuditPlan['inputs']>(inputs: AuditPlan['inputs'], key: K, value: AuditPlan['inputs'][K] | undefined): void {
  if (value !== undefined) inputs[key] = value;
}

function parseList<T extends string>(value: string, flag: string, choices: readonly T[], errors: Message[]): T[] | undefined {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((item) => !(choices as readonly string[]).includes(item));
  if (unknown.length || !items.length) {
    errors.push(msg('error.list', { flag, value: unknown.join(', ') || value, choices: choices.join(', ') }));
    return undefined;
  }
  return [...new Set(items)] as T[];
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseNumber(value: string, flag: string, min: number, max: number, errors: Message[]): number | undefined {
  const n = NUMBER_TEXT.test(value.trim()) ? Number(value) : NaN;
  if (Number.isFinite(n) && n >= min && n <= max) return n;
  errors.push(max === Infinity ? msg('error.numberAtLeast', { flag, min, value }) : msg('error.numberRange', { flag, min, max, value }));
  return undefined;
}

function parsePositive(value: string, flag: string, max: number, errors: Message[]): number | undefined {
  const n = NUMBER_TEXT.test(value.trim()) ? Number(value) : NaN;
  if (Number.isFinite(n) && n > 0 && n <= max) return n;
  errors.push(Number.isFinite(n) && n > max ? msg('error.numberRange', { flag, min: 0, max, value }) : msg('error.numberPositive', { flag, value }));
  return undefined;
}

function parseHeaders(values: string[], errors: Message[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of values) {
    const at = raw.indexOf(':');
    const name = raw.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) errors.push(msg('error.header', { flag: '--header', value: raw }));
    else headers[name] = raw.slice(at + 1).trim();
  }
  return headers;
}
