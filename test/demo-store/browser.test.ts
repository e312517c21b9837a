import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { DemoStore } from '../../src/demo-store/server.ts';
import { ADDRESS } from './checkout-flow.ts';

// The defects that only exist when a browser runs the page: layout shift, long task, checkout JS error and
// failing request. Lighthouse-level findings are the load-time and checkout audits' tests; this proves the
// store plants the behaviour in a real Chromium, and that the fixed variant does not.
const pool = new BrowserPool();
let defective: DemoStore;
let fixed: DemoStore;
beforeAll(async () => {
  [defective, fixed] = await Promise.all([startDemoStore({ variant: 'defective' }), startDemoStore({ variant: 'fixed' })]);
});
afterAll(async () => {
  await pool.close();
  await Promise.all([defective.close(), fixed.close()]);
});

interface Vitals {
  cls: number;
  longestTaskMs: number;
}

async function vitals(url: string): Promise<Vitals> {
  const context = await pool.newContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1, isMobile: true });
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __cls: number; __longest: number };
      w.__cls = 0;
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500)); // the Promo Bar injects ~800 ms after load
    return await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __longest: number };
      return { cls: w.__cls, longestTaskMs: w.__longest };
    });
  } finally {
    await context.close();
  }
}

const productPath = `/products/${productAt(4).handle}`;

describe('in Chromium', () => {
  it('D4 and D6: the defective product page shifts (CLS > 0.1) and has a ≥ 300 ms long task', async () => {
    const v = await vitals(defective.url + productPath);
    expect(v.cls).toBeGreaterThan(0.1);
    expect(v.longestTaskMs).toBeGreaterThanOrEqual(300);
  });

  it('the fixed product page does neither', async () => {
    const v = await vitals(fixed.url + productPath);
    expect(v.cls).toBeLessThan(0.05);
    expect(v.longestTaskMs).toBeLessThan(300);
  });

  async function journey(store: DemoStore): Promise<{ errors: Record<string, string[]>; failed: Record<string, string[]> }> {
    const context = await pool.newContext();
    const errors: Record<string, string[]> = { information: [], shipping: [] };
    const failed: Record<string, string[]> = { information: [], shipping: [] };
    let step = 'product';
    try {
      const page: Page = await context.newPage();
      page.on('pageerror', (e) => errors[step]?.push(String((e as Error).message ?? e)));
      page.on('response', (r) => {
        if (r.status() >= 400) failed[step]?.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      await page.goto(store.url + productPath, { waitUntil: 'domcontentloaded' });
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/cart/add"] button[name="add"]')]);
      step = 'information';
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('button[name="checkout"]')]);
      expect(new URL(page.url()).pathname).toMatch(/\/information$/);
      for (const name of ['email', 'firstName', 'lastName', 'address1', 'city', 'postalCode'] as const) await page.type(`input[name="${name}"]`, ADDRESS[name]);
      await page.select('select[name="zone"]', ADDRESS.zone);
      step = 'shipping'; // from the submit on, events belong to the next page
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      await page.waitForNetworkIdle({ idleTime: 200 });
      expect(new URL(page.url()).pathname).toMatch(/\/shipping$/);
      return { errors, failed };
    } finally {
      await context.close();
    }
  }

  it('D16 and D17: the defective checkout throws on shipping and fails a request on information', async () => {
    const { errors, failed } = await journey(defective);
    expect(failed.information).toEqual([`500 ${DEFECT_PATHS.checkoutTracking}`]);
    expect(errors.information).toEqual([]);
    expect(errors.shipping).toHaveLength(1);
    expect(errors.shipping![0]).toMatch(/Cannot read properties of null/);
    expect(failed.shipping).toEqual([]);
  });

  it('the fixed checkout has no JS error and no failed request', async () => {
    const { errors, failed } = await journey(fixed);
    expect({ errors, failed }).toEqual({ errors: { information: [], shipping: [] }, failed: { information: [], shipping: [] } });
    expect(fixed.orders()).toEqual([]);
  });
});
