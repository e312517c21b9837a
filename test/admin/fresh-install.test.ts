// A fresh install, as a merchant meets it, in real Chromium against the real server and jobs layer: an empty
// store, no URL, no schedule. Every screen on the way must name the next step and lead to it (no dead end, no
// button the text says to press while it is disabled), until the first audit's result is on the Overview.
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import { startAdminBed, type AdminBed } from './setup.ts';

let bed: AdminBed;
let context: BrowserContext;

beforeAll(async () => {
  bed = await startAdminBed();
  context = await bed.browser.newContext();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await bed?.close();
});

/** The visible text of the run card, and whether its button can be pressed. */
async function runCard(page: Page): Promise<{ text: string; canRun: boolean; settingsLink: boolean }> {
  return page.$eval('#runs', (card) => ({
    text: card.textContent ?? '',
    canRun: !(card.querySelector('.btn.primary') as HTMLButtonElement | null)?.disabled,
    settingsLink: card.querySelector('a[href="#/settings"]') !== null,
  }));
}

describe('fresh install: from an empty store to the first result, with no dead end', () => {
  it('Overview names the one next step, Settings takes the URL and starts the daily schedule, the first audit shows progress then its result', async () => {
    const page = await context.newPage();
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${bed.url}/?locale=en#/overview`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#runs');

    // 1. Nothing yet: the first step is the storefront's address, and the way to it is a link, not a sentence.
    const empty = await page.$eval('main', (m) => m.textContent ?? '');
    expect(empty).toContain('Add your storefront’s address, then run the first audit');
    expect(empty).not.toContain('Run one now');
    const before = await runCard(page);
    expect(before).toMatchObject({ canRun: false, settingsLink: true });
    expect(before.text).toContain('not scheduled');

    // 2. The link opens Settings, where the URL field is the first field, and the schedule offered is daily, on.
    await page.click('#runs a[href="#/settings"]');
    await page.waitForSelector('#s-url');
    expect(await page.$eval('#s-every', (el) => (el as HTMLSelectElement).value)).toBe('daily');
    expect(await page.$eval('#schedule input[type="checkbox"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await page.type('#s-url', bed.demo.url);
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.toast')?.textContent === 'Settings saved', { timeout: 10_000 });
    expect((await bed.store.shops.get(STANDALONE_SHOP))?.storeUrl).toBe(bed.demo.url);
    const schedule = await bed.store.schedules.get(STANDALONE_SHOP, 'default');
    expect(schedule).toMatchObject({ enabled: true, options: expect.objectContaining({ every: 'daily' }) });
    expect(schedule?.nextRunAt).toBeTruthy();

    // 3. Back on the Overview: the same schedule everywhere, and the button the text points to is enabled.
    await page.click('nav.tabs a[href="#/overview"]');
    await page.waitForSelector('#runs .btn.primary:not([disabled])', { timeout: 10_000 });
    const ready = await runCard(page);
    expect(ready.text).toMatch(/Daily, next on/);
    expect(ready.text).toContain(bed.demo.url);
    expect(ready.settingsLink).toBe(false);

    // 4. The first audit: live progress on the Overview, then its result in place of the empty state.
    await page.click('#runs .btn.primary');
    await page.waitForSelector('[data-testid="run-progress"] [role="progressbar"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="store-score"]', { timeout: 120_000 });
    const run = await bed.store.runs.latest(STANDALONE_SHOP);
    expect(run?.status).toBe('succeeded');
    expect(await page.$eval('[data-testid="store-score"]', (el) => el.textContent?.trim())).toBe(String(run?.storeScore));
    expect(await page.$$eval('[data-testid="top-fixes"] li', (items) => items.length)).toBeGreaterThan(0);
    expect(await page.$('[data-testid="last-failed"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
