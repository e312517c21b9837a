// A real, small audit with the engine's runAudit signature: it asks the probe store for its state over HTTP
// and turns it into a schema-valid report. With `useBrowser`, it first opens the store's /hang page in the
// worker's Chromium, so a hung store means a hung browser that the time limit must kill.
import type { RunAuditOptions } from '../../../src/engine/run-audit.ts';
import { SCHEMA_VERSION, validateReport, type Report } from '../../../src/report/schema.ts';
import type { ProbeState } from './probe-store.ts';

/** Chrome processes the browser-using probe ran in, and when each audit started (for the tests' checks). */
export const probeTrace: { chromePids: number[]; startedAt: number[] } = { chromePids: [], startedAt: [] };

export async function probeAudit(storeUrl: string, options: RunAuditOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  probeTrace.startedAt.push(Date.now());
  if ((options.auditOptions as { probe?: { useBrowser?: boolean } } | undefined)?.probe?.useBrowser && options.browser) {
    const context = await options.browser.newContext();
    const pid = options.browser.pid();
    if (pid) probeTrace.chromePids.push(pid);
    // Puppeteer sometimes reports "main frame too early" on a loaded machine; a second try gets the page.
    const page = await context.newPage().catch(() => context.newPage());
    // In hold mode the store never answers: the page load hangs until the browser is killed.
    await page.goto(new URL('state.json', storeUrl).href, { timeout: 0 });
  }
  const response = await fetch(new URL('state.json', storeUrl), { signal: options.signal });
  if (!response.ok) throw new Error(`store answered ${response.status}`);
  const state = (await response.json()) as ProbeState;
  const only = options.only ?? ['load', 'checkout', 'links'];
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'probe-audit', version: '1' },
    store: { url: storeUrl },
    startedAt,
    finishedAt: new Date().toISOString(),
    pages: [{ url: storeUrl, template: 'home' }],
    loadTime: only.includes('load')
      ? {
          storeScore: state.score,
          pages: [
            {
              url: storeUrl,
              template: 'home',
              device: 'mobile',
              runs: 1,
              score: state.score,
              metrics: { lcpMs: state.lcpMs, fcpMs: 800, tbtMs: 100, cls: 0.01, ttfbMs: 200, speedIndexMs: 1200 },
              spread: {},
              opportunities: [],
              apps: [],
            },
          ],
        }
      : null,
    checkout:
      only.includes('checkout') && state.checkoutCompleted !== null
        ? {
            completed: state.checkoutCompleted,
            stepCount: 3,
            formFields: 12,
            totalMs: 4000,
            failure: state.checkoutCompleted ? null : { step: 'shipping', reason: 'selector-not-found', message: 'no continue button' },
            steps: [],
          }
        : null,
    links: only.includes('links')
      ? {
          pagesCrawled: 10,
          linksChecked: 40,
          truncated: false,
          broken: state.broken.map((url) => ({ url, status: 404, error: null, kind: 'page' as const, foundOn: [storeUrl] })),
          redirects: [],
          slowPages: [],
        }
      : null,
    fixes: [],
    budget: { breaches: state.budgetBreached ? [{ rule: 'lcpMs', limit: 2500, actual: state.lcpMs }] : [] },
    errors: [],
  };
  return validateReport(report);
}
