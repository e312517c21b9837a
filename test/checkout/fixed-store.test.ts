// The fixed demo store has no checkout defects: a clean journey must record none (so the defect findings on
// the defective store are the store's, not noise of ours). Also: custom steps from config.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { runJourney } from './helpers.ts';

let store: DemoStore;
let pool: BrowserPool;
const PRODUCT = '/products/classic-linen-shirt';

beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed', checkout: 'three-page' });
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});
afterEach(() => {
  expect(store.orders()).toEqual([]);
});

describe('checkout journey on the fixed store', () => {
  it('records no JS errors, console errors or failed requests on any step', async () => {
    const { section } = await runJourney(store.url, pool, { productUrl: PRODUCT, screenshots: false });
    expect(section.completed).toBe(true);
    expect(section.stepCount).toBe(3);
    for (const step of section.steps) {
      expect(step.jsErrors, step.name).toEqual([]);
      expect(step.consoleErrors, step.name).toEqual([]);
      expect(step.failedRequests, step.name).toEqual([]);
    }
  });

  it('runs configured custom steps: names the page and performs the actions', async () => {
    const { section } = await runJourney(store.url, pool, {
      productUrl: PRODUCT,
      screenshots: false,
      customSteps: [
        { name: 'contact-and-address', urlMatches: '/information', actions: [{ check: '[name="acceptsMarketing"]' }, { fill: '[name="phone"]', value: '+1 212 555 0100' }] },
        { name: 'delivery', whenSelector: '#shipping-methods', actions: [{ check: '[value="shopify-Express-14.90"]' }] },
      ],
    });
    expect(section.failure).toBeNull();
    expect(section.steps.map((s) => s.name)).toEqual(['contact-and-address', 'delivery', 'payment']);
  });

  it('reports a custom action whose selector matches nothing as selector-not-found on that step', async () => {
    const { section } = await runJourney(store.url, pool, {
      productUrl: PRODUCT,
      screenshots: false,
      retryFlakySteps: false,
      customSteps: [{ name: 'information', urlMatches: '/information', actions: [{ click: '#no-such-terms-box' }] }],
    });
    expect(section.failure).toMatchObject({ step: 'information', reason: 'selector-not-found' });
    expect(section.failure!.message).toMatch(/#no-such-terms-box/);
  });
});
