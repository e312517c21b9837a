// LCP and CLS per checkout page, measured by the web-vitals library itself (not a hand-written observer),
// injected into every document before the page's own scripts run. reportAllChanges makes it report as it
// goes, since a journey never hides the page, which is when web-vitals would otherwise report.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | null = null;

function vitalsSource(): Promise<string> {
  source ??= // The IIFE build is not in the package's exports map; it sits beside the CommonJS main.
    readFile(join(dirname(require.resolve('web-vitals')), 'web-vitals.iife.js'), 'utf8').then(
    (library) => `${library}
;(() => {
  const store = (window.__checkoutAuditVitals = { lcp: null, cls: null });
  try {
    webVitals.onLCP((m) => { store.lcp = m.value; }, { reportAllChanges: true });
    webVitals.onCLS((m) => { store.cls = m.value; }, { reportAllChanges: true });
  } catch (e) { /* not measurable in this document */ }
})();`,
  );
  return source;
}

export async function injectVitals(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(await vitalsSource());
}

export interface PageVitals {
  lcpMs: number | null;
  cls: number | null;
}

/** How long a step's end waits for its first LCP report, when none has come yet. */
const LCP_REPORT_WAIT_MS = 1000;

export async function readVitals(page: Page): Promise<PageVitals> {
  // web-vitals reports LCP from its PerformanceObserver callback, which the browser delivers as a low-priority
  // task: on a busy machine a page that settled quickly can be left before the first report arrives (seen at
  // load 5: lcpMs null on a step that painted). Wait briefly for it; a page that painted nothing costs the wait.
  await page
    .waitForFunction(() => (window as unknown as { __checkoutAuditVitals?: { lcp: number | null } }).__checkoutAuditVitals?.lcp != null,
      { timeout: LCP_REPORT_WAIT_MS, polling: 50 })
    .catch(() => undefined);
  const raw = await page
    .evaluate(() => {
      const w = window as unknown as { __checkoutAuditVitals?: { lcp: number | null; cls: number | null } };
      const layoutShiftSupported = PerformanceObserver.supportedEntryTypes?.includes('layout-shift') ?? false;
      const values = w.__checkoutAuditVitals;
      // No shift reported yet on a browser that can observe shifts means none happened: CLS 0, not unknown.
      return { lcp: values?.lcp ?? null, cls: values ? (values.cls ?? (layoutShiftSupported ? 0 : null)) : null };
    })
    .catch(() => ({ lcp: null, cls: null }));
  return {
    lcpMs: raw.lcp === null ? null : Math.round(raw.lcp),
    cls: raw.cls === null ? null : Math.round(raw.cls * 1000) / 1000,
  };
}
