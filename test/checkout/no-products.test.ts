// A store with an empty catalogue: the journey looks on home and in the collections, then reports it.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { runJourney } from './helpers.ts';

let store: DemoStore;
let pool: BrowserPool;

beforeAll(async () => {
  store = await startDemoStore({ productCount: 0, variant: 'fixed' });
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});
afterEach(() => {
  expect(store.orders()).toEqual([]);
});

it('ends with a no-products finding after looking on home and in the collections', async () => {
  const { section, messages } = await runJourney(store.url, pool);
  expect(section.failure).toMatchObject({ step: 'home', reason: 'no-products' });
  expect(messages.some((m) => /looking for a product in \/collections\//.test(m))).toBe(true);
  expect(section.completed).toBe(false);
  expect(section.steps).toEqual([]);
  expect(section.product).toBeNull();
});
