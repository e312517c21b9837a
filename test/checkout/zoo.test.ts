// The journey through the theme zoo in real Chromium, on Shopify's hosted checkout as it is today (card fields
// in cross-origin iframes, shipping methods fetched after the address), both checkout kinds:
// - dawn / dawn-drawer: hidden Check out buttons before the cart page's, the installment form first;
// - horizon: nothing preselected (add button disabled until a size is chosen), a <dialog> cart drawer, a
//   country pop-up making the page inert;
// - dawn-quick-add: Dawn with a "Choose options" quick add on every product card (home, collections, "You may
//   also like"): a submit button named "add" outside any form, and a modal that loads the product form;
// - plain: a multipart form post answered 302 → /cart, a sold-out first variant preselected, a sold-out
//   quick add as the document's first add button, quick-add forms in every card, a cookie wall and a
//   newsletter modal swallowing clicks.
// One browser for the file, one store per theme and checkout kind; no test may place an order.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveCheckoutOptions } from '../../audits/checkout/options.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { checkoutRules } from '../../src/advisor/rules/checkout.ts';
import { DEFECT_PATHS, SOLD_OUT_HANDLE } from '../../src/demo-store/defects.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { runJourney, stepNamed } from './helpers.ts';

let pool: BrowserPool;
const stores = new Map<string, DemoStore>();
const PRODUCT = '/products/classic-linen-shirt';
const ADDRESS_FIELDS = ['email', 'firstName', 'lastName', 'address1', 'city', 'zone', 'postalCode'];
const CARD_FRAME_FIELDS = ['number', 'expiry', 'verification_value', 'name'];
type ZooTheme = 'classic' | 'dawn' | 'dawn-drawer' | 'dawn-quick-add' | 'horizon' | 'plain';

beforeAll(() => {
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await Promise.all([...stores.values()].map((s) => s.close()));
});
afterEach(() => {
  for (const s of stores.values()) expect(s.orders()).toEqual([]);
});

async function store(theme: ZooTheme, checkout: 'three-page' | 'one-page'): Promise<DemoStore> {
  const key = `${theme}/${checkout}`;
  const existing = stores.get(key);
  if (existing) return existing;
  // classic serves the inline checkout by default; here it gets the hosted one every other theme has.
  const s = await startDemoStore({ variant: 'defective', theme, checkout, hostedCheckout: true });
  stores.set(key, s);
  return s;
}

describe.each(['classic', 'dawn', 'dawn-drawer', 'dawn-quick-add', 'horizon', 'plain'] as const)('theme %s', (theme) => {
  it('three-page: adds the product itself through the theme, reaches payment counting the card fields in their iframes, both defects on their steps', async () => {
    const s = await store(theme, 'three-page');
    const { section, messages } = await runJourney(s.url, pool, { productUrl: PRODUCT });
    expect(section.failure).toBeNull();
    expect(section.completed).toBe(true);
    expect(section.steps.map((x) => x.name)).toEqual(['information', 'shipping', 'payment']);
    // The shipping methods arrive late, the first preselected: nothing to choose, but continue waits for them.
    expect(stepNamed(section, 'shipping').fields).toEqual([]);
    expect(stepNamed(section, 'payment').fields).toEqual(CARD_FRAME_FIELDS);
    expect(section.formFields).toBe(11);
    expect(section.product).toMatchObject({ addedVia: 'form' });
    // The product itself, not a related product's quick add nor the "Back soon" strip's.
    expect(s.lastCheckoutLines().map((l) => l.handle)).toEqual(['classic-linen-shirt']);
    // classic and plain have no cart pop-up: their add lands on (or leads to) the cart page.
    if (theme !== 'plain' && theme !== 'classic') expect(messages.some((m) => m.includes('pressing the theme’s own'))).toBe(true);
    if (theme === 'horizon' || theme === 'plain') expect(messages.some((m) => /^Checkout: chose /.test(m))).toBe(true);
    expect(stepNamed(section, 'information').failedRequests).toContainEqual({ url: `${s.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 });
    expect(stepNamed(section, 'shipping').jsErrors[0]).toMatch(/^TypeError: /);
  });

  it('one-page: from the home page to payment in one step; the shipping method that appears after the address is one of its fields', async () => {
    const s = await store(theme, 'one-page');
    const { section } = await runJourney(s.url, pool, {});
    expect(section.failure).toBeNull();
    expect(section.stepCount).toBe(1);
    expect(section.steps[0]!.fields).toEqual([...ADDRESS_FIELDS, 'shippingRate', ...CARD_FRAME_FIELDS]);
    expect(section.formFields).toBe(12);
    expect(section.steps[0]!.failedRequests).toContainEqual({ url: `${s.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 });
    expect(section.steps[0]!.jsErrors[0]).toMatch(/^TypeError: /);
  });
});

describe('dawn-quick-add: the quick add behaves as Dawn\'s does for a shopper', () => {
  it('"Choose options" on a home card opens a modal holding the product form; a size and Add to cart put that product in the cart and open the notification', async () => {
    const s = await store('dawn-quick-add', 'one-page');
    const context = await pool.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${s.url}/`, { waitUntil: 'load' });
      const opener = (await page.$('modal-opener button[name="add"]'))!;
      const url = await opener.evaluate((b) => b.getAttribute('data-product-url')!);
      // Before opening: the modal is empty, moved to the end of <body>, and nothing in it can be pressed.
      expect(await page.$$eval('quick-add-modal', (els) => els.every((m) => m.parentElement === document.body && !m.hasAttribute('open') && !m.querySelector('form')))).toBe(true);
      await opener.click();
      const modal = (await page.waitForSelector('quick-add-modal[open] product-form form', { visible: true }))!;
      // Ids are prefixed so they do not clash with a product page's own.
      expect(await modal.evaluate((f) => f.getAttribute('id'))).toBe('product-form-quickadd-template--main');
      // Size L: the picker fetches the product section for it and swaps it in, ids prefixed again.
      await page.click('quick-add-modal[open] label[for="quickadd-template--main-1-2"]');
      await page.waitForFunction(() => (document.querySelector('quick-add-modal[open] #quickadd-template--main-1-2') as HTMLInputElement | null)?.checked === true && !!document.querySelector('quick-add-modal[open] #ProductSubmitButton-quickadd-template--main'));
      await page.waitForSelector('quick-add-modal[open] #ProductSubmitButton-quickadd-template--main:not([disabled])');
      expect(page.url()).toBe(`${s.url}/`); // the modal leaves the page's URL alone
      await page.click('quick-add-modal[open] #ProductSubmitButton-quickadd-template--main');
      await page.waitForSelector('#cart-notification.active #cart-notification-form button[name="checkout"]', { visible: true });
      expect(await page.$('quick-add-modal[open]')).toBeNull();
      const cart = await page.evaluate(async () => (await (await fetch('/cart.js')).json()) as { items: Array<{ handle: string; quantity: number }> });
      expect(cart.items.map((i) => [`/products/${i.handle}`, i.quantity])).toEqual([[url, 1]]);
    } finally {
      await context.close();
    }
  });
});

describe('late requests are the page\'s own', () => {
  it('a tracking call a heavy script sends once the address is entered, answered late, is still found on "information", not lost to the navigation', async () => {
    // The autofill's first change event sets the page's script to work for 400 ms, then it posts; the endpoint
    // answers after 400 ms. The network is quiet meanwhile: a quiet window alone (250 ms before) pressed
    // continue right after, and the navigation cancelled the call unseen.
    const s = await startDemoStore({ variant: 'defective', theme: 'classic', checkout: 'three-page', trackingBusyMs: 400, trackingDelayMs: 400 });
    stores.set('classic/three-page/late-tracking', s);
    const { section } = await runJourney(s.url, pool, { productUrl: PRODUCT, retryFlakySteps: false });
    expect(section.completed).toBe(true);
    expect(stepNamed(section, 'information').failedRequests).toContainEqual({ url: `${s.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 });
  });
});

describe('a checkout that is stuck is not a pass', () => {
  it('shipping methods that never arrive after the address: "could not test" on the checkout page, never the payment step', async () => {
    const s = await startDemoStore({ variant: 'defective', theme: 'plain', checkout: 'one-page', shippingRatesDelayMs: 10 * 60_000 });
    stores.set('plain/one-page/stuck-rates', s);
    const { section } = await runJourney(s.url, pool, { stepTimeoutMs: 3_000, retryFlakySteps: false });
    expect(section.completed).toBe(false);
    expect(section.failure).toMatchObject({ step: 'checkout', reason: 'timeout', origin: 'auditor', text: { id: 'checkout.couldNotTest' } });
    expect(section.failure!.message).toMatch(/#shipping-methods .*still loading \(aria-busy\)/);
  });
});

describe('sold out is the selected variant\'s state', () => {
  it('a product whose every size is sold out ends as sold out, though the page holds enabled quick adds for others', async () => {
    const s = await store('plain', 'three-page');
    const { section } = await runJourney(s.url, pool, { productUrl: `/products/${SOLD_OUT_HANDLE}`, retryFlakySteps: false });
    expect(section.failure).toMatchObject({ step: 'product', reason: 'sold-out', origin: 'store' });
  });
});

describe('stopAt: checkout-start (a live store)', () => {
  it('records the first checkout page and stops there: nothing filled, nothing posted, no later page loaded', async () => {
    const s = await store('horizon', 'three-page');
    const { section, messages } = await runJourney(s.url, pool, { productUrl: PRODUCT, stopAt: 'checkout-start' });
    expect(section.failure).toBeNull();
    expect(section.completed).toBe(true);
    expect(section.stoppedAt).toBe('checkout-start');
    expect(section.steps.map((x) => [x.name, x.fields])).toEqual([['information', []]]);
    expect(section.steps[0]!.failedRequests).toContainEqual({ url: `${s.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 });
    expect(messages.at(-1)).toMatch(/stopping at the start of checkout/);
    const token = new URL(section.steps[0]!.url).pathname.split('/')[3]!;
    // One GET of the information page, no POST of it, and no shipping page.
    expect(s.requests.get(`/checkouts/cn/${token}/information`)).toBe(1);
    expect(s.requests.get(`/checkouts/cn/${token}/shipping`)).toBeUndefined();
  });

  it('refuses an unknown stopAt before a browser starts', () => {
    expect(() => resolveCheckoutOptions({ stopAt: 'thank-you' })).toThrow(/checkout\.stopAt/);
  });
});

describe('whose failure', () => {
  it('a selector of ours that matches nothing is the auditor\'s failure: "could not test", no money fix', async () => {
    const s = await store('dawn', 'three-page');
    const { section } = await runJourney(s.url, pool, { productUrl: PRODUCT, stepTimeoutMs: 4_000, retryFlakySteps: false, selectors: { checkoutButton: '#no-such-button' } });
    expect(section.completed).toBe(false);
    expect(section.failure).toMatchObject({ step: 'cart', reason: 'selector-not-found', origin: 'auditor', text: { id: 'checkout.couldNotTest' } });
    const inputs = { checkoutStarts: { value: 1000, source: 'x' }, checkoutAbandonment: { value: 0.7, source: 'x' }, averageOrderValue: { value: 80, source: 'x' } };
    const fixes = checkoutRules(section, inputs as never);
    expect(fixes.find((f) => f.id === 'checkout-failure')).toBeUndefined();
  });

  it('a field the store rejects is the store\'s failure, and is priced', async () => {
    const s = await store('dawn', 'three-page');
    const { section } = await runJourney(s.url, pool, { productUrl: PRODUCT, address: { postalCode: 'ABCDE' } });
    expect(section.failure).toMatchObject({ step: 'information', reason: 'validation-error', origin: 'store', text: { id: 'checkout.storeFailure' } });
  });
});
