// Wall time of the checkout journey on the demo store, three-page and one-page, against a named peer: a bare
// Puppeteer script making the same clicks with none of the audit's instrumentation (no payment guard, no
// recorder, no vitals, no screenshots, no autofill logic). Prints medians and the audit/bare ratio.
// Usage: npm run bench:checkout [-- --runs 5]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { checkoutAudit } from '../../audits/checkout/index.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const PRODUCT = '/products/classic-linen-shirt';
const ADDRESS: Record<string, string> = { email: 'bench@example.com', firstName: 'Avery', lastName: 'Tester', address1: '350 Fifth Avenue', city: 'New York', postalCode: '10118' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function auditJourney(store: DemoStore, pool: BrowserPool, fromHome: boolean): Promise<number> {
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

/** The peer: the same path with plain Puppeteer calls and hard-coded demo-store selectors. */
async function bareJourney(store: DemoStore, pool: BrowserPool): Promise<number> {
  const started = performance.now();
  const context = await pool.newContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(`${store.url}${PRODUCT}`, { waitUntil: 'domcontentloaded' });
    await click(page, 'button[name="add"]');
    await click(page, 'button[name="checkout"]');
    for (const [name, value] of Object.entries(ADDRESS)) await page.$eval(`[name="${name}"]`, (el, v) => ((el as HTMLInputElement).value = v), value);
    await page.select('[name="zone"]', 'NY');
    if (store.options.checkout === 'three-page') {
      await click(page, '#continue_button');
      await click(page, '#continue_button');
    }
    await page.waitForSelector('[name="cardNumber"]');
  } finally {
    await context.close();
  }
  return performance.now() - started;
}

const pool = new BrowserPool();
await pool.get(); // launch outside the timings
const rows: string[] = [];
for (const kind of ['three-page', 'one-page'] as const) {
  const store = await startDemoStore({ variant: 'defective', checkout: kind });
  try {
    await auditJourney(store, pool, false); // warm-up: server caches, Chromium's first context
    const audit: number[] = [];
    const bare: number[] = [];
    const fromHome: number[] = [];
    for (let i = 0; i < runs; i++) {
      audit.push(await auditJourney(store, pool, false));
      bare.push(await bareJourney(store, pool));
      fromHome.push(await auditJourney(store, pool, true));
    }
    const a = median(audit);
    const b = median(bare);
    rows.push(`${kind.padEnd(10)}  audit (product URL) ${a.toFixed(0).padStart(6)} ms   bare puppeteer ${b.toFixed(0).padStart(6)} ms   ratio ${(a / b).toFixed(2)}x   audit from home ${median(fromHome).toFixed(0).padStart(6)} ms`);
  } finally {
    await store.close();
  }
}
await pool.close();
console.log(`checkout journey wall time on the demo store, median of ${runs} runs each (defective variant, mobile viewport)`);
for (const row of rows) console.log(row);
