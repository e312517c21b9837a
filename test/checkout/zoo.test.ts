// The journey through the theme zoo in real Chromium: Dawn's cart notification and drawer (hidden Check out
// buttons before the cart page's, the installment form before the product form), both checkout kinds. One
// browser and one store per theme for the file; no test may place an order.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { checkoutRules } from '../../src/advisor/rules/checkout.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { runJourney, stepNamed } from './helpers.ts';

let pool: BrowserPool;
const stores: DemoStore[] = [];
const PRODUCT = '/products/classic-linen-shirt';

beforeAll(() => {
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await Promise.all(stores.map((s) => s.close()));
});
afterEach(() => {
  for (const s of stores) expect(s.orders()).toEqual([]);
});

async function store(theme: 'dawn' | 'dawn-drawer', checkout: 'three-page' | 'one-page'): Promise<DemoStore> {
  const s = await startDemoStore({ variant: 'defective', theme, checkout });
  stores.push(s);
  return s;
}

describe.each(['dawn', 'dawn-drawer'] as const)('theme %s', (theme) => {
  it('three-page: adds through the theme\'s own form, checks out from its cart pop-up, reaches payment with both defects found', async () => {
    const s = await store(theme, 'three-page');
    const { section, messages } = await runJourney(s.url, pool, { productUrl: PRODUCT });
    expect(section.failure).toBeNull();
    expect(section.completed).toBe(true);
    expect(section.steps.map((x) => x.name)).toEqual(['information', 'shipping', 'payment']);
    expect(section.formFields).toBe(11);
    expect(section.product).toMatchObject({ addedVia: 'form' });
    expect(messages.some((m) => m.includes("pressing the theme's own"))).toBe(true);
    expect(stepNamed(section, 'information').failedRequests).toContainEqual({ url: `${s.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 });
    expect(stepNamed(section, 'shipping').jsErrors[0]).toMatch(/^TypeError: /);
  });

  it('one-page: reaches the payment step in one page from the home page', async () => {
    const s = await store(theme, 'one-page');
    const { section } = await runJourney(s.url, pool, {});
    expect(section.failure).toBeNull();
    expect(section.stepCount).toBe(1);
    expect(section.formFields).toBe(11);
  });
});

describe('whose failure', () => {
  it('a selector of ours that matches nothing is the auditor\'s failure: "could not test", no money fix', async () => {
    const s = stores[0] ?? (await store('dawn', 'three-page'));
    const { section } = await runJourney(s.url, pool, { productUrl: PRODUCT, stepTimeoutMs: 4_000, retryFlakySteps: false, selectors: { checkoutButton: '#no-such-button' } });
    expect(section.completed).toBe(false);
    expect(section.failure).toMatchObject({ step: 'cart', reason: 'selector-not-found', origin: 'auditor', text: { id: 'checkout.couldNotTest' } });
    const inputs = { checkoutStarts: { value: 1000, source: 'x' }, checkoutAbandonment: { value: 0.7, source: 'x' }, averageOrderValue: { value: 80, source: 'x' } };
    const fixes = checkoutRules(section, inputs as never);
    expect(fixes.find((f) => f.id === 'checkout-failure')).toBeUndefined();
  });

  it('a field the store rejects is the store\'s failure, and is priced', async () => {
    const s = stores[0]!;
    const { section } = await runJourney(s.url, pool, { productUrl: PRODUCT, address: { postalCode: 'ABCDE' } });
    expect(section.failure).toMatchObject({ step: 'information', reason: 'validation-error', origin: 'store', text: { id: 'checkout.storeFailure' } });
  });
});
