// The JSON config file for CI: everything a flag can say, plus assertions, budgets and per-audit options
// (checkout selectors and test address, app names) that are too long for flags. Found the way lhci finds
// lighthouserc: `--config FILE` wins; otherwise the first of CONFIG_NAMES in the working directory or, walking
// up, a parent, stopping at the repository root (the directory with .git); `--no-config` turns the search off.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { budgetSchema } from '../advisor/budget.ts';
import { INPUT_MAX } from '../advisor/defaults.ts';
import { lighthouseBudgetSchema } from './assertions/budgets.ts';
import { AGGREGATIONS, assertionsSchema } from './assertions/spec.ts';
import { LOCALES } from '../i18n/messages/define.ts';
import { REPORTERS } from './reporters/names.ts';

import { isCurrency, type ConfigProblem } from './config-file.ts';

export { CONFIG_NAMES, discoverConfig, isCurrency, type ConfigProblem } from './config-file.ts';

const AUDITS = ['load', 'checkout', 'links'] as const;

/** A budget is Lighthouse's when it is an array (budget.json), ours when it is an object. */
export const budgetFileSchema = z.unknown().transform((value, ctx) => {
  const schema = Array.isArray(value) ? lighthouseBudgetSchema : budgetSchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return Array.isArray(value) ? { lighthouse: parsed.data as z.infer<typeof lighthouseBudgetSchema> } : { ours: parsed.data as z.infer<typeof budgetSchema> };
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});
export type BudgetFile = z.infer<typeof budgetFileSchema>;

export const cliConfigSchema = z
  .object({
    only: z.array(z.enum(AUDITS)).min(1).optional(),
    device: z.enum(['mobile', 'desktop', 'both']).optional(),
    runs: z.number().int().min(1).max(15).optional(),
    maxPages: z.number().int().min(1).max(100_000).optional(),
    headers: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name is a token such as X-Audit'), z.string()).optional(),
    /** The CLI may audit a store on localhost or a private network; set false to refuse such targets. */
    allowPrivateAddresses: z.boolean().optional(),
    /** Relative paths are resolved against the config file's directory. */
    artifactsDir: z.string().min(1).optional(),
    outputDir: z.string().min(1).optional(),
    reporters: z.array(z.enum(REPORTERS)).optional(),
    locale: z.enum(LOCALES).optional(),
    allowPartial: z.boolean().optional(),
    inputs: z
      .object({
        // The advisor's own bounds, so a config file with 1e300 sessions fails before the audit, not after it.
        monthlySessions: z.number().nonnegative().max(INPUT_MAX.amount).optional(),
        conversionRate: z.number().min(0).max(1).optional(),
        averageOrderValue: z.number().positive().max(INPUT_MAX.averageOrderValue).optional(),
        currency: z.string().refine(isCurrency, 'an ISO 4217 currency code such as USD').optional(),
      })
      .strict()
      .optional(),
    /** Our budget format, or Lighthouse's budget.json array (see `budgetFileSchema`). */
    budget: budgetFileSchema.optional(),
    assertions: assertionsSchema.optional(),
    /** The default for assertions that do not name one (lhci's default: optimistic). */
    aggregationMethod: z.enum(AGGREGATIONS).optional(),
    audits: z.partialRecord(z.enum(AUDITS), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

export type CliConfig = z.infer<typeof cliConfigSchema>;



/** Reads and validates a JSON file against `schema`, returning every problem rather than the first. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<{ value?: T; problems: ConfigProblem[] }> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    return { problems: [{ kind: 'unreadable', file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { problems: [{ kind: 'json', file, reason: (error as Error).message }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => ({ kind: 'issue', file, path: issue.path.map(String).join('.') || '(root)', problem: issue.message })) };
}
