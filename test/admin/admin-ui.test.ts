// The admin UI in real Chromium against the real server, on reports made by really auditing the demo store.
import { AxePuppeteer } from '@axe-core/puppeteer';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import { ARTIFACTS, auditAndStore, startAdminBed, type AdminBed } from './setup.ts';

let bed: AdminBed;
let context: BrowserContext;

async function open(path: string, locale = 'en'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(String(error)));
  page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    // Standalone must stay offline: nothing but our own server.
    if (!request.url().startsWith(bed.url) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) failures.push(`external: ${request.url()}`);
  });
  (page as Page & { failures: string[] }).failures = failures;
  await page.goto(`${bed.url}/?locale=${locale}${path}`, { waitUntil: 'networkidle0' });
  return page;
}

function failuresOf(page: Page): string[] {
  return (page as Page & { failures: string[] }).failures;
}

/** A fix id as a double-quoted attribute selector value. */
function attr(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxePuppeteer(page as never).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  bed = await startAdminBed();
  // Two real audits make the trend: links + checkout first, then the load-time audit with the rest.
  // Real reports: the load-time audit, then links and checkout. "Run audit now" adds a third run later.
  await auditAndStore(bed, ['load']);
  await auditAndStore(bed, ['links', 'checkout']);
  context = await bed.browser.newContext();
}, 240_000);

afterAll(async () => {
  await context?.close();
  await bed?.close();
});

describe('admin UI (standalone, offline)', () => {
  it('overview renders the score, the trend chart and the top fixes with money', async () => {
    const page = await open('#/overview');
    const scored = (await bed.store.runs.list(STANDALONE_SHOP, { status: 'succeeded' })).items.find((r) => r.storeScore !== null);
    expect(scored?.storeScore).toEqual(expect.any(Number));
    await page.waitForSelector('[data-testid="store-score"]');
    const score = await page.$eval('[data-testid="store-score"]', (el) => el.textContent?.trim());
    expect(score).toBe(String(scored?.storeScore));
    // One measured run so far: the trend card says when it will appear (the chart itself is checked after run-now).
    expect(await page.$eval('#trend-h', (el) => el.closest('section')?.textContent ?? '')).toContain('after the second audit');
    const fixes = await page.$$eval('[data-testid="top-fixes"] li', (items) => items.map((li) => li.textContent ?? ''));
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]).toMatch(/\$[\d,]+ \/ month/);
    expect(failuresOf(page)).toEqual([]);
    await page.close();
  });

  it('every view renders and axe finds no serious or critical violations', async () => {
    for (const view of ['overview', 'fixes', 'pages', 'checkout', 'links', 'settings']) {
      const started = Date.now();
      const page = await open(`#/${view}`);
      await page.waitForSelector('main .card');
      expect(await page.$('.banner.critical[role="alert"] button'), `${view} shows an error`).toBeNull();
      expect(await seriousViolations(page), view).toEqual([]);
      const axed = Date.now();
      await page.screenshot({ path: join(ARTIFACTS, `${view}.png`) });
      expect(failuresOf(page), view).toEqual([]);
      await page.close();
      console.log(`${view}: ${axed - started} ms to load and axe, ${Date.now() - axed} ms screenshot`);
    }
  }, 180_000);
});

describe('admin UI actions', () => {
  it('run audit now shows live progress, then the new run', async () => {
    const before = (await bed.store.runs.latest(STANDALONE_SHOP, { status: 'any' }))?.id ?? 0;
    const page = await open('#/overview');
    await page.waitForSelector('.btn.primary:not([disabled])');
    await page.click('.btn.primary');
    // Progress while the worker audits (the progress bar), then the finished message.
    await page.waitForSelector('[data-testid="run-progress"] [role="progressbar"]', { timeout: 20_000 });
    await page.waitForFunction(() => /Audit finished/.test(document.querySelector('[data-testid="run-progress"]')?.textContent ?? ''), { timeout: 90_000 });
    const newest = await bed.store.runs.latest(STANDALONE_SHOP, { status: 'any' });
    expect(newest?.id).toBeGreaterThan(before);
    expect(newest?.status).toBe('succeeded');
    // The overview reloaded with the new run as the last one.
    await page.waitForFunction((date: string) => document.body.textContent?.includes(date) ?? false, {}, 'succeeded');
    await page.screenshot({ path: join(ARTIFACTS, 'run-now.png') });
    await page.close();
  }, 120_000);

  it('marking a fix done and another ignored persists across reloads', async () => {
    const page = await open('#/fixes');
    await page.waitForSelector('[data-testid="fix-list"] li');
    const [first, second] = await page.$$eval('[data-testid="fix-list"] > li', (items) => items.slice(0, 2).map((li) => li.getAttribute('data-fix-id') as string));
    expect(first && second).toBeTruthy();
    const clickIn = async (id: string, label: string) => {
      const buttons = await page.$$(`li[data-fix-id="${attr(id)}"] button`);
      for (const b of buttons) if ((await b.evaluate((el) => el.textContent)) === label) return b.click();
      throw new Error(`no ${label} button on ${id}`);
    };
    await clickIn(first as string, 'Mark done');
    await page.waitForSelector(`li[data-fix-id="${attr(first as string)}"][data-status="done"]`);
    await clickIn(second as string, 'Ignore');
    await page.waitForSelector(`li[data-fix-id="${attr(second as string)}"][data-status="ignored"]`);
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('[data-testid="fix-list"] li');
    const statuses = await page.$$eval('[data-testid="fix-list"] > li', (items) => Object.fromEntries(items.map((li) => [li.getAttribute('data-fix-id'), li.getAttribute('data-status')])));
    expect(statuses[first as string]).toBe('done');
    expect(statuses[second as string]).toBe('ignored');
    expect((await bed.store.fixes.get(STANDALONE_SHOP, first as string))?.status).toBe('done');
    // The done fix is listed with its estimate under "marked done".
    expect(await page.$eval('#resolved-h', (el) => el.closest('section')?.textContent ?? '')).toContain('Estimate');
    await page.close();
  });

  it('saving settings changes the schedule in the store', async () => {
    const page = await open('#/settings');
    await page.waitForSelector('#s-every:not([disabled])');
    await page.select('#s-every', 'weekly');
    await page.select('#s-devices', 'desktop');
    await page.type('#s-webhook', 'https://hooks.example.test/alerts');
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.toast')?.textContent === 'Settings saved', { timeout: 10_000 });
    const schedule = await bed.store.schedules.get(STANDALONE_SHOP, 'default');
    expect(schedule?.options?.every).toBe('weekly');
    expect(schedule?.enabled).toBe(true);
    expect(schedule?.nextRunAt).toBeTruthy();
    expect(await bed.store.settings.get(STANDALONE_SHOP, 'audit')).toEqual({ devices: 'desktop' });
    // Bad input is refused with a clear message and changes nothing.
    // The JSON is the advanced view behind the budgets form.
    await page.click('#budgets details > summary');
    await page.focus('#s-budgets');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.type('#s-budgets', '{"templates": {"nope": {"lcpMs": 1}}}');
    await page.click('button[type="submit"]');
    await page.waitForSelector('form .banner.critical[role="alert"]');
    expect(await page.$eval('form .banner.critical', (el) => el.textContent)).toMatch(/budgets\.templates\.nope/);
    expect(await bed.store.settings.get(STANDALONE_SHOP, 'budgets')).toEqual({});
    await page.close();
  });

  it('Hebrew and Persian render right-to-left, mirrored', async () => {
    for (const locale of ['he', 'fa']) {
      const page = await open('#/overview', locale);
      await page.waitForSelector('[data-testid="store-score"]');
      const layout = await page.evaluate(() => {
        const nav = document.querySelectorAll('nav.tabs a');
        const first = nav[0]?.getBoundingClientRect();
        const second = nav[1]?.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('h1') as Node);
        const heading = range.getBoundingClientRect();
        return {
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          direction: getComputedStyle(document.body).direction,
          firstTabRightOfSecond: Boolean(first && second && first.left > second.left),
          headingHugsRight: Boolean(heading && window.innerWidth - heading.right < heading.left),
          title: document.querySelector('h1')?.textContent,
        };
      });
      expect(layout).toMatchObject({ dir: 'rtl', lang: locale, direction: 'rtl', firstTabRightOfSecond: true, headingHugsRight: true });
      expect(layout.title).not.toBe('Overview');
      await page.screenshot({ path: join(ARTIFACTS, `overview-${locale}.png`) });
      await page.close();
    }
    const zh = await open('#/overview', 'zh-CN');
    await zh.waitForSelector('[data-testid="store-score"]');
    expect(await zh.evaluate(() => [document.documentElement.dir, document.querySelector('h1')?.textContent])).toEqual(['ltr', '概览']);
    await zh.close();
  });

  it('after run-now the trend chart draws both measured runs, per template and device (and the README screenshot)', async () => {
    const page = await open('#/overview');
    await page.waitForSelector('.chart canvas');
    const series = await page.$$eval('.chart .u-legend .u-series', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(series.some((s) => s.includes('Store speed score'))).toBe(true);
    expect(series.some((s) => s.includes('home page · phone'))).toBe(true);
    await page.setViewport({ width: 1100, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    await page.screenshot({ path: join(process.cwd(), 'test', 'admin', 'overview.png'), type: 'png', clip: { x: 0, y: 0, width: 1100, height: 1000 } });
    await page.close();
  });
});
