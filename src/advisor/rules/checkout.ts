// Checkout failures and friction, priced as checkout starts × abandonment × Baymard's share for the reason ×
// the recovery share a fix can win back. The fixes of one reason share that reason's pool (pools.ts combines
// them jointly); a failure of our own journey (`origin: 'auditor'`) is "could not test", never money.
import type { CheckoutSection } from '../../report/schema.ts';
import { BAYMARD_CHECKOUT, BAYMARD_REASON_SHARE, CHECKOUT_RECOVERY } from '../defaults.ts';
import { monthlyRevenue } from '../inputs.ts';
import type { Candidate, Range, ResolvedInputs } from '../types.ts';
import { basisMsg } from '../../i18n/messages/basis.ts';
import { percent } from '../../report/message.ts';
import { code, count, fixMsg, fixWords, nested, stepParam, url } from '../fix-text.ts';
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

function priced(inputs: ResolvedInputs, pool: CheckoutPool, recovery: Range, recoveryKind: 'blocking-error' | 'js-error' | 'failed-request' | 'friction') {
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
    basis: basisMsg('checkout', {
      starts: count(Math.round(inputs.checkoutStarts.value)),
      startsSource: nested({ id: `advisor.source.${inputs.checkoutStarts.source}` }),
      abandonment: percent(Math.round(inputs.checkoutAbandonment.value * 100)),
      abandonmentSource: inputs.checkoutAbandonment.source === 'default' ? nested(basisMsg('abandonmentAssumed')) : nested({ id: `advisor.source.${inputs.checkoutAbandonment.source}` }),
      reasonShare: percent(Math.round(reasonShare * 100)),
      reason: nested(basisMsg(`reason.${pool}`)),
      recovery: percent(recovery.central * 100),
      recoveryKind: nested(basisMsg(`recovery.${recoveryKind}`)),
    }),
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
      ...fixWords(
        fixMsg('checkoutFailure.title', { step: stepParam(f.step) }),
        fixMsg('checkoutFailure.evidence', { step: stepParam(f.step), reason: code(f.reason), hasField: f.field ? 1 : 0, field: code(f.field ?? ''), message: f.message }),
        [
          fixMsg('checkoutFailure.howToReproduce', { step: stepParam(f.step) }),
          f.reason === 'validation-error'
            ? fixMsg('checkoutFailure.howToValidation', { field: f.field ? code(f.field) : nested(fixMsg('checkoutFailure.theField')) })
            : fixMsg('checkoutFailure.howToExtensions'),
          fixMsg('checkoutFailure.howToWatch'),
        ],
      ),
      impact: { metric: 'checkout', savingMs: null, confidence: 'medium', ...priced(inputs, 'siteErrors', CHECKOUT_RECOVERY.blocking, 'blocking-error') },
    });
  }
  for (const step of checkout.steps) {
    if (step.jsErrors.length) {
      out.push({
        kind: 'direct', id: `checkout-js-error:${slug(step.name)}`, category: 'checkout', pages: [step.url],
        ...fixWords(
          fixMsg('checkoutJsError.title', { step: stepParam(step.name) }),
          fixMsg('checkoutJsError.evidence', { step: stepParam(step.name), path: url(pathOf(step.url)), n: step.jsErrors.length, errors: code(step.jsErrors.slice(0, 2).join(' | ')) }),
          [
            fixMsg('checkoutJsError.howToConsole', { path: url(pathOf(step.url)), error: code(step.jsErrors[0]?.slice(0, 80) ?? '') }),
            fixMsg('checkoutJsError.howToSource'),
          ],
        ),
        impact: { metric: 'checkout', savingMs: null, confidence: 'medium', ...priced(inputs, 'siteErrors', CHECKOUT_RECOVERY['js-error'], 'js-error') },
      });
    }
    if (step.failedRequests.length) {
      const req = step.failedRequests[0];
      out.push({
        kind: 'direct', id: `checkout-failed-request:${slug(step.name)}`, category: 'checkout', pages: [step.url],
        ...fixWords(
          fixMsg('checkoutFailedRequest.title', { step: stepParam(step.name) }),
          fixMsg('checkoutFailedRequest.evidence', { step: stepParam(step.name), requests: code(step.failedRequests.map((r) => `${pathOf(r.url)} → ${r.status ?? r.error ?? 'failed'}`).join(', ')) }),
          [
            fixMsg('checkoutFailedRequest.howToFind', { url: req ? url(pathOf(req.url)) : nested(fixMsg('checkoutFailedRequest.theUrl')) }),
            fixMsg('checkoutFailedRequest.howToNoBlock'),
          ],
        ),
        impact: { metric: 'checkout', savingMs: null, confidence: 'low', ...priced(inputs, 'siteErrors', CHECKOUT_RECOVERY['failed-request'], 'failed-request') },
      });
    }
  }
  const bench = checkout.benchmark ?? { steps: BAYMARD_CHECKOUT.steps, fields: BAYMARD_CHECKOUT.fields };
  // Only clearly longer than average: every checkout needs an address and a card.
  if (checkout.formFields >= bench.fields * FRICTION_FACTOR) {
    out.push({
      kind: 'direct', id: 'checkout-friction', category: 'checkout', pages: checkout.steps.map((s) => s.url).slice(0, 1),
      ...fixWords(
        fixMsg('checkoutFriction.title'),
        fixMsg('checkoutFriction.evidence', { fields: count(checkout.formFields), steps: count(checkout.stepCount), avgFields: count(bench.fields), avgSteps: count(bench.steps) }),
        [fixMsg('checkoutFriction.howToOptional'), fixMsg('checkoutFriction.howToShopPay'), fixMsg('checkoutFriction.howToGuest')],
      ),
      impact: { metric: 'checkout', savingMs: null, confidence: 'low', ...priced(inputs, 'tooLongOrComplicated', CHECKOUT_RECOVERY.friction, 'friction') },
    });
  }
  return out;
}
