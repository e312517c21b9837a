// The versioned report contract. Every audit fills its own section; the advisor fills `fixes`.
// Field names are fixed by schemaVersion 1: add fields freely, never rename or remove one.
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const TEMPLATES = ['home', 'collection', 'product', 'page', 'blog', 'article', 'cart', 'search', 'other'] as const;
export const templateSchema = z.enum(TEMPLATES);
export type Template = z.infer<typeof templateSchema>;

export const deviceSchema = z.enum(['mobile', 'desktop']);
export type Device = z.infer<typeof deviceSchema>;

const range = z.object({ low: z.number(), central: z.number(), high: z.number() });

/**
 * A sentence for a person, as an id and parameters, never as English (Lighthouse's UIStrings model). The id is
 * `<namespace>.<key>`; each namespace's English strings sit beside the code that emits them and the other
 * locales' strings in `src/i18n/messages/`. Typed parameters are formatted per locale (units, money, dates) and
 * URLs and code are bidi-isolated when rendered: see `src/i18n/format-message.ts`.
 */
export const messageParamSchema = z.union([
  z.string(),
  z.number(),
  z.object({ kind: z.enum(['ms', 'bytes', 'percent', 'count']), value: z.number() }),
  z.object({ kind: z.literal('money'), value: z.number(), currency: z.string() }),
  z.object({ kind: z.enum(['url', 'code']), value: z.string() }),
  z.object({ kind: z.literal('date'), value: z.string() }),
  /** A parameter that is itself a message (a step name, a link kind). */
  z.object({ kind: z.literal('message'), value: z.object({ id: z.string(), params: z.record(z.string(), z.unknown()).optional() }) }),
]);
export type MessageParam = z.infer<typeof messageParamSchema>;
export const messageSchema = z.object({ id: z.string(), params: z.record(z.string(), messageParamSchema).optional() });
export type Message = z.infer<typeof messageSchema>;

const metricSpread = z.object({ min: z.number(), max: z.number() });

export const metricsSchema = z.object({
  lcpMs: z.number().nullable(),
  fcpMs: z.number().nullable(),
  tbtMs: z.number().nullable(),
  cls: z.number().nullable(),
  ttfbMs: z.number().nullable(),
  speedIndexMs: z.number().nullable(),
});
export type Metrics = z.infer<typeof metricsSchema>;

export const opportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  metricSavings: z.record(z.string(), z.number()),
  wastedBytes: z.number().nullable(),
  /** Lighthouse's own 0..1 score for the audit, when it has one. */
  score: z.number().nullable().optional(),
  displayValue: z.string().optional(),
  /** The resources behind the saving (URLs and per-item bytes/ms), as Lighthouse's details list them. */
  items: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

/** A range of measured deltas over N paired runs: the median and the spread. Positive = the page gets better without. */
const deltaSchema = z.object({ median: z.number(), min: z.number(), max: z.number() });

/** "Without this app": the page re-run with the app's URLs blocked (Lighthouse's blockedUrlPatterns). */
export const withoutAppSchema = z.object({
  runs: z.number().int(),
  blockedUrlPatterns: z.array(z.string()),
  /** Score points gained without the app (0..100 scale). */
  scoreDelta: deltaSchema.nullable(),
  lcpMsDelta: deltaSchema.nullable(),
  fcpMsDelta: deltaSchema.nullable(),
  tbtMsDelta: deltaSchema.nullable(),
  /** Set when the delta understates the app's cost (e.g. server-rendered markup that blocking cannot remove). */
  unreliable: messageSchema.nullable(),
  /** Wall time of the extra runs. */
  elapsedMs: z.number(),
  /** "Without Reviews Pro: +9 points (range +6 to +12), …". */
  text: messageSchema.optional(),
});
export type WithoutApp = z.infer<typeof withoutAppSchema>;

export const appCostSchema = z.object({
  name: z.string(),
  /**
   * `content` is the store's own pages and media; `unattributed` is what no rule could place, kept visible so
   * nothing is silently dropped (older reports have only the first four).
   */
  kind: z.enum(['theme', 'platform', 'app', 'third-party', 'content', 'unattributed']),
  /** Where the name comes from: the merchant/shop (`merchant`), the known-apps list, the app handle in the URL, the asset's file name, the host. */
  nameSource: z.enum(['merchant', 'known-app', 'handle', 'file', 'host', 'rule']).optional(),
  /** Extension uuid, when the owner is an app loaded through a theme app extension. */
  extensionId: z.string().optional(),
  urls: z.array(z.string()),
  transferBytes: z.number(),
  mainThreadMs: z.number(),
  /** renderBlockingMs + tbtMs (both capped at the page's totals). */
  blockingMs: z.number(),
  /** This owner's share of the page's render-blocking saving (Lighthouse's render-blocking insight), split by item. */
  renderBlockingMs: z.number().optional(),
  /** This owner's share of the page's Total Blocking Time, from its long tasks. */
  tbtMs: z.number().optional(),
  /** Measured cost, when the "without this app" runs were made for this page. */
  without: withoutAppSchema.optional(),
});
export type AppCost = z.infer<typeof appCostSchema>;

/** One app's measured cost across the pages Shopify weighs (home 17 %, product 40 %, collection 43 %). */
export const appImpactSchema = z.object({
  name: z.string(),
  /** Weighted score points the store gains without the app; null when no weighed page was measured. */
  weightedScoreDelta: z.number().nullable(),
  weights: z.record(z.string(), z.number()),
  /** Above Shopify's App Store limit of 10 points. */
  exceedsShopifyLimit: z.boolean(),
  unreliable: z.boolean(),
  text: messageSchema,
});
export type AppImpact = z.infer<typeof appImpactSchema>;

export const lcpPhasesSchema = z.object({
  ttfbMs: z.number().nullable(),
  loadDelayMs: z.number().nullable(),
  loadTimeMs: z.number().nullable(),
  renderDelayMs: z.number().nullable(),
});

export const loadTimePageSchema = z.object({
  url: z.string(),
  template: templateSchema,
  device: deviceSchema,
  runs: z.number().int(),
  score: z.number().nullable(),
  metrics: metricsSchema,
  spread: z.record(z.string(), metricSpread),
  opportunities: z.array(opportunitySchema),
  apps: z.array(appCostSchema),
  lcpElement: z.object({ selector: z.string().nullable(), snippet: z.string().nullable(), url: z.string().nullable() }).nullable().optional(),
  lcpPhases: lcpPhasesSchema.nullable().optional(),
  /** Set when the page could not be measured; the rest of the audit goes on. */
  error: z.string().nullable().optional(),
  /** Runs that failed while others succeeded (the page is reported from the successful ones). */
  runErrors: z.array(z.string()).optional(),
});
export type LoadTimePage = z.infer<typeof loadTimePageSchema>;

export const loadTimeSectionSchema = z.object({
  storeScore: z.number().nullable(),
  /** Weights actually used per template after renormalising for missing templates. */
  weights: z.record(z.string(), z.number()).optional(),
  notes: z.array(z.string()).optional(),
  /** Store score per device when both were measured; `storeScore` is the mobile one (what Shopify reports). */
  storeScores: z.object({ mobile: z.number().nullable().optional(), desktop: z.number().nullable().optional() }).optional(),
  pages: z.array(loadTimePageSchema),
  /** Measured per-app cost (the "without this app" runs), when they were made. */
  appImpacts: z.array(appImpactSchema).optional(),
  /** What the "without" runs cost: extra Lighthouse runs and their wall time. */
  withoutAppsCost: z.object({ apps: z.number().int(), extraRuns: z.number().int(), elapsedMs: z.number(), text: messageSchema }).optional(),
});
export type LoadTimeSection = z.infer<typeof loadTimeSectionSchema>;

export const failedRequestSchema = z.object({ url: z.string(), status: z.number().nullable(), error: z.string().optional() });

export const checkoutStepSchema = z.object({
  name: z.string(),
  url: z.string(),
  durationMs: z.number(),
  fields: z.array(z.string()),
  jsErrors: z.array(z.string()),
  consoleErrors: z.array(z.string()).optional(),
  failedRequests: z.array(failedRequestSchema),
  screenshot: z.string().nullable(),
  lcpMs: z.number().nullable().optional(),
  cls: z.number().nullable().optional(),
  flaky: z.boolean().optional(),
});
export type CheckoutStep = z.infer<typeof checkoutStepSchema>;

export const checkoutSectionSchema = z.object({
  completed: z.boolean(),
  stepCount: z.number().int(),
  formFields: z.number().int(),
  totalMs: z.number(),
  failure: z
    .object({
      step: z.string(),
      reason: z.enum(['selector-not-found', 'validation-error', 'timeout', 'crash', 'no-products', 'empty-cart', 'sold-out', 'password-protected', 'other']),
      message: z.string(),
      /**
       * Whose failure it is: `store` (an error, a 4xx/5xx, a validation message a shopper would see too) or
       * `auditor` (no selector matched, the journey could not tell): the latter is "could not test", never money.
       */
      origin: z.enum(['store', 'auditor']).optional(),
      text: messageSchema.optional(),
      field: z.string().optional(),
      /** The page the journey was on, and a screenshot of it (relative to the artifacts directory). */
      url: z.string().optional(),
      screenshot: z.string().nullable().optional(),
    })
    .nullable(),
  steps: z.array(checkoutStepSchema),
  benchmark: z.object({ steps: z.number(), fields: z.number(), source: z.string() }).optional(),
  /** The product the journey bought, and whether the theme's form or the Ajax cart API added it. */
  product: z.object({ url: z.string(), variantId: z.string().nullable(), addedVia: z.enum(['form', 'ajax']) }).nullable().optional(),
  /** Requests the never-pay guard aborted (order completion, card vault); empty on a normal run. */
  blockedRequests: z.array(z.object({ url: z.string(), method: z.string(), reason: z.string() })).optional(),
  /** Storefront stages before checkout (home, product, cart) that passed only on their retry. */
  flakyStages: z.array(z.string()).optional(),
  /**
   * Where the journey was configured to end: `payment` (the whole journey) or `checkout-start` (a live store:
   * only the first checkout page is recorded, so stepCount and formFields are not the checkout's).
   */
  stoppedAt: z.enum(['payment', 'checkout-start']).optional(),
});
export type CheckoutSection = z.infer<typeof checkoutSectionSchema>;

export const resourceKindSchema = z.enum(['page', 'image', 'script', 'stylesheet', 'media', 'other']);
export type ResourceKind = z.infer<typeof resourceKindSchema>;

export const linksSectionSchema = z.object({
  pagesCrawled: z.number().int(),
  linksChecked: z.number().int(),
  truncated: z.boolean(),
  truncatedAt: z.array(z.string()).optional(),
  /** truncatedAt as messages, same order (additive: reports before it have only the English strings). */
  truncatedText: z.array(messageSchema).optional(),
  broken: z.array(
    z.object({
      url: z.string(),
      status: z.number().nullable(),
      error: z.string().nullable(),
      kind: resourceKindSchema,
      foundOn: z.array(z.string()),
      /** What is wrong, as a message in the 'links' namespace. */
      text: messageSchema.optional(),
    }),
  ),
  redirects: z.array(
    z.object({ url: z.string(), chain: z.array(z.string()), finalUrl: z.string(), finalStatus: z.number().nullable(), foundOn: z.array(z.string()) }),
  ),
  unverified: z.array(z.object({ url: z.string(), reason: z.string(), foundOn: z.array(z.string()), text: messageSchema.optional() })).optional(),
  slowPages: z.array(z.object({ url: z.string(), ttfbMs: z.number(), bytes: z.number().optional() })),
  /** mailto:, tel:, javascript: and other non-http references seen and deliberately not checked. */
  skipped: z.number().int().optional(),
  notes: z.array(z.string()).optional(),
});
export type LinksSection = z.infer<typeof linksSectionSchema>;

export const FIX_CATEGORIES = [
  'images', 'render-blocking', 'server-response', 'third-party-apps', 'layout-shift', 'javascript',
  'fonts', 'caching', 'broken-links', 'redirects', 'checkout', 'other',
] as const;

export const fixSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(FIX_CATEGORIES),
  pages: z.array(z.string()),
  evidence: z.string(),
  howTo: z.array(z.string()),
  impact: z.object({
    metric: z.string(),
    savingMs: z.number().nullable(),
    conversionLiftPct: range,
    revenuePerMonth: range.extend({ currency: z.string() }),
    confidence: z.enum(['low', 'medium', 'high']),
    basis: z.string(),
  }),
  /** The same texts as messages, for rendering in the reader's language (title, evidence, how-to, basis). */
  text: z
    .object({ title: messageSchema, evidence: messageSchema, howTo: z.array(messageSchema), basis: messageSchema.optional() })
    .optional(),
});
export type Fix = z.infer<typeof fixSchema>;

export const comparisonSchema = z.object({
  previous: z.object({ startedAt: z.string() }),
  outcomes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** `not-confirmed`: gone from this audit, but its metric did not clearly improve (noise, not a fix). */
      status: z.enum(['resolved', 'open', 'not-rechecked', 'not-confirmed']),
      estimate: fixSchema.shape.impact,
      /** before − after: positive is better. */
      measured: z.object({ metric: z.string(), before: z.number().nullable(), after: z.number().nullable(), change: z.number().nullable() }).nullable(),
    }),
  ),
  newFixes: z.array(z.string()),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const pageSchema = z.object({ url: z.string(), template: templateSchema });

export const reportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  store: z.object({ url: z.string(), truncated: z.boolean().optional() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  pages: z.array(pageSchema),
  loadTime: loadTimeSectionSchema.nullable(),
  checkout: checkoutSectionSchema.nullable(),
  links: linksSectionSchema.nullable(),
  fixes: z.array(fixSchema),
  /** Store inputs the advisor used, and which were assumed. */
  inputs: z.record(z.string(), z.unknown()).optional(),
  /** Before/after against the previous report of the same store, when there was one. */
  comparison: comparisonSchema.optional(),
  budget: z.object({ breaches: z.array(z.object({ rule: z.string(), limit: z.number(), actual: z.number(), page: z.string().optional() })) }).optional(),
  errors: z.array(z.object({ audit: z.string(), message: z.string(), text: messageSchema.optional() })),
  /**
   * What all fixes are worth together (computed jointly, so at least the largest fix and at most the plain sum),
   * against the store's monthly revenue, with every input the figures rest on and where it came from.
   */
  impactSummary: z
    .object({
      monthlyRevenue: z.object({ central: z.number(), currency: z.string() }),
      totalAtStake: range.extend({ currency: z.string() }),
      shareOfRevenue: range,
      inputs: z.array(
        z.object({
          /** e.g. monthlySessions, conversionRate, averageOrderValue, templateShares, deviceShares, fieldLcp */
          name: z.string(),
          value: z.unknown(),
          source: z.enum(['shopify', 'rum', 'shopify-field', 'cli', 'config', 'entered', 'default']),
          text: messageSchema.optional(),
        }),
      ),
    })
    .optional(),
});
export type Report = z.infer<typeof reportSchema>;

/** Throws a readable error listing every field that does not match the schema. */
export function validateReport(value: unknown): Report {
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`report does not match schemaVersion ${SCHEMA_VERSION}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
