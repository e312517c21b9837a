// The checkout audit's options, validated once at the top of run(): bad config fails with a message naming
// the field, before a browser starts. Unknown keys (the engine passes generic ones like `runs`) are dropped.
import { z } from 'zod';
import { DEFAULT_SELECTORS, selectorsSchema } from './selectors.ts';
import { DEFAULT_TEST_ADDRESS, testAddressSchema } from './test-address.ts';

const customActionSchema = z.union([
  z.object({ fill: z.string().min(1), value: z.string() }),
  z.object({ select: z.string().min(1), value: z.string() }),
  z.object({ check: z.string().min(1) }),
  z.object({ click: z.string().min(1) }),
]);
export type CustomAction = z.infer<typeof customActionSchema>;

/** A store-specific page in the checkout (or a fix-up on a known one): matched by URL or by a selector. */
const customStepSchema = z
  .object({
    name: z.string().min(1),
    /** Substring (or /regex/) of the page URL. */
    urlMatches: z.string().min(1).optional(),
    /** A selector present only on that page. */
    whenSelector: z.string().min(1).optional(),
    /** Run after autofill, before pressing continue. Clicks go through the payment guard like any other. */
    actions: z.array(customActionSchema).default([]),
    continueSelector: z.string().min(1).optional(),
  })
  .refine((s) => s.urlMatches !== undefined || s.whenSelector !== undefined, { message: 'needs urlMatches or whenSelector' });
export type CustomStep = z.infer<typeof customStepSchema>;

export const checkoutOptionsSchema = z.object({
  /** A product page to use instead of finding one from home (path or absolute URL). */
  productUrl: z.string().min(1).nullable().default(null),
  homePath: z.string().default('/'),
  cartPath: z.string().default('/cart'),
  /** Ajax Cart API endpoint for the fallback when the theme's product form is missing. */
  cartAddPath: z.string().default('/cart/add.js'),
  address: testAddressSchema.partial().default({}),
  selectors: selectorsSchema.partial().default({}),
  customSteps: z.array(customStepSchema).default([]),
  /** Extra URL patterns (regex sources) the never-pay guard refuses, on top of the built-in ones. */
  blockUrlPatterns: z.array(z.string()).default([]),
  device: z.enum(['mobile', 'desktop', 'both']).default('mobile'),
  stepTimeoutMs: z.number().int().positive().default(20_000),
  /** Retry a step that timed out or lost an element once; a pass on retry marks the step flaky. */
  retryFlakySteps: z.boolean().default(true),
  maxCheckoutPages: z.number().int().positive().max(20).default(8),
  maxProductCandidates: z.number().int().positive().default(5),
  screenshots: z.boolean().default(true),
  /**
   * Where the journey ends: at the payment step (a development store with the Bogus Gateway: the full
   * journey), or on the first checkout page (`checkout-start`: a live store, where checkouts are for humans).
   */
  stopAt: z.enum(['payment', 'checkout-start']).default('payment'),
});
export type CheckoutOptionsInput = z.input<typeof checkoutOptionsSchema>;
type Parsed = z.output<typeof checkoutOptionsSchema>;

export interface CheckoutOptions extends Omit<Parsed, 'address' | 'selectors' | 'blockUrlPatterns'> {
  address: typeof DEFAULT_TEST_ADDRESS;
  selectors: typeof DEFAULT_SELECTORS;
  blockUrlPatterns: RegExp[];
}

export class CheckoutOptionsError extends Error {
  override name = 'CheckoutOptionsError';
}

export function resolveCheckoutOptions(input: unknown = {}): CheckoutOptions {
  const parsed = checkoutOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `checkout.${i.path.join('.')}: ${i.message}`);
    throw new CheckoutOptionsError(`invalid checkout options:\n${lines.join('\n')}`);
  }
  const options = parsed.data;
  const blockUrlPatterns = options.blockUrlPatterns.map((source) => {
    try {
      return new RegExp(source, 'i');
    } catch (error) {
      throw new CheckoutOptionsError(`invalid checkout options:\ncheckout.blockUrlPatterns: ${(error as Error).message}`);
    }
  });
  return {
    ...options,
    address: { ...DEFAULT_TEST_ADDRESS, ...options.address },
    selectors: { ...DEFAULT_SELECTORS, ...options.selectors },
    blockUrlPatterns,
  };
}
