// Wall time of the checkout journey on each theme of the demo store's zoo, three-page and one-page, against a
// named peer: a bare Puppeteer script walking the same path on the same store in the same run, with hard-coded
// selectors for that theme and none of the audit's instrumentation (no payment guard, no recorder, no vitals,
// no screenshots, no autofill logic, no visibility checks). The bare script does what the theme makes a
// shopper do too (close the country pop-up, the cookie wall and the newsletter modal, choose a size, press the
// drawer's or notification's Check out, wait for the late shipping methods and the card frames), so the ratio
// is the audit's own overhead. Prints medians and the audit/bare ratio per theme and checkout kind.
// Usage: npm run bench:checkout [-- --runs 5] [--themes dawn,plain] [--kinds three-page,one-page]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { checkoutAudit } from '../../audits/checkout/index.ts';
import { evaluateInFrame } from '../../audits/checkout/frame-eval.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { THEME_NAMES, type ThemeName } from '../../src/demo-store/options.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';

const KINDS = ['three-page', 'one-page'] as const;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, themes: { type: 'string', default: THEME_NAMES.join(',') }, kinds: { type: 'string', default: KINDS.join(',') } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const themes = values.themes.split(',').map((t) => t.trim()) as ThemeName[];
for (const t of themes) if (!(THEME_NAMES as readonly string[]).includes(t)) throw new Error(`--themes: unknown theme "${t}"; one of ${THEME_NAMES.join(', ')}`);
const kinds = values.kinds.split(',').map((k) => k.trim()) as Array<(typeof KINDS)[number]>;
for (const k of kinds) if (!(KINDS as readonly string[]).includes(k)) throw new Error(`--kinds: unknown checkout kind "${k}"; one of ${KINDS.join(', ')}`);

const PRODUCT = '/products/classic-linen-shirt';
const ADDRESS: Record<string, string> = { email: 'bench@example.com', firstName: 'Avery', lastName: 'Tester', address1: '350 Fifth Avenue', city: 'New York', postalCode: '10118' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function auditJourney(store: DemoStore, pool: BrowserPool, fromHome = false): Promise<number> {
  const started = performance.now();
  const section = await checkoutAudit.run(
    { storeUrl: store.url, pages: [], headers: {}, allowPrivateAddresses: true, browser: pool, artifactsDir: mkdtempSync(join(tmpdir(), 'bench-checkout-')), progress: () => undefined },
    { ...checkoutAudit.defaults, productUrl: fromHome ? null : PRODUCT },
  );
  if (!section.completed) throw new Error(`journey failed: ${JSON.stringify(section.failure)}`);
  return performance.now() - started;
}

async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click(selector)]);
}

/**
 * Clicks the first visible match (themes keep hidden copies of their buttons), once the page's transitions
 * have ended: a button in a notification still sliding in is clicked where it was, not where it lands (the
 * peer missed Dawn's notification that way about once in 50 walks).
 */
async function clickShown(page: Page, selector: string, navigates: boolean): Promise<void> {
  const handle = await page.waitForSelector(`${selector}`, { visible: true });
  if (!handle) throw new Error(`no ${selector}`);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity), { polling: 16 });
  if (navigates) await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), handle.click()]);
  else await handle.click();
}

/** From the product page to the first checkout page, the way each theme makes a shopper go. */
const STOREFRONT: Record<ThemeName, (page: Page) => Promise<void>> = {
  classic: async (page) => {
    await click(page, 'button[name="add"]');
    await click(page, 'button[name="checkout"]');
  },
  dawn: async (page) => {
    await page.click('#ProductSubmitButton-template--main');
    await clickShown(page, '#cart-notification-form button[name="checkout"]', true);
  },
  // The quick adds are in the grids (home, collections, "You may also like"); from the product page the
  // path is Dawn's.
  'dawn-quick-add': async (page) => {
    await page.click('#ProductSubmitButton-template--main');
    await clickShown(page, '#cart-notification-form button[name="checkout"]', true);
  },
  'dawn-drawer': async (page) => {
    await page.click('#ProductSubmitButton-template--main');
    await clickShown(page, '#CartDrawer-Checkout', true);
  },
  horizon: async (page) => {
    await clickShown(page, '#localization-popup[open] button', false);
    await page.click('label:has(input[data-option-available="true"])');
    await clickShown(page, '#BuyButtons-ProductForm-main-product button[name="add"]:not([disabled])', false);
    await clickShown(page, '#cart-drawer button[name="checkout"]', true);
  },
  plain: async (page) => {
    await clickShown(page, '[data-consent="accept"]', false);
    await clickShown(page, '.newsletter-popup__decline', false);
    const available = await page.$eval('#ProductSelect-product-template option[data-available="true"]', (o) => (o as HTMLOptionElement).value);
    await page.select('#ProductSelect-product-template', available);
    await clickShown(page, '#AddToCart-product-template:not([disabled])', true);
    await click(page, 'button[name="checkout"]');
  },
};

async function fillAddress(page: Page): Promise<void> {
  await page.waitForSelector('[name="email"]');
  for (const [name, value] of Object.entries(ADDRESS)) await page.$eval(`[name="${name}"]`, (el, v) => ((el as HTMLInputElement).value = v), value);
  await page.select('[name="zone"]', 'NY');
}

/** The payment step is reached when its card fields can be typed into: inline, or in the card vault's frames. */
async function cardFieldsReady(page: Page, hosted: boolean): Promise<void> {
  if (!hosted) {
    await page.waitForSelector('[name="cardNumber"]');
    return;
  }
  await page.waitForFunction(() => document.querySelectorAll('iframe.card-fields-iframe').length === 4);
  // frame.waitForSelector can wait forever on a frame that went out-of-process meanwhile (puppeteer#10715, met
  // here too): the peer reads the frames the way the audit does, with the same bounded helper.
  for (const frame of page.frames().filter((f) => f.url().includes('/card-fields/'))) {
    const deadline = Date.now() + 30_000;
    while ((await evaluateInFrame(page, frame, () => document.querySelector('input') !== null, 5_000)) !== true) {
      if (Date.now() > deadline) throw new Error(`card frame ${frame.url()} has no input`);
    }
  }
}

/** The peer: the same path with plain Puppeteer calls and hard-coded selectors for the theme. */
async function bareJourney(store: DemoStore, pool: BrowserPool): Promise<number> {
  const started = performance.now();
  const context = await pool.newContext();
  const { theme, checkout, hostedCheckout } = store.options;
  try {
    const page = await context.newPage();
    // Where a failed walk was, so a peer failure says which step of which theme.
    let step = 'product page';
    const at = (next: string): void => void (step = next);
    try {
      await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
      await page.goto(`${store.url}${PRODUCT}`, { waitUntil: 'domcontentloaded' });
      at('storefront');
      await STOREFRONT[theme](page);
      at('information');
      await fillAddress(page);
      if (checkout === 'three-page') {
        await click(page, '#continue_button');
        at('shipping');
        // Hosted: the shipping methods load after the page, the continue button disabled meanwhile.
        await page.waitForSelector('#continue_button:not([disabled])');
        await click(page, '#continue_button');
      } else if (hostedCheckout) {
        // The address's change events bring the shipping methods; the shopper picks one.
        await page.$eval('[name="postalCode"]', (el) => el.dispatchEvent(new Event('change', { bubbles: true })));
        await clickShown(page, '[name="shippingRate"]', false);
      }
      at('payment');
      await cardFieldsReady(page, hostedCheckout);
    } catch (error) {
      throw new Error(`bare walk on ${theme} ${checkout} failed at ${step} (${page.url()}): ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    await context.close();
  }
  return performance.now() - started;
}

const pool = new BrowserPool();
await pool.get(); // launch outside the timings
const rows: string[] = [];
const ratios: number[] = [];
for (const theme of themes) {
  for (const kind of kinds) {
    const store = await startDemoStore({ variant: 'defective', checkout: kind, theme });
    try {
      await auditJourney(store, pool); // warm-up: server caches, Chromium's first context
      await bareJourney(store, pool);
      const audit: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < runs; i++) {
        audit.push(await auditJourney(store, pool));
        bare.push(await bareJourney(store, pool));
      }
      const a = median(audit);
      const b = median(bare);
      ratios.push(a / b);
      rows.push(`${theme.padEnd(14)} ${kind.padEnd(10)}  audit ${a.toFixed(0).padStart(6)} ms   bare puppeteer ${b.toFixed(0).padStart(6)} ms   ratio ${(a / b).toFixed(2)}x`);
    } finally {
      await store.close();
    }
  }
}
await pool.close();
console.log(`checkout journey wall time from the product page to the payment step, median of ${runs} runs each (defective variant, mobile viewport)`);
for (const row of rows) console.log(row);
console.log(`worst ratio ${Math.max(...ratios).toFixed(2)}x (target ≤ 1.50x)`);
