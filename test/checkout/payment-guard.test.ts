// The never-pay guarantee, tested against the real demo store: with the guard installed, nothing that pays
// leaves the browser, however it is triggered. A control run without the guard proves these tests would see
// an order if one were placed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'puppeteer-core';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { fillStep } from '../../audits/checkout/fill-step.ts';
import { guardedClick, PaymentGuard } from '../../audits/checkout/payment-guard.ts';
import { PaymentGuardError } from '../../audits/checkout/failure.ts';
import { DEFAULT_TEST_ADDRESS } from '../../audits/checkout/test-address.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';

let store: DemoStore;
let pool: BrowserPool;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed', checkout: 'three-page' });
  pool = new BrowserPool();
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});

interface AtPayment {
  context: BrowserContext;
  page: Page;
  guard: PaymentGuard;
}

/** Drives a checkout by hand (no journey code but autofill) to the payment page. */
async function atPayment(target: DemoStore, withGuard: boolean): Promise<AtPayment> {
  const context = await pool.newContext();
  const page = await context.newPage();
  const guard = new PaymentGuard({ storeOrigin: target.url, headers: {}, allowPrivateAddresses: true, blockUrlPatterns: [] });
  if (withGuard) await guard.install(page);
  await page.goto(`${target.url}/products/classic-linen-shirt`, { waitUntil: 'domcontentloaded' });
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[name="add"]')]);
  await page.goto(`${target.url}/checkout`, { waitUntil: 'domcontentloaded' });
  await fillStep(page, DEFAULT_TEST_ADDRESS);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#continue_button')]);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#continue_button')]);
  expect(page.url()).toMatch(/\/payment$/);
  return { context, page, guard };
}

async function typeCard(page: Page): Promise<void> {
  await page.type('[name="cardNumber"]', '4242424242424242');
  await page.type('[name="expiry"]', '12 / 30');
  await page.type('[name="verificationCode"]', '123');
  await page.type('[name="nameOnCard"]', 'Avery Tester');
}

describe('never-pay guard', () => {
  it('control: without the guard, pressing "Pay now" does place an order (so the checks below can fail)', async () => {
    const control = await startDemoStore({ variant: 'fixed', checkout: 'three-page' });
    try {
      const { context, page } = await atPayment(control, false);
      await typeCard(page);
      await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#continue_button')]);
      expect(page.url()).toMatch(/\/thank-you$/);
      expect(control.orders()).toHaveLength(1);
      await context.close();
    } finally {
      await control.close();
    }
  });

  it('lists the card fields but never fills them, and refuses to click a pay button', async () => {
    const { context, page, guard } = await atPayment(store, true);
    const filled = await fillStep(page, DEFAULT_TEST_ADDRESS);
    expect(filled.leftEmpty).toEqual(['cardNumber', 'expiry', 'verificationCode', 'nameOnCard']);
    expect(await page.$$eval('[autocomplete^="cc-"]', (els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(['', '', '', '']);
    await typeCard(page);
    const button = (await page.$('#continue_button'))!;
    await expect(guardedClick(button)).rejects.toBeInstanceOf(PaymentGuardError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(page.url()).toMatch(/\/payment$/);
    expect(guard.blocked).toEqual([]);
    expect(store.orders()).toEqual([]);
    await context.close();
  });

  it('aborts the completion POST in the browser, whether a raw click, form.submit() or fetch() sends it', async () => {
    const { context, page, guard } = await atPayment(store, true);
    await typeCard(page);
    const completions = (): number => [...store.requests.entries()].filter(([path]) => path.endsWith('/complete')).reduce((n, [, c]) => n + c, 0);
    const before = completions();
    const paymentUrl = page.url();
    const fetched = await page.evaluate(async () => {
      try {
        await fetch(`${location.pathname.replace(/\/payment$/, '/complete')}`, { method: 'POST', body: 'cardNumber=4242424242424242' });
        return 'sent';
      } catch {
        return 'refused';
      }
    });
    // A raw click, bypassing guardedClick: only interception stands between it and an order.
    await page.click('#continue_button');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.goto(paymentUrl, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => (document.querySelector('form.edit_checkout') as HTMLFormElement).submit());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fetched).toBe('refused');
    expect(guard.blocked.length).toBeGreaterThanOrEqual(3);
    expect(guard.blocked.every((b) => b.method === 'POST' && b.url.endsWith('/complete') && b.reason === 'order completion URL')).toBe(true);
    expect(completions()).toBe(before); // the server never even saw the request
    expect(store.orders()).toEqual([]);
    await context.close();
  });
});
