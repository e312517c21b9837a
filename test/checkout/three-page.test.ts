// The checkout journey on the defective three-page demo store: the happy path with its planted defects, and
// every way a journey can stop short. No test may leave an order behind.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { DEFECT_PATHS, SOLD_OUT_HANDLE } from '../../src/demo-store/defects.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { isPng, runJourney, stepNamed, type JourneyRun } from './helpers.ts';

let store: DemoStore;
let pool: BrowserPool;
// One full journey from the home page, shared by the tests that only read it.
let full: JourneyRun;
// Tests about a single stage start at a known product and skip the (heavy, defective) home page.
const PRODUCT = '/products/classic-linen-shirt';

beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective', checkout: 'three-page' });
  pool = new BrowserPool();
  full = await runJourney(store.url, pool);
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});
afterEach(() => {
  expect(store.orders()).toEqual([]);
});

describe('three-page checkout journey', () => {
  it('reaches the payment step in three pages, records each one, and places no order', async () => {
    const { section, artifactsDir } = full;
    expect(section.failure).toBeNull();
    expect(section.completed).toBe(true);
    expect(section.steps.map((s) => s.name)).toEqual(['information', 'shipping', 'payment']);
    expect(section.stepCount).toBe(3);
    // information: email, first/last name, address, city, state, ZIP; payment: the four card fields.
    expect(stepNamed(section, 'information').fields).toEqual(['email', 'firstName', 'lastName', 'address1', 'city', 'zone', 'postalCode']);
    expect(stepNamed(section, 'shipping').fields).toEqual([]); // the first rate is pre-selected and kept
    expect(stepNamed(section, 'payment').fields).toEqual(['cardNumber', 'expiry', 'verificationCode', 'nameOnCard']);
    expect(section.formFields).toBe(11);
    expect(section.benchmark).toMatchObject({ steps: 5.1, fields: 11.3 });
    expect(section.product).toMatchObject({ addedVia: 'form' });
    expect(section.blockedRequests).toEqual([]);
    expect(section.totalMs).toBeGreaterThan(0);
    for (const step of section.steps) {
      expect(step.url).toContain('/checkouts/');
      expect(step.durationMs).toBeGreaterThan(0);
      expect(step.durationMs).toBeLessThan(section.totalMs);
      expect(step.lcpMs).toBeGreaterThan(0);
      expect(step.cls).toBeGreaterThanOrEqual(0);
      expect(step.screenshot).toMatch(/^checkout\/\d\d-[a-z-]+\.png$/);
      expect(await isPng(join(artifactsDir, step.screenshot!))).toBe(true);
    }
  });

  it('finds the JS error (D16) on "shipping" and the failing request (D17) on "information", nowhere else', async () => {
    const { section } = full;
    const information = stepNamed(section, 'information');
    const shipping = stepNamed(section, 'shipping');
    const payment = stepNamed(section, 'payment');
    expect(information.failedRequests).toEqual([{ url: `${store.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 }]);
    expect(information.jsErrors).toEqual([]);
    expect(shipping.jsErrors).toHaveLength(1);
    expect(shipping.jsErrors[0]).toMatch(/^TypeError: /);
    expect(shipping.failedRequests).toEqual([]);
    expect(payment.jsErrors).toEqual([]);
    expect(payment.failedRequests).toEqual([]);
  });

  it('reports the rejected field when the store refuses the test address', async () => {
    const { section, artifactsDir } = await runJourney(store.url, pool, { productUrl: PRODUCT, address: { postalCode: 'ABCDE' } });
    expect(section.completed).toBe(false);
    expect(section.failure).toMatchObject({ step: 'information', reason: 'validation-error', field: 'postalCode' });
    expect(section.failure!.message).toMatch(/postalCode/);
    expect(section.steps.map((s) => s.name)).toEqual(['information']);
    expect(section.stepCount).toBe(1);
    // The screenshot shows the page with the rejection, and the failure points at it.
    expect(section.failure!.screenshot).toMatch(/information-rejected\.png$/);
    expect(await isPng(join(artifactsDir, section.failure!.screenshot!))).toBe(true);
  });

  it('falls back to the Ajax cart API when the theme has no product form it can find', async () => {
    const before = store.requests.get('/cart/add.js') ?? 0;
    const { section } = await runJourney(store.url, pool, { productUrl: PRODUCT, selectors: { productForm: 'form.no-such-product-form' } });
    expect(section.product).toMatchObject({ addedVia: 'ajax' });
    expect(section.product!.variantId).toMatch(/^\d+$/);
    expect(store.requests.get('/cart/add.js') ?? 0).toBe(before + 1);
    expect(section.completed).toBe(true);
    expect(section.stepCount).toBe(3);
  });

  it('ends with a sold-out finding for a sold-out product, by the form and by the Ajax fallback', async () => {
    const productUrl = `/products/${SOLD_OUT_HANDLE}`;
    const byForm = await runJourney(store.url, pool, { productUrl });
    expect(byForm.section.failure).toMatchObject({ step: 'product', reason: 'sold-out' });
    const byAjax = await runJourney(store.url, pool, { productUrl, selectors: { productForm: 'form.no-such-product-form' } });
    expect(byAjax.section.failure).toMatchObject({ step: 'product', reason: 'sold-out' });
    expect(byAjax.section.failure!.message).toMatch(/sold out/i);
    for (const run of [byForm, byAjax]) {
      expect(run.section.completed).toBe(false);
      expect(run.section.steps).toEqual([]);
      expect(await isPng(join(run.artifactsDir, run.section.failure!.screenshot!))).toBe(true);
    }
  });

  it('ends with an empty-cart finding when adding silently leaves the cart empty', async () => {
    // An add endpoint that answers 200 but drops the item: the cart page then has no checkout button.
    const { section } = await runJourney(store.url, pool, { productUrl: PRODUCT, selectors: { productForm: 'form.no-such-product-form' }, cartAddPath: '/cart/clear.js' });
    expect(section.failure).toMatchObject({ step: 'cart', reason: 'empty-cart' });
    expect(section.steps).toEqual([]);
  });

  it('reports a theme whose selectors match nothing as selector-not-found, after one retry', async () => {
    const { section, messages } = await runJourney(store.url, pool, { productUrl: PRODUCT, selectors: { checkoutButton: 'button.no-such-checkout' } });
    expect(section.failure).toMatchObject({ step: 'cart', reason: 'selector-not-found' });
    expect(section.failure!.message).toMatch(/button\.no-such-checkout/);
    expect(section.failure!.message).toMatch(/also failed on retry/);
    expect(messages.some((m) => m.includes('opening the cart'))).toBe(true);
  });

  it('times out a page that never answers, retrying once', async () => {
    const { section } = await runJourney(store.url, pool, { productUrl: '/pages/hang', stepTimeoutMs: 1_500 });
    expect(section.failure).toMatchObject({ step: 'product', reason: 'timeout' });
    expect(section.failure!.message).toMatch(/also failed on retry/);
  });

  it('retries a stage that met a transient 503 once and marks it flaky (D14 as the home page)', async () => {
    store.resetTransient();
    const { section, messages } = await runJourney(store.url, pool, { homePath: DEFECT_PATHS.transient503 });
    expect(messages.some((m) => /trying the home page step again after: .*HTTP 503/.test(m))).toBe(true);
    expect(section.flakyStages).toEqual(['home']);
    expect(section.completed).toBe(true);
  });

  it('blocks configured URLs in the browser and says so', async () => {
    const { section } = await runJourney(store.url, pool, { productUrl: PRODUCT, blockUrlPatterns: ['/shipping$'] });
    expect(section.completed).toBe(false);
    expect(section.failure).toMatchObject({ step: 'information' });
    expect(section.blockedRequests!.some((b) => b.url.endsWith('/shipping') && b.reason.startsWith('configured pattern'))).toBe(true);
    expect(section.failure!.message).toMatch(/never-pay guard blocked/);
  });

  it('rejects bad options with a message naming the field, before starting a browser', async () => {
    const launches = pool.launches;
    await expect(runJourney(store.url, pool, { stepTimeoutMs: -5 } as never)).rejects.toThrow(/checkout\.stepTimeoutMs/);
    await expect(runJourney(store.url, pool, { customSteps: [{ name: 'x', actions: [] }] } as never)).rejects.toThrow(/urlMatches or whenSelector/);
    expect(pool.launches).toBe(launches);
  });

  it('stops at once when the run is aborted, with the abort as the error (not a finding)', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = runJourney(store.url, pool, { productUrl: PRODUCT }, (message) => {
      if (message.startsWith('Checkout: the contact and address step')) controller.abort(new Error('run cancelled by user'));
    }, controller.signal);
    await expect(run).rejects.toThrow();
    expect(controller.signal.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  // Last: it kills the shared Chromium (the pool relaunches it for anything after).
  it('reports a Chrome crash mid-journey as a crash finding on the step it hit', async () => {
    let killed = false;
    const { section } = await runJourney(store.url, pool, { productUrl: PRODUCT }, (message) => {
      if (!killed && message.startsWith('Checkout: the shipping step')) {
        killed = true;
        process.kill(pool.pid()!, 'SIGKILL');
      }
    });
    expect(killed).toBe(true);
    expect(section.completed).toBe(false);
    expect(section.failure).toMatchObject({ step: 'shipping', reason: 'crash' });
    expect(section.steps.map((s) => s.name)).toContain('information');
    // The pool comes back for the next audit.
    const relaunched = await pool.get();
    expect(relaunched.connected).toBe(true);
    expect(pool.launches).toBeGreaterThanOrEqual(2);
  });
});
