// The one-page checkout: every field and the payment form on one page, so the journey is a single step
// that carries both checkout defects (D16 and D17).
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { isPng, runJourney } from './helpers.ts';

let store: DemoStore;
let pool: BrowserPool;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective', checkout: 'one-page' });
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});
afterEach(() => {
  expect(store.orders()).toEqual([]);
});

describe('one-page checkout journey', () => {
  it('counts one step holding every field, stops at it, and records both checkout defects there', async () => {
    const { section, artifactsDir } = await runJourney(store.url, pool, { device: 'desktop' });
    expect(section.failure).toBeNull();
    expect(section.completed).toBe(true);
    expect(section.stepCount).toBe(1);
    const [step] = section.steps;
    expect(step!.name).toBe('checkout');
    expect(step!.fields).toEqual(['email', 'firstName', 'lastName', 'address1', 'city', 'zone', 'postalCode', 'cardNumber', 'expiry', 'verificationCode', 'nameOnCard']);
    expect(section.formFields).toBe(11);
    expect(step!.jsErrors.some((e) => e.startsWith('TypeError: '))).toBe(true);
    expect(step!.failedRequests).toContainEqual({ url: `${store.url}${DEFECT_PATHS.checkoutTracking}`, status: 500 });
    expect(await isPng(join(artifactsDir, step!.screenshot!))).toBe(true);
  });

  it('with screenshots off records none, and sends nothing to the completion endpoint', async () => {
    const { section } = await runJourney(store.url, pool, { productUrl: '/products/classic-linen-shirt', screenshots: false });
    expect(section.completed).toBe(true);
    expect(section.steps[0]!.screenshot).toBeNull();
    // The store saw no card number: the only POST the journey made was the cart's.
    const completions = [...store.requests.keys()].filter((path) => path.endsWith('/complete'));
    expect(completions).toEqual([]);
  });
});
