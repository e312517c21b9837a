// Budgets become assertions at level `error`: ours (templates, broken links, checkout; see
// src/advisor/budget.ts) and Lighthouse's budget.json (an array of {path, timings, resourceSizes,
// resourceCounts}; https://github.com/GoogleChrome/budget.json). Lighthouse budgets compare the median run, as
// `lighthouse --budget-path` does.
import { z } from 'zod';
import type { Budget } from '../../advisor/budget.ts';
import { METRIC_FIELDS, type AssertionSpec, type MetricId } from './spec.ts';

const FIELD_TO_METRIC = Object.fromEntries(Object.entries(METRIC_FIELDS).map(([id, field]) => [field, id])) as Record<string, MetricId>;

export function specsFromBudget(budget: Budget): AssertionSpec[] {
  const specs: AssertionSpec[] = [];
  const base = { level: 'error', aggregation: 'median', source: 'budget' } as const;
  for (const [key, limits] of Object.entries(budget.templates ?? {})) {
    const [template, device] = key.split(':') as [string, 'mobile' | 'desktop' | undefined];
    for (const [field, limit] of Object.entries(limits)) {
      if (limit === undefined) continue;
      specs.push({
        ...base,
        id: FIELD_TO_METRIC[field]!,
        rule: `${field} (${key})`,
        check: 'maxNumericValue',
        expected: limit,
        ...(template === '*' ? {} : { templates: [template] }),
        ...(device ? { device } : {}),
      });
    }
  }
  if (budget.maxBrokenLinks !== undefined) specs.push({ ...base, id: 'broken-links', rule: 'maxBrokenLinks', check: 'maxLength', expected: budget.maxBrokenLinks });
  if (budget.maxRedirectChains !== undefined) specs.push({ ...base, id: 'redirect-chains', rule: 'maxRedirectChains', check: 'maxLength', expected: budget.maxRedirectChains });
  const checkout = budget.checkout ?? {};
  if (checkout.maxSteps !== undefined) specs.push({ ...base, id: 'checkout-steps', rule: 'checkout.maxSteps', check: 'maxNumericValue', expected: checkout.maxSteps });
  if (checkout.maxFormFields !== undefined) specs.push({ ...base, id: 'checkout-form-fields', rule: 'checkout.maxFormFields', check: 'maxNumericValue', expected: checkout.maxFormFields });
  if (checkout.maxErrors !== undefined) specs.push({ ...base, id: 'checkout-errors', rule: 'checkout.maxErrors', check: 'maxNumericValue', expected: checkout.maxErrors });
  return specs;
}

/** Lighthouse's timing metrics; the ones this auditor does not measure are refused up front, not skipped. */
const LIGHTHOUSE_TIMINGS = ['first-contentful-paint', 'interactive', 'first-meaningful-paint', 'max-potential-fid', 'total-blocking-time', 'speed-index', 'largest-contentful-paint', 'cumulative-layout-shift'] as const;

const MEASURED_TIMINGS = LIGHTHOUSE_TIMINGS.filter((m) => m in METRIC_FIELDS);

/** Lighthouse's path rules (robots.txt style): starts with "/", at most one "*", "$" only at the end. */
const pathSchema = z
  .string()
  .refine((p) => p.startsWith('/'), "a path starts with '/'")
  .refine((p) => (p.match(/\*/g) ?? []).length <= 1, "a path has at most one '*'")
  .refine((p) => (p.match(/\$/g) ?? []).length <= 1 && (!p.includes('$') || p.endsWith('$')), "'$' may only end a path");

const notMeasured = (what: string) => `${what} budgets need Lighthouse's resource-summary, which the report does not keep yet; use a timings budget or the assertions in the config file`;

export const lighthouseBudgetSchema = z.array(
  z
    .object({
      path: pathSchema.optional(),
      options: z.object({ firstPartyHostnames: z.array(z.string()) }).partial().strict().optional(),
      timings: z
        .array(
          z
            .object({ metric: z.enum(LIGHTHOUSE_TIMINGS), budget: z.number().nonnegative() })
            .strict()
            .superRefine((t, ctx) => {
              if (!(t.metric in METRIC_FIELDS)) ctx.addIssue({ code: 'custom', path: ['metric'], message: `"${t.metric}" is not measured; choose from ${MEASURED_TIMINGS.join(', ')}` });
            }),
        )
        .optional(),
      resourceSizes: z.array(z.unknown()).max(0, notMeasured('resourceSizes')).optional(),
      resourceCounts: z.array(z.unknown()).max(0, notMeasured('resourceCounts')).optional(),
    })
    .strict(),
);
export type LighthouseBudget = z.infer<typeof lighthouseBudgetSchema>;

export function specsFromLighthouseBudget(budgets: LighthouseBudget): AssertionSpec[] {
  // Lighthouse applies only the last budget whose path matches a page, so each budget yields to later ones.
  return budgets.flatMap((budget, index) => {
    const later = budgets.slice(index + 1).map((b) => b.path ?? '/');
    return (budget.timings ?? []).map(
      (timing): AssertionSpec => ({
        id: timing.metric,
        level: 'error',
        check: 'maxNumericValue',
        expected: timing.budget,
        aggregation: 'median',
        ...(budget.path && budget.path !== '/' ? { path: budget.path } : {}),
        ...(later.length ? { yieldsTo: later } : {}),
        source: 'budget.json',
      }),
    );
  });
}

export { pathMatches } from './metrics.ts';
