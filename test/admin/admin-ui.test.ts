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
    // The joint total comes first with its share of revenue, and every input it rests on is listed with its source.
    const latest = await bed.store.runs.latest(STANDALONE_SHOP);
    const summary = ((await bed.store.runs.getSection(STANDALONE_SHOP, latest!.id, 'meta')) as { impactSummary: { totalAtStake: { central: number } } }).impactSummary;
    const total = await page.$eval('[data-testid="total-at-stake"]', (el) => el.textContent?.trim() ?? '');
    expect(total).toBe(`$${summary.totalAtStake.central.toLocaleString('en-US')} / month`);
    expect(await page.$eval('#at-stake', (el) => el.textContent ?? '')).toMatch(/About [\d.]+% of your monthly revenue \(\$80,000\)/);
    const inputs = await page.$$eval('[data-testid="impact-inputs"] li', (items) => items.map((li) => `${li.getAttribute('data-input')}=${li.getAttribute('data-source')}`));
    for (const name of ['monthlySessions=cli', 'conversionRate=cli', 'averageOrderValue=cli', 'templateShares=default', 'deviceShares=default', 'elasticity=default']) expect(inputs).toContain(name);
    // This run has no load-time audit, so no speed figure: no "preview" label.
    expect(await page.$('[data-testid="impact-preview"]')).toBeNull();
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

const VIEWS = ['overview', 'fixes', 'pages', 'checkout', 'links', 'settings'];

/**
 * Latin-script words a reader of `locale` would see that come from neither data nor a catalogue. Data is marked
 * in the markup: URLs and code are dir="ltr" (or <code>), names from the store are <bdi>, and English the
 * report kept because its emitter sent no message is lang="en". What is left must be the catalogues' words.
 */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Product and technical names that stay in Latin script in every language (as Shopify's own admin does).
    const NAMES = new Set(['LCP', 'CLS', 'TBT', 'INP', 'TTFB', 'FCP', 'Speed', 'Index', 'JSON', 'Webhook', 'Slack', 'Shopify', 'WebP', 'AVIF', 'HTTP', 'gzip', 'Brotli', 'JPEG', 'PNG', 'CSV', 'HTML', 'PDF', 'Baymard', 'Institute', 'Walmart', 'Zalando', 'Renault', 'JavaScript', 'Storefront', 'Auditor', 'Lighthouse', 'Core', 'Web', 'Vitals', 'USD', 'xx', 'ms', 'kB', 'KB', 'MB', 'cron']);
    const skip = (el: Element | null) => el?.closest('[lang="en"], bdi, [dir="ltr"], code, script, style, .chart, svg') !== null;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skip(node.parentElement)) continue;
      for (const word of node.textContent?.match(/[A-Za-z]{2,}/g) ?? []) if (!NAMES.has(word)) found.push(`${word} (in "${node.textContent?.trim().slice(0, 60)}")`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
        for (const word of el.getAttribute(attr)?.match(/[A-Za-z]{2,}/g) ?? []) if (!NAMES.has(word) && word !== 'https') found.push(`${word} (${attr})`);
      }
    }
    return found;
  });
}

/**
 * Numbers and units a reader of `locale` sees that did not go through Intl: in Persian, Intl writes every number
 * in Persian digits (and 'ثانیه', 'میلی‌ثانیه' as units), so an ASCII digit outside data is a number the UI
 * formatted by hand; in Hebrew and Persian, a Latin 's' or 'sec' after a number is a hard-coded unit (Intl
 * writes 'שנ׳' / 'ثانیه'), the "s 3.3" the merchant saw.
 */
async function handFormatted(page: Page, locale: string): Promise<string[]> {
  return page.evaluate((persian: boolean) => {
    const skip = (el: Element | null) => el?.closest('[lang="en"], bdi, [dir="ltr"], code, script, style, .chart, svg, .visually-hidden') !== null;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skip(node.parentElement)) continue;
      const text = node.textContent ?? '';
      if ((persian && /[0-9]/.test(text)) || /\d\s*(s|sec)\b/.test(text)) found.push(`"${text.trim().slice(0, 60)}" in <${node.parentElement?.tagName.toLowerCase()} class="${node.parentElement?.className}">`);
    }
    return found;
  }, locale === 'fa');
}

describe('every view in every language, and on a phone', () => {
  it('zh-CN, he and fa: no untranslated text outside data; he and fa mirrored, URLs left-to-right, numbers and units through Intl', async () => {
    const fallbacks = new Set<string>();
    for (const locale of ['he', 'fa', 'zh-CN']) {
      for (const view of VIEWS) {
        const page = await open(`#/${view}`, locale);
        await page.waitForSelector('main .card');
        expect(await untranslated(page), `${locale} ${view}`).toEqual([]);
        if (locale !== 'zh-CN') expect(await handFormatted(page, locale), `${locale} ${view}: numbers and units not through Intl`).toEqual([]);
        // Right to left changes order, isolation and labels: axe once more on every view in Hebrew.
        if (locale === 'he') expect(await seriousViolations(page), `axe ${locale} ${view}`).toEqual([]);
        for (const text of await page.$$eval('[data-fallback]', (els) => els.map((e) => e.textContent ?? ''))) fallbacks.add(text.slice(0, 50));
        if (locale !== 'zh-CN') {
          const bidi = await page.evaluate(() => ({
            dir: getComputedStyle(document.body).direction,
            urls: [...document.querySelectorAll('.url')].every((u) => getComputedStyle(u).direction === 'ltr'),
          }));
          expect(bidi, `${locale} ${view}`).toEqual({ dir: 'rtl', urls: true });
        }
        await page.close();
      }
    }
    // English the report kept because an audit or the advisor sent no message id: none may reach the merchant.
    expect([...fallbacks], 'English kept from the report (no message id)').toEqual([]);
  }, 300_000);

  it('at 390 px every view fits: no element wider than the viewport, no horizontal scroll, tappable controls', async () => {
    // Every language: Chinese sets no spaces to break at, Persian and Hebrew run right to left.
    for (const locale of ['en', 'zh-CN', 'he', 'fa']) {
      for (const view of VIEWS) {
        const page = await context.newPage();
        await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
        await page.goto(`${bed.url}/?locale=${locale}#/${view}`, { waitUntil: 'networkidle0' });
        await page.waitForSelector('main .card');
        const fit = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const tabs = document.querySelector('nav.tabs');
          const wide = [...document.querySelectorAll('main *, header *')]
            .filter((el) => !tabs?.contains(el) && !el.closest('.visually-hidden, .url-full, thead, details:not([open]) > :not(summary)'))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > width + 1 || r.left < -1);
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          const small = [...document.querySelectorAll('main button, main select, main input:not([type="checkbox"]), nav.tabs a')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.height < 24;
            })
            .map((el) => el.outerHTML.slice(0, 60));
          return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5), small: small.slice(0, 5), tabsRows: new Set([...document.querySelectorAll('nav.tabs a')].map((a) => Math.round(a.getBoundingClientRect().top))).size };
        });
        expect(fit, `${locale} ${view}`).toEqual({ scroll: 0, wide: [], small: [], tabsRows: 1 });
        if (view === 'overview') {
          // The score, the total at stake (when the report has one) and the top three fixes are on the first screen.
          const firstScreen = await page.evaluate(() => {
            const bottom = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? 0;
            return { score: bottom('[data-testid="store-score"]'), fixes: bottom('[data-testid="top-fixes"] li:nth-child(3)') || bottom('[data-testid="top-fixes"] li:last-child'), height: window.innerHeight };
          });
          expect(firstScreen.score).toBeLessThan(firstScreen.height);
          expect(firstScreen.fixes).toBeLessThan(firstScreen.height);
          if (locale === 'en') await page.screenshot({ path: join(process.cwd(), 'test', 'admin', 'overview-phone.png'), type: 'png' });
        }
        await page.screenshot({ path: join(ARTIFACTS, `phone-${locale}-${view}.png`), fullPage: true });
        await page.close();
      }
    }
  }, 480_000);
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
    // The overview reloaded with the new run as the last one, and says what changed since the previous audit.
    await page.waitForFunction((date: string) => document.body.textContent?.includes(date) ?? false, {}, 'succeeded');
    await page.waitForSelector('#since-last [data-testid="since-score"]', { timeout: 10_000 });
    expect(await page.$eval('#since-last-h', (el) => el.textContent)).toMatch(/Since the last audit/);
    expect(await page.$eval('[data-testid="since-score"]', (el) => el.textContent)).toMatch(/usual ±\d+ between runs|not measured in both/);
    // One Lighthouse run per page (the bed's quick setting): the total says plainly that it is a preview.
    expect(await page.$eval('[data-testid="impact-preview"]', (el) => el.textContent)).toMatch(/Preview: 1 measurement\(s\) per page\. Speed figures need 3/);
    await page.screenshot({ path: join(ARTIFACTS, 'run-now.png') });
    await page.close();
  }, 120_000);

  it('marking a fix done and another ignored persists across reloads', async () => {
    const page = await open('#/fixes');
    await page.waitForSelector('[data-testid="fix-list"] li');
    // The latest run is run-now's home-only preview: besides the hero fix, what it lists may all sit under "Also
    // noticed" (under 2 % of the top fix), so both lists are used, the folded one opened first.
    const LISTED = '[data-testid="fix-list"] > li, [data-testid="also-noticed"] ol > li';
    const [first, second] = await page.$$eval(LISTED, (items) => items.slice(0, 2).map((li) => li.getAttribute('data-fix-id') as string));
    expect(first && second).toBeTruthy();
    const clickIn = async (id: string, label: string) => {
      await page.$eval('[data-testid="also-noticed"]', (el) => { (el as HTMLDetailsElement).open = true; }).catch(() => undefined);
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
    const statuses = await page.$$eval(LISTED, (items) => Object.fromEntries(items.map((li) => [li.getAttribute('data-fix-id'), li.getAttribute('data-status')])));
    expect(statuses[first as string]).toBe('done');
    expect(statuses[second as string]).toBe('ignored');
    expect((await bed.store.fixes.get(STANDALONE_SHOP, first as string))?.status).toBe('done');
    // The done fix is listed with its estimate under "marked done".
    expect(await page.$eval('#resolved-h', (el) => el.closest('section')?.textContent ?? '')).toContain('Estimate');
    // The overview's total is the run's, decided fixes included until an audit no longer finds them: it says how many.
    const latest = await bed.store.runs.latest(STANDALONE_SHOP);
    const all = (await bed.store.runs.getFixes(STANDALONE_SHOP, latest!.id)).length;
    await page.goto(`${bed.url}/?locale=en#/`, { waitUntil: 'networkidle0' });
    const decided = await page.waitForSelector('[data-testid="total-decided"]').then((el) => el!.evaluate((e) => e.textContent ?? ''));
    expect(decided).toBe(`Marked done or ignored: 2 of ${all} fixes. They count here until an audit no longer finds them.`);
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
    // The apps the latest audit found can be renamed; the name is saved for the next audits.
    const appInput = await page.$('#apps input');
    expect(appInput, 'an app to rename').not.toBeNull();
    const key = (await appInput!.evaluate((el) => el.id)).replace(/^s-app-/, '');
    await appInput!.type('Our live chat');
    await page.click('button[type="submit"]');
    await page.waitForFunction(async (k) => (await (await fetch('/api/admin/settings')).json()).appNames.renames[k] === 'Our live chat', { timeout: 10_000 }, key);
    expect(await bed.store.settings.get(STANDALONE_SHOP, 'appNameOverrides')).toEqual({ [key]: 'Our live chat' });
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
    expect(await page.$eval('form .banner.critical', (el) => el.textContent)).toMatch(/budgets\.templates\.nope|not what this route accepts/);
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
      if (locale === 'he') {
        await page.setViewport({ width: 1100, height: 900 });
        await page.screenshot({ path: join(process.cwd(), 'test', 'admin', 'overview-he.png'), type: 'png', clip: { x: 0, y: 0, width: 1100, height: 1000 } });
      }
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
