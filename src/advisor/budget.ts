// Performance budgets: a JSON file of limits per template (and device), broken links, and checkout. A breach
// is listed in the report and makes the CLI exit 1.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { TEMPLATES, type Report } from '../report/schema.ts';

const metricLimits = z
  .object({
    lcpMs: z.number().nonnegative(),
    fcpMs: z.number().nonnegative(),
    tbtMs: z.number().nonnegative(),
    cls: z.number().nonnegative(),
    ttfbMs: z.number().nonnegative(),
    speedIndexMs: z.number().nonnegative(),
  })
  .partial()
  .strict();

const KEY_HELP = `keys are a template (${TEMPLATES.join(', ')}) or "*", optionally followed by ":mobile" or ":desktop"`;

function isTemplateKey(key: string): boolean {
  const [template, device, ...rest] = key.split(':');
  return rest.length === 0 && (template === '*' || (TEMPLATES as readonly string[]).includes(template ?? '')) && (device === undefined || device === 'mobile' || device === 'desktop');
}

const templateLimits = z.record(z.string(), metricLimits).superRefine((record, ctx) => {
  for (const key of Object.keys(record)) if (!isTemplateKey(key)) ctx.addIssue({ code: 'custom', path: [key], message: KEY_HELP });
});

export const budgetSchema = z
  .object({
    templates: templateLimits.optional(),
    maxBrokenLinks: z.number().int().nonnegative().optional(),
    maxRedirectChains: z.number().int().nonnegative().optional(),
    checkout: z
      .object({ maxSteps: z.number().int().positive(), maxFormFields: z.number().int().nonnegative(), maxErrors: z.number().int().nonnegative() })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export type Budget = z.infer<typeof budgetSchema>;
export type BudgetBreach = NonNullable<Report['budget']>['breaches'][number];

export class BudgetError extends Error {
  override name = 'BudgetError';
}

/** Validates a parsed budget; `origin` names the file in the error, which lists every problem on one line. */
export function parseBudget(value: unknown, origin = 'budget'): Budget {
  const parsed = budgetSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new BudgetError(`${origin} is not a valid budget: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export async function loadBudget(file: string): Promise<Budget> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BudgetError(`cannot read budget file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BudgetError(`budget file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseBudget(json, `budget file ${file}`);
}

type MetricName = keyof z.infer<typeof metricLimits>;

/** The limits for one page: "*" first, then the template, then template:device, the most specific winning. */
function limitsFor(budget: Budget, template: string, device: string): Partial<Record<MetricName, number>> {
  const t = budget.templates ?? {};
  return { ...t['*'], ...t[`*:${device}`], ...t[template], ...t[`${template}:${device}`] };
}

export function checkBudget(report: Report, budget: Budget): BudgetBreach[] {
  const breaches: BudgetBreach[] = [];
  for (const page of report.loadTime?.pages ?? []) {
    if (page.error) continue;
    const limits = limitsFor(budget, page.template, page.device);
    for (const [metric, limit] of Object.entries(limits) as [MetricName, number][]) {
      const actual = page.metrics[metric];
      if (actual !== null && actual > limit) breaches.push({ rule: `${metric} (${page.template}, ${page.device})`, limit, actual, page: page.url });
    }
  }
  if (report.links) {
    if (budget.maxBrokenLinks !== undefined && report.links.broken.length > budget.maxBrokenLinks) {
      breaches.push({ rule: 'maxBrokenLinks', limit: budget.maxBrokenLinks, actual: report.links.broken.length });
    }
    if (budget.maxRedirectChains !== undefined && report.links.redirects.length > budget.maxRedirectChains) {
      breaches.push({ rule: 'maxRedirectChains', limit: budget.maxRedirectChains, actual: report.links.redirects.length });
    }
  }
  const checkout = report.checkout;
  if (checkout && budget.checkout) {
    const { maxSteps, maxFormFields, maxErrors } = budget.checkout;
    if (maxSteps !== undefined && checkout.stepCount > maxSteps) breaches.push({ rule: 'checkout.maxSteps', limit: maxSteps, actual: checkout.stepCount });
    if (maxFormFields !== undefined && checkout.formFields > maxFormFields) breaches.push({ rule: 'checkout.maxFormFields', limit: maxFormFields, actual: checkout.formFields });
    if (maxErrors !== undefined) {
      const errors = checkout.steps.reduce((n, s) => n + s.jsErrors.length + s.failedRequests.length, 0) + (checkout.completed ? 0 : 1);
      if (errors > maxErrors) breaches.push({ rule: 'checkout.maxErrors', limit: maxErrors, actual: errors });
    }
  }
  return breaches;
}
