// Assertions in the spirit of Lighthouse CI's (`lighthouserc` "assert"): each key names a measurement, each
// value is a level (`off`, `warn`, `error`) and, for a numeric check, its limit. Budgets in our own format and
// Lighthouse's budget.json are turned into the same assertions, so there is one evaluator and one exit rule.
import { z } from 'zod';
import { TEMPLATES } from '../../report/schema.ts';

export const LEVELS = ['off', 'warn', 'error'] as const;
export type Level = (typeof LEVELS)[number];

/** As lhci documents them: over the runs of one page. `median-run` and `median` both use the median run. */
export const AGGREGATIONS = ['median', 'median-run', 'optimistic', 'pessimistic'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
/** lhci's default, kept so a lighthouserc assertion means the same here. */
export const DEFAULT_AGGREGATION: Aggregation = 'optimistic';

export type Check = 'maxNumericValue' | 'minScore' | 'maxLength' | 'passes';

/** Per-page Lighthouse metrics, by Lighthouse's audit id, and the report's field for each. */
export { METRIC_FIELDS, type MetricId } from './metrics.ts';
import { METRIC_FIELDS } from './metrics.ts';

/** Every assertion id and the one check it takes (a bare level is allowed where the check has a default). */
export const ASSERTION_CHECKS: Record<string, { check: Check; default?: number }> = {
  ...Object.fromEntries(Object.keys(METRIC_FIELDS).map((id) => [id, { check: 'maxNumericValue' as const }])),
  'categories:performance': { check: 'minScore', default: 1 },
  'store-score': { check: 'minScore', default: 1 },
  'broken-links': { check: 'maxLength', default: 0 },
  'redirect-chains': { check: 'maxLength', default: 0 },
  'checkout-completed': { check: 'passes' },
  'checkout-steps': { check: 'maxNumericValue' },
  'checkout-form-fields': { check: 'maxNumericValue' },
  'checkout-errors': { check: 'maxNumericValue', default: 0 },
};
export const ASSERTION_IDS = Object.keys(ASSERTION_CHECKS);

export interface AssertionSpec {
  id: string;
  level: Exclude<Level, 'off'>;
  check: Check;
  /** The limit; for minScore on the 0..1 scale lhci uses. Absent for `passes`. */
  expected?: number;
  aggregation: Aggregation;
  /** Only pages of these templates (per-page assertions). */
  templates?: string[];
  device?: 'mobile' | 'desktop';
  /** A Lighthouse budget path ("/products/*"): only pages whose path matches. */
  path?: string;
  /** Paths of later budgets: a page one of them matches is theirs (Lighthouse's last-match rule). */
  yieldsTo?: string[];
  /** The budget rule's own name (`maxBrokenLinks`, `lcpMs (product:mobile)`), kept in the report's breaches. */
  rule?: string;
  /** Where the assertion came from: `assertions`, `budget` or `budget.json`. */
  source: string;
}

const optionsSchema = z
  .object({
    maxNumericValue: z.number().nonnegative(),
    minScore: z.number().min(0).max(1),
    maxLength: z.number().int().nonnegative(),
    aggregationMethod: z.enum(AGGREGATIONS),
    templates: z.array(z.enum(TEMPLATES)).min(1),
    device: z.enum(['mobile', 'desktop']),
  })
  .partial()
  .strict();

const assertionValueSchema = z.union([z.enum(LEVELS), z.tuple([z.enum(LEVELS)]), z.tuple([z.enum(LEVELS), optionsSchema])]);

type AssertionValue = z.infer<typeof assertionValueSchema>;

/**
 * Each entry is checked on its own (its shape, then whether it makes sense for its id), so one bad entry never
 * hides the problems of the others.
 */
export const assertionsSchema = z.record(z.string(), z.unknown()).transform((record, ctx) => {
  const valid: Record<string, AssertionValue> = {};
  for (const [id, raw] of Object.entries(record)) {
    // Own keys only: "toString" or "constructor" in a config file is an unknown assertion, not Object's member.
    const known = Object.hasOwn(ASSERTION_CHECKS, id) ? ASSERTION_CHECKS[id] : undefined;
    if (!known) {
      ctx.addIssue({ code: 'custom', path: [id], message: `unknown assertion; known: ${ASSERTION_IDS.join(', ')}` });
      continue;
    }
    const parsed = assertionValueSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [id, ...issue.path], message: issue.message });
      continue;
    }
    const value = parsed.data;
    const options = Array.isArray(value) ? (value[1] ?? {}) : {};
    const given = (['maxNumericValue', 'minScore', 'maxLength'] as const).filter((k) => options[k] !== undefined);
    const before = ctx.issues.length;
    if (known.check === 'passes') {
      if (given.length) ctx.addIssue({ code: 'custom', path: [id], message: `takes no ${given.join(', ')}: it passes or fails` });
    } else if (given.some((k) => k !== known.check)) {
      ctx.addIssue({ code: 'custom', path: [id], message: `takes ${known.check}, not ${given.filter((k) => k !== known.check).join(', ')}` });
    } else if (!given.length && known.default === undefined) {
      ctx.addIssue({ code: 'custom', path: [id], message: `needs ${known.check}` });
    }
    const perPage = Object.hasOwn(METRIC_FIELDS, id) || id === 'categories:performance';
    if (!perPage && (options.templates || options.device)) {
      ctx.addIssue({ code: 'custom', path: [id], message: 'templates and device apply only to per-page assertions (metrics, categories:performance)' });
    }
    if (ctx.issues.length === before) valid[id] = value;
  }
  return valid;
});
export type AssertionsConfig = z.infer<typeof assertionsSchema>;

/** A validated `assertions` object becomes specs; `off` ones are dropped. */
export function specsFromAssertions(config: AssertionsConfig, aggregation: Aggregation = DEFAULT_AGGREGATION): AssertionSpec[] {
  const specs: AssertionSpec[] = [];
  for (const [id, value] of Object.entries(config)) {
    const [level, options = {}] = Array.isArray(value) ? value : [value];
    if (level === 'off') continue;
    const { check, default: fallback } = ASSERTION_CHECKS[id]!;
    const expected = check === 'passes' ? undefined : (options[check as Exclude<Check, 'passes'>] ?? fallback);
    specs.push({
      id,
      level,
      check,
      ...(expected === undefined ? {} : { expected }),
      aggregation: options.aggregationMethod ?? aggregation,
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.device ? { device: options.device } : {}),
      source: 'assertions',
    });
  }
  return specs;
}
