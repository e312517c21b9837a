// The checkout audit's pure parts: autofill choices, the never-pay patterns, options, retries, step names.
import { afterEach, describe, expect, it } from 'vitest';
import { autocompleteToken, chooseAutofillValue, type FieldDescriptor } from '../../audits/checkout/autofill.ts';
import { stepNameFromUrl } from '../../audits/checkout/custom-steps.ts';
import { JourneyFailure } from '../../audits/checkout/failure.ts';
import { completionReason, isPaymentIntent, PAY_NOW_ACTION } from '../../audits/checkout/payment-guard.ts';
import { resolveCheckoutOptions } from '../../audits/checkout/options.ts';
import { Heartbeat, PROGRESS_CAP, runStep } from '../../audits/checkout/run-step.ts';
import { DEFAULT_TEST_ADDRESS } from '../../audits/checkout/test-address.ts';

const field = (over: Partial<FieldDescriptor>): FieldDescriptor => ({ tag: 'input', type: 'text', name: '', id: '', autocomplete: '', label: '', ...over });
const address = DEFAULT_TEST_ADDRESS;

describe('autofill value chooser', () => {
  it('reads the autofill field name out of a full autocomplete attribute', () => {
    expect(autocompleteToken('section-ship shipping given-name')).toBe('given-name');
    expect(autocompleteToken('billing postal-code')).toBe('postal-code');
    expect(autocompleteToken('off')).toBe('');
  });

  it('prefers autocomplete, then the input type, then name/id/label', () => {
    // autocomplete wins over a misleading name
    expect(chooseAutofillValue(field({ autocomplete: 'family-name', name: 'firstName' }), address)).toEqual({ kind: 'value', candidates: [address.lastName] });
    expect(chooseAutofillValue(field({ type: 'email', name: 'contact' }), address)).toEqual({ kind: 'value', candidates: [address.email] });
    expect(chooseAutofillValue(field({ type: 'tel', name: 'x' }), address)).toEqual({ kind: 'value', candidates: [address.phone] });
    expect(chooseAutofillValue(field({ name: 'checkout[shipping_address][zip]' }), address)).toEqual({ kind: 'value', candidates: [address.postalCode] });
    expect(chooseAutofillValue(field({ label: 'Apartment, suite, etc.' }), address)).toEqual({ kind: 'value', candidates: [address.address2] });
    expect(chooseAutofillValue(field({ tag: 'select', autocomplete: 'address-level1' }), address)).toEqual({ kind: 'value', candidates: [address.province, address.provinceName] });
    expect(chooseAutofillValue(field({ tag: 'select', name: 'country' }), address)).toEqual({ kind: 'value', candidates: ['US', 'United States'] });
    expect(chooseAutofillValue(field({ name: 'gift_message' }), address)).toEqual({ kind: 'unknown' });
  });

  it('never offers a value for a card field, whatever hints it', () => {
    for (const f of [field({ autocomplete: 'cc-number' }), field({ autocomplete: 'billing cc-csc' }), field({ name: 'verificationCode' }), field({ label: 'Name on card', autocomplete: 'name' }), field({ id: 'card_number' })]) {
      expect(chooseAutofillValue(f, address)).toEqual({ kind: 'payment' });
    }
  });

  it('takes overrides of the test address from options', () => {
    const options = resolveCheckoutOptions({ address: { postalCode: '94103', city: 'San Francisco' } });
    expect(options.address).toMatchObject({ postalCode: '94103', city: 'San Francisco', email: address.email });
  });
});

describe('never-pay patterns', () => {
  it('flags order completion, order status, card vaults and completion mutations', () => {
    expect(completionReason('https://s.test/checkouts/cn/abc/complete', 'POST', undefined)).toBe('order completion URL');
    expect(completionReason('https://s.test/checkouts/cn/abc/thank-you', 'GET', undefined)).toBe('order completion URL');
    expect(completionReason('https://s.test/checkouts/c/abc/processing?x=1', 'GET', undefined)).toBe('order completion URL');
    expect(completionReason('https://s.test/12345/orders/abcdef', 'GET', undefined)).toBe('order status URL');
    expect(completionReason('https://deposit.us.shopifycs.com/sessions', 'POST', '{}')).toBe('card vault host');
    expect(completionReason('https://s.test/checkouts/unstable/graphql', 'POST', '{"operationName":"SubmitForCompletion"}')).toBe('order completion operation');
    expect(completionReason('https://s.test/checkouts/x', 'POST', undefined, [/\/x$/i])).toMatch(/^configured pattern/);
  });

  it('lets the rest of a checkout through', () => {
    for (const url of ['https://s.test/checkouts/cn/abc/information', 'https://s.test/checkouts/cn/abc/payment', 'https://s.test/pages/complete-guide', 'https://s.test/products/completion-kit', 'https://s.test/cart/add.js']) {
      expect(completionReason(url, 'POST', undefined)).toBeNull();
    }
    // The same mutation name read by a GET is not a write.
    expect(completionReason('https://s.test/graphql?operationName=SubmitForCompletion', 'GET', undefined)).toBeNull();
  });

  it('reads pay buttons as paying and continue buttons as not', () => {
    for (const text of ['Pay now', 'Complete order', 'Place order', 'Pay $45.00', 'Confirm and pay', 'Buy now', 'Shop Pay']) {
      expect(isPaymentIntent({ text, formAction: null }), text).toBe(true);
    }
    for (const text of ['Continue to payment', 'Continue to shipping', 'Add to cart', 'Check out', 'PayPal']) {
      expect(isPaymentIntent({ text, formAction: null }), text).toBe(false);
    }
    expect(isPaymentIntent({ text: 'Continue', formAction: 'https://s.test/checkouts/cn/abc/complete' })).toBe(true);
    // Detection is narrower than refusal: an express "Shop Pay" button does not make a page the payment step.
    expect(PAY_NOW_ACTION.test('Shop Pay')).toBe(false);
    expect(PAY_NOW_ACTION.test('Pay now')).toBe(true);
  });
});

describe('options', () => {
  it('fills defaults and drops keys it does not know (the engine passes generic ones)', () => {
    const options = resolveCheckoutOptions({ runs: 3, maxPages: 10 });
    expect(options.stepTimeoutMs).toBe(20_000);
    expect(options.selectors.checkoutButton).toContain('button[name="checkout"]');
    expect('runs' in options).toBe(false);
  });

  it('rejects bad values naming the field', () => {
    expect(() => resolveCheckoutOptions({ stepTimeoutMs: 0 })).toThrow(/checkout\.stepTimeoutMs/);
    expect(() => resolveCheckoutOptions({ selectors: { productForm: '' } })).toThrow(/checkout\.selectors\.productForm/);
    expect(() => resolveCheckoutOptions({ blockUrlPatterns: ['(unclosed'] })).toThrow(/checkout\.blockUrlPatterns/);
    expect(() => resolveCheckoutOptions({ device: 'tablet' })).toThrow(/checkout\.device/);
  });
});

describe('step runner', () => {
  it('retries a timed-out step once and marks it flaky when the retry passes', async () => {
    let attempts = 0;
    const retried: string[] = [];
    const run = await runStep(
      'x',
      async () => {
        attempts += 1;
        if (attempts === 1) throw new JourneyFailure('timeout', 'slow');
        return 'ok';
      },
      { timeoutMs: 1_000, retry: true, onRetry: (f) => void retried.push(f.message) },
    );
    expect(run).toEqual({ value: 'ok', flaky: true });
    expect(retried).toEqual(['slow']);
  });

  it('does not retry a rejected field, and enforces its own deadline', async () => {
    let attempts = 0;
    await expect(runStep('x', async () => {
      attempts += 1;
      throw new JourneyFailure('validation-error', 'bad zip', 'postalCode');
    }, { timeoutMs: 1_000, retry: true })).rejects.toMatchObject({ reason: 'validation-error', field: 'postalCode' });
    expect(attempts).toBe(1);
    const started = Date.now();
    await expect(runStep('stuck', () => new Promise(() => undefined), { timeoutMs: 100, retry: false })).rejects.toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  // A page made of several waits (a one-page checkout) renews its budget with each finished wait; one that
  // stops finishing anything fails after a budget, and one that never stops is still capped.
  let tick: NodeJS.Timeout | undefined;
  afterEach(() => clearInterval(tick));
  const ticking = (heartbeat: Heartbeat, forMs: number): Promise<string> =>
    new Promise((resolve) => {
      const started = Date.now();
      tick = setInterval(() => {
        heartbeat.beat('tick');
        if (Date.now() - started >= forMs) {
          clearInterval(tick);
          resolve('done');
        }
      }, 100);
    });

  it('with a heartbeat, a step that keeps making progress may outlast its budget', async () => {
    const heartbeat = new Heartbeat();
    // Budget: 1 ms + the runner's 2 s grace; the work takes twice that, beating every 100 ms.
    await expect(runStep('busy page', () => ticking(heartbeat, 4_500), { timeoutMs: 1, retry: false, heartbeat })).resolves.toEqual({ value: 'done', flaky: false });
  });

  it('with a heartbeat, a step that stops making progress fails, naming what it last finished', async () => {
    const heartbeat = new Heartbeat();
    const stalled = async (): Promise<never> => {
      heartbeat.beat('address filled');
      return new Promise(() => undefined);
    };
    await expect(runStep('checkout page 1', stalled, { timeoutMs: 1, retry: false, heartbeat })).rejects.toMatchObject({
      reason: 'timeout',
      message: expect.stringMatching(/^checkout page 1 made no progress for 2001 ms \(last done: address filled\)$/),
    });
  });

  it(`with a heartbeat, a step that never ends is still stopped after ${PROGRESS_CAP} budgets`, async () => {
    const heartbeat = new Heartbeat();
    const started = Date.now();
    await expect(runStep('endless', () => ticking(heartbeat, 60_000), { timeoutMs: 1, retry: false, heartbeat })).rejects.toMatchObject({
      reason: 'timeout',
      message: expect.stringMatching(/kept making progress/),
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});

describe('step names', () => {
  it('names pages from the URL, Shopify-style query steps, or position', () => {
    expect(stepNameFromUrl('https://s.test/checkouts/cn/0a1b2c/information', 0)).toBe('information');
    expect(stepNameFromUrl('https://s.test/123/checkouts/abc?step=shipping_method', 1)).toBe('shipping');
    expect(stepNameFromUrl('https://s.test/checkouts/cn/9f8e7d6c5b4a39281706f5e4d3c2b1a0', 0)).toBe('checkout');
    expect(stepNameFromUrl('https://s.test/checkouts/cn/9f8e7d6c5b4a39281706f5e4d3c2b1a0', 2)).toBe('step-3');
  });
});
