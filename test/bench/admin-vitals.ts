// Core Web Vitals of the admin as a merchant meets them, in real Chromium: each view loaded fresh in its own
// incognito context, then clicked the way a merchant clicks it (disclosures, a filter, a checkbox, the next
// tab), with Google's web-vitals library (the one the storefront plugin ships) reporting LCP, CLS and INP.
// INP is the slowest interaction of the visit (web-vitals' definition for under 50 interactions).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { BrowserPool } from '../../audits/shared/browser.ts';

export interface Vitals {
  lcpMs: number | null;
  cls: number | null;
  inpMs: number | null;
  interactions: number;
  /** Which steps found their element (for --debug). */
  performed?: string[];
}

export interface Profile {
  name: 'desktop' | 'phone';
  width: number;
  height: number;
  /** Chromium CPU slowdown (Lighthouse's mobile default is 4×). */
  cpuSlowdown: number;
}

export const PROFILES: Profile[] = [
  { name: 'desktop', width: 1440, height: 900, cpuSlowdown: 1 },
  { name: 'phone', width: 390, height: 844, cpuSlowdown: 4 },
];

/** What a merchant does on each view: selectors clicked in order when present, text typed into inputs. */
export const ADMIN_INTERACTIONS: Record<string, Array<{ click?: string; type?: string }>> = {
  overview: [{ click: '.fix-link' }],
  fixes: [{ click: 'details > summary' }, { click: 'details.also > summary, details:last-of-type > summary' }],
  pages: [{ click: 'details > summary' }],
  checkout: [{ click: 'details > summary' }],
  links: [{ type: '#f-q' }],
  settings: [{ click: 'input[type=checkbox]:not([disabled])' }, { click: 'details > summary' }],
};

const require = createRequire(import.meta.url);
let libraryScript: string | null = null;

/**
 * Runs in the page before its own scripts. Headless Chromium sometimes drops the frame that follows an input
 * and, when nothing else on the page changes, draws no further frame until the next input arrives. Event
 * Timing measures an input to its next presented frame, so the input's duration then runs on to the next
 * input: a Tab between two cards of Pages read 352 ms, and the same page saved as static HTML with no script
 * and no CSS read 872 ms, while the same Chromium headed under Xvfb measured under 16 ms for both and its own
 * trace (EventTiming) 42–48 ms. A headed browser presents frames at every vsync; this gives headless the same
 * by changing one invisible pixel in the animation frame after each input, so that frame has something to
 * draw. It cannot hide slow work: the frame comes after the page's handlers and rendering are done (a 250 ms
 * focus handler still reads 256 ms, headless and headed alike; test/admin/vitals-instrument.test.ts).
 */
export function keepPresenting(): void {
  let dot: HTMLElement | null = null;
  let frames = 0;
  // Each animation frame after an input sets a value the previous frame did not have. A toggle would not do:
  // a key press's keydown and keyup often land in one frame, and two toggles in one frame change nothing,
  // so that frame had nothing to draw again (1 visit in 8 read about 360 ms on an idle machine).
  const paint = () =>
    requestAnimationFrame(() => {
      if (!dot) {
        dot = document.createElement('div');
        dot.setAttribute('aria-hidden', 'true');
        dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;background:#000;opacity:0.01;z-index:2147483647';
        document.documentElement.appendChild(dot);
      }
      frames += 1;
      dot.style.opacity = String(0.01 + (frames % 9) / 1000);
    });
  for (const type of ['keydown', 'keyup', 'pointerdown', 'pointerup', 'click']) addEventListener(type, paint, { capture: true });
}

async function observerScript(): Promise<string> {
  libraryScript ??= await readFile(join(dirname(require.resolve('web-vitals')), 'web-vitals.iife.js'), 'utf8');
  // reportAllChanges: every new LCP candidate, layout shift and slower interaction updates the figure, so it
  // can be read at any time without hiding the page.
  return `${libraryScript}
  ;(${keepPresenting.toString()})();
  ;(() => {
    const v = (window.__vitals = { lcpMs: null, cls: null, inpMs: null });
    const o = { reportAllChanges: true };
    webVitals.onLCP((m) => { v.lcpMs = m.value; }, o);
    webVitals.onCLS((m) => { v.cls = m.value; }, o);
    webVitals.onINP((m) => { v.inpMs = m.value; }, { ...o, durationThreshold: 0 });
  })();`;
}

async function settle(page: Page): Promise<void> {
  // Two animation frames after the work a click started, then idle time for event timing to be reported.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
}

/** One visit: load `url`, wait for its content, perform `steps`, press Tab, read the figures. */
export async function measureVisit(pool: BrowserPool, url: string, profile: Profile, ready: string, steps: Array<{ click?: string; type?: string }>, nextTab?: string): Promise<Vitals> {
  const context = await pool.newContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: profile.width, height: profile.height, isMobile: profile.name === 'phone', hasTouch: false });
    if (profile.cpuSlowdown > 1) await page.emulateCPUThrottling(profile.cpuSlowdown);
    await page.evaluateOnNewDocument(await observerScript());
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(ready, { timeout: 30_000 });
    await settle(page);
    let interactions = 0;
    const performed: string[] = [];
    for (const step of steps) {
      const selector = step.click ?? step.type;
      if (!selector) continue;
      const element = await page.$(selector);
      if (!element) continue;
      await element.scrollIntoView();
      if (step.click) await element.click();
      else await element.type('home', { delay: 30 });
      interactions += step.click ? 1 : 4;
      performed.push(selector);
      await settle(page);
    }
    await page.keyboard.press('Tab');
    interactions += 1;
    await settle(page);
    if (nextTab) {
      const tab = await page.$(nextTab);
      if (tab) {
        await tab.click();
        interactions += 1;
        performed.push(nextTab);
        await settle(page);
      }
    }
    // The page going hidden is when web-vitals finalises CLS and INP (as when a merchant leaves the tab).
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const vitals = await page.evaluate(() => (window as unknown as { __vitals: Omit<Vitals, 'interactions'> }).__vitals);
    return { ...vitals, interactions, performed };
  } finally {
    await context.close();
  }
}

export function median(values: Array<number | null>): number | null {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

export function medianVitals(visits: Vitals[]): Vitals {
  return {
    lcpMs: median(visits.map((v) => v.lcpMs)),
    cls: median(visits.map((v) => v.cls)),
    inpMs: median(visits.map((v) => v.inpMs)),
    interactions: median(visits.map((v) => v.interactions)) ?? 0,
  };
}
