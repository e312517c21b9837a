// The checkout audit: walks the purchase path like a shopper, up to (never through) the payment step.
import type { CheckoutSection } from '../../src/report/schema.ts';
import type { Audit } from '../types.ts';
import { runCheckoutJourney } from './journey.ts';
import { checkoutOptionsSchema, resolveCheckoutOptions, type CheckoutOptionsInput } from './options.ts';

export const checkoutAudit: Audit<CheckoutOptionsInput, CheckoutSection> = {
  id: 'checkout',
  section: 'checkout',
  title: 'Checkout journey',
  defaults: checkoutOptionsSchema.parse({}),
  run(context, options) {
    return runCheckoutJourney(context, resolveCheckoutOptions(options));
  },
  // A three-page journey takes 2.6 s on the demo store (docs/checkout-audit.md), plus Chromium's start and a
  // real theme's pop-ups and late shipping rates.
  expectedMs: () => 6_000,
};

export { runCheckoutJourney, BAYMARD_BENCHMARK } from './journey.ts';
export { resolveCheckoutOptions, CheckoutOptionsError, type CheckoutOptions, type CheckoutOptionsInput, type CustomStep } from './options.ts';
export { DEFAULT_SELECTORS, type CheckoutSelectors } from './selectors.ts';
export { DEFAULT_TEST_ADDRESS, type TestAddress } from './test-address.ts';
export { completionReason, PAYMENT_ACTION, PAY_NOW_ACTION } from './payment-guard.ts';
