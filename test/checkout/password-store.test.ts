// A password-protected storefront: the journey cannot reach a product and says so.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { runJourney } from './helpers.ts';

let store: DemoStore;
let pool: BrowserPool;

beforeAll(async () => {
  store = await startDemoStore({ password: true });
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});
afterEach(() => {
  expect(store.orders()).toEqual([]);
});

it('ends with a password-protected finding on the home page, and on a configured product page', async () => {
  const fromHome = await runJourney(store.url, pool);
  expect(fromHome.section.failure).toMatchObject({ step: 'home', reason: 'password-protected' });
  expect(fromHome.section.failure!.url).toMatch(/\/password$/);
  const fromProduct = await runJourney(store.url, pool, { productUrl: '/products/classic-linen-shirt' });
  expect(fromProduct.section.failure).toMatchObject({ step: 'product', reason: 'password-protected' });
  for (const run of [fromHome, fromProduct]) {
    expect(run.section.completed).toBe(false);
    expect(run.section.stepCount).toBe(0);
  }
});
