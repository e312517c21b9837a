// Checkout failures and friction, priced as checkout starts × abandonment × Baymard's share for the reason ×
// the recovery share a fix can win back. The fixes of one reason share that reason's pool (pools.ts combines
// them jointly); a failure of our own journey (`origin: 'auditor'`) is "could not test", never money.
import type { CheckoutSection } from '../../report/schema.ts';
import { BAYMARD_CHECKOUT, BAYMARD_REASON_SHARE, CHECKOUT_RECOVERY } from '../defaults.ts';
import { monthlyRevenue } from '../inputs.ts';
import type { Candidate, Range, ResolvedInputs } from '../types.ts';
import { pathOf, slug } from './util.ts';

/** Failures caused by the store's catalogue or settings rather than a checkout fault. */
/** A checkout counts as long from 25 % above Baymard's average number of fields. */
const FRICTION_FACTOR = 1.25;

const NOT_A_FAULT = new Set(['no-products', 'sold-out', 'password-protected', 'empty-cart']);

export type CheckoutPool = 'siteErrors' | 'tooLongOrComplicated';

/** The abandoners one Baymard reason stands for: the most any set of fixes for that reason can win back. */
export function checkoutPoolOrders(inputs: ResolvedInputs, pool: CheckoutPool): number {
  return inputs.checkoutStarts.value * inputs.checkoutAbandonment.value * BAYMARD_REASON_SHARE[pool];
}

function priced(inputs: ResolvedInputs, pool: CheckoutPool, recovery: Range, reasonLabel: string, recoveryLabel: string) {
  const reasonShare = BAYMARD_REASON_SHARE[pool];
  const abandoners = checkoutPoolOrders(inputs, pool);
  const revenue = {
    low: abandoners * recovery.low * inputs.averageOrderValue.value,
    central: abandoners * recovery.central * inputs.averageOrderValue.value,
    high: abandoners * recovery.high * inputs.averageOrderValue.value,
  };
  const base = monthlyRevenue(inputs) || 1;
  return {
    revenuePerMonth: revenue,
    conversionLiftPct: { low: (revenue.low / base) * 100, central: (revenue.central / base) * 100, high: (revenue.high / base) * 100 },
    basis: `${Math.round(inputs.checkoutStarts.value)} checkout starts/month (${inputs.checkoutStarts.source}) × ${Math.round(inputs.checkoutAbandonment.value * 100)}% checkout abandonment (${inputs.checkoutAbandonment.source === 'default' ? 'assumed; Baymard\'s 70 % is cart abandonment' : inputs.checkoutAbandonment.source}) × Baymard's ${Math.round(reasonShare * 100)}% "${reasonLabel}" (survey, multi-select) × ${recovery.central * 100}% ${recoveryLabel} recovery (assumed), shared with the other "${reasonLabel}" fixes.`,
    pool: `checkout:${pool}`,
    poolCap: abandoners * inputs.averageOrderValue.value,
  };
}

export function checkoutRules(checkout: CheckoutSection | null, inputs: ResolvedInputs): Candidate[] {
  if (!checkout) return [];
  const out: Candidate[] = [];
  const f = checkout.failure;
  // Our own journey failed (no selector matched, it could not tell): the store may be fine. Not a fix, not money:
  // advise.ts lists it as "could not test".
  if (!checkout.completed && f && !NOT_A_FAULT.has(f.reason) && f.origin !== 'auditor') {
    const step = checkout.steps.find((s) => s.name === f.step);
    out.push({
      kind: 'direct', id: 'checkout-failure', category: 'checkout', pages: step ? [step.url] : [],
      title: `Fix the checkout: shoppers cannot get past “${f.step}”`,
      evidence: `checkout stopped at step ${f.step}: ${f.reason}${f.field ? ` on field ${f.field}` : ''}: ${f.message}`,
      howTo: [
        `Reproduce it: add a product to the cart and go through checkout to the ${f.step} step on a phone.`,
        f.reason === 'validation-error' ? `Check the rule that rejects ${f.field ?? 'the field'} (checkout settings, a checkout UI extension or a validation Function) against real addresses.` : 'Disable checkout UI extensions and apps that touch checkout one at a time until the step works.',
        'Watch Analytics › Reports › Checkout conversion for the step after the fix.',
      ],
      impact: { metric: 'checkout', savingMs: null, confidence: 'medium', ...priced(inputs, 'siteErrors', CHECKOUT_RECOVERY.blocking, 'site errors/crashes', 'blocking-error') },
    });
  }
  for (const step of checkout.steps) {
    if (step.jsErrors.length) {
      out.push({
        kind: 'direct', id: `checkout-js-error:${slug(step.name)}`, category: 'checkout', pages: [step.url],
        title: `Fix the JavaScript error on the checkout “${step.name}” step`,
        evidence: `step ${step.name} (${pathOf(step.url)}): ${step.jsErrors.length} uncaught error(s): ${step.jsErrors.slice(0, 2).join(' | ')}`,
        howTo: [
          `Open ${pathOf(step.url)} with the browser console open and find the script that throws (${step.jsErrors[0]?.slice(0, 80) ?? ''}).`,
          'It usually comes from a checkout UI extension, a web pixel or an app script: update or disable it, or fix the custom code (checkout.liquid is retired, so move customisations to checkout extensibility).',
        ],
        impact: { metric: 'checkout', savingMs: null, confidence: 'medium', ...priced(inputs, 'siteErrors', CHECKOUT_RECOVERY['js-error'], 'site errors/crashes', 'js-error') },
      });
    }
    if (step.failedRequests.length) {
      const req = step.failedRequests[0];
      out.push({
        kind: 'direct', id: `checkout-failed-request:${slug(step.name)}`, category: 'checkout', pages: [step.url],
        title: `Fix the failing request on the checkout “${step.name}” step`,
        evidence: `step ${step.name}: ${step.failedRequests.map((r) => `${pathOf(r.url)} → ${r.status ?? r.error ?? 'failed'}`).join(', ')}`,
        howTo: [
          `Find what calls ${req ? pathOf(req.url) : 'the failing URL'} (usually an app, pixel or tracking script) and fix its endpoint or remove it.`,
          'Make sure a failing background call cannot block the Continue button or show an error to the shopper.',
        ],
        impact: { metric: 'checkout', savingMs: null, confidence: 'low', ...priced(inputs, 'siteErrors', CHECKOUT_RECOVERY['failed-request'], 'site errors/crashes', 'failed-request') },
      });
    }
  }
  const bench = checkout.benchmark ?? { steps: BAYMARD_CHECKOUT.steps, fields: BAYMARD_CHECKOUT.fields };
  // Only clearly longer than average: every checkout needs an address and a card.
  if (checkout.formFields >= bench.fields * FRICTION_FACTOR) {
    out.push({
      kind: 'direct', id: 'checkout-friction', category: 'checkout', pages: checkout.steps.map((s) => s.url).slice(0, 1),
      title: 'Ask for fewer fields at checkout',
      evidence: `${checkout.formFields} form fields over ${checkout.stepCount} steps (Baymard average: ${bench.fields} fields, ${bench.steps} steps)`,
      howTo: [
        'In Settings › Checkout, make company name and address line 2 hidden or optional, and the phone number optional.',
        'Turn on Shop Pay and other accelerated checkouts so returning shoppers skip the forms.',
        'Keep account creation optional (customer accounts: guest checkout allowed).',
      ],
      impact: { metric: 'checkout', savingMs: null, confidence: 'low', ...priced(inputs, 'tooLongOrComplicated', CHECKOUT_RECOVERY.friction, 'too long/complicated', 'friction') },
    });
  }
  return out;
}
