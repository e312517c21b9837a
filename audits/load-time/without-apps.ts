// Measured cost: the page again without the app. For the apps that cost the most, each weighed page
// (home, product, collection) is re-run N times with that app's URLs blocked (Lighthouse's blockedUrlPatterns,
// i.e. Network.setBlockedURLs before the navigation), and the change against the page's own median run is
// reported as a median with its spread. Shopify measures an app the same way, before and after install,
// weighted home 17 %, product 40 %, collection 43 %, and refuses apps that cost more than 10 points.
import type { Page } from 'puppeteer-core';
import type { AppCost, AppImpact, LoadTimePage, Message, LoadTimeSection, WithoutApp } from '../../src/report/schema.ts';
import { count, ms, url } from '../../src/report/message.ts';
import type { BrowserPool } from '../shared/browser.ts';
import { appsMessage } from './app-messages.ts';
import { metricsOf, scoreOf } from './page-metrics.ts';
import { runLighthouseOnce } from './run-once.ts';
import { TEMPLATE_WEIGHTS } from './store-score.ts';
import { progressMessage } from '../shared/progress-message.ts';

/** Shopify's App Store limit: an app may not lower storefront Lighthouse performance by more than 10 points. */
export const SHOPIFY_APP_LIMIT_POINTS = 10;

export interface WithoutAppsInput {
  pages: LoadTimePage[];
  top: number;
  runs: number;
  headers: Record<string, string>;
  runTimeoutMs: number;
  documentTimeoutMs: number;
  signal?: AbortSignal;
  progress: (message: string | Message) => void;
}

export interface WithoutAppsResult {
  appImpacts: AppImpact[];
  withoutAppsCost: NonNullable<LoadTimeSection['withoutAppsCost']>;
}

/** The apps to measure: the costliest by blocking + main-thread time over the weighed pages, then bytes. */
export function appsToMeasure(pages: readonly LoadTimePage[], top: number): string[] {
  const total = new Map<string, { time: number; bytes: number }>();
  for (const page of weighedPages(pages)) {
    for (const app of page.apps) {
      if (app.kind !== 'app' || app.urls.length === 0) continue;
      const t = total.get(app.name) ?? { time: 0, bytes: 0 };
      total.set(app.name, { time: t.time + app.blockingMs + app.mainThreadMs, bytes: t.bytes + app.transferBytes });
    }
  }
  return [...total.entries()].sort(([, a], [, b]) => b.time - a.time || b.bytes - a.bytes).slice(0, top).map(([name]) => name);
}

/** Patterns that block every URL the app was seen loading, on any page: its extension, its hosts, its proxy. */
export function blockedPatternsFor(urls: readonly string[], storeOrigins: ReadonlySet<string>): string[] {
  const patterns = new Set<string>();
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const extension = /\/extensions\/([0-9a-f-]{36})\//i.exec(url.pathname);
    if (extension) patterns.add(`*/extensions/${extension[1]}/*`);
    else if (storeOrigins.has(url.origin)) patterns.add(`${url.origin}/${url.pathname.split('/').slice(1, 3).join('/')}*`);
    else patterns.add(`*://${url.host}/*`);
  }
  return [...patterns].sort();
}

export async function measureWithoutApps(pool: BrowserPool, input: WithoutAppsInput): Promise<WithoutAppsResult> {
  const started = performance.now();
  const pages = weighedPages(input.pages);
  const origins = new Set(input.pages.map((p) => new URL(p.url).origin));
  const names = appsToMeasure(input.pages, input.top);
  let extraRuns = 0;
  const impacts: AppImpact[] = [];
  for (const name of names) {
    const urls = pages.flatMap((p) => p.apps.find((a) => a.kind === 'app' && a.name === name)?.urls ?? []);
    const patterns = blockedPatternsFor(urls, origins);
    for (const page of pages) {
      const cost = page.apps.find((a) => a.kind === 'app' && a.name === name);
      const without = await measureOnePage(pool, input, page, name, patterns);
      extraRuns += input.runs;
      if (cost) cost.without = without;
      else page.apps.push({ ...emptyCost(name), without });
    }
    impacts.push(impactOf(name, pages));
  }
  const elapsedMs = Math.round(performance.now() - started);
  return {
    appImpacts: impacts,
    withoutAppsCost: {
      apps: names.length,
      extraRuns,
      elapsedMs,
      text: appsMessage('withoutAppsCost', { apps: count(names.length), runs: count(extraRuns), time: ms(elapsedMs) }),
    },
  };
}

/** Pages Shopify weighs, of the first device measured (the mobile one unless only desktop was asked for). */
function weighedPages(pages: readonly LoadTimePage[]): LoadTimePage[] {
  const device = pages.find((p) => !p.error)?.device;
  return pages.filter((p) => p.device === device && !p.error && p.score !== null && p.template in TEMPLATE_WEIGHTS);
}

async function measureOnePage(pool: BrowserPool, input: WithoutAppsInput, page: LoadTimePage, name: string, patterns: string[]): Promise<WithoutApp> {
  const started = performance.now();
  const scores: number[] = [];
  const lcp: number[] = [];
  const fcp: number[] = [];
  const tbt: number[] = [];
  let markup = 0;
  for (let run = 1; run <= input.runs; run++) {
    input.signal?.throwIfAborted();
    input.progress(progressMessage('withoutAppRun', { url: url(page.url), app: name, run: count(run), runs: count(input.runs) }));
    try {
      const lhr = await runLighthouseOnce(pool, {
        url: page.url,
        device: page.device,
        headers: input.headers,
        runTimeoutMs: input.runTimeoutMs,
        documentTimeoutMs: input.documentTimeoutMs,
        signal: input.signal,
        blockedUrlPatterns: patterns,
        inspect: async (tab) => {
          markup = Math.max(markup, await remainingMarkup(tab, name));
        },
      });
      const score = scoreOf(lhr);
      const metrics = metricsOf(lhr);
      if (score !== null && page.score !== null) scores.push(score - page.score);
      pushDelta(lcp, page.metrics.lcpMs, metrics.lcpMs);
      pushDelta(fcp, page.metrics.fcpMs, metrics.fcpMs);
      pushDelta(tbt, page.metrics.tbtMs, metrics.tbtMs);
    } catch (error) {
      if (input.signal?.aborted) throw error;
      input.progress(progressMessage('withoutAppFailed', { url: url(page.url), app: name, reason: (error as Error).message }));
    }
  }
  const result: WithoutApp = {
    runs: scores.length,
    blockedUrlPatterns: patterns,
    scoreDelta: deltaOf(scores),
    lcpMsDelta: deltaOf(lcp),
    fcpMsDelta: deltaOf(fcp),
    tbtMsDelta: deltaOf(tbt),
    unreliable: markup > 0 ? appsMessage('unreliableMarkup', { app: name, count: count(markup) }) : null,
    elapsedMs: Math.round(performance.now() - started),
  };
  return { ...result, text: withoutAppText(name, result) };
}

/** Time saved without the app: positive means the metric got shorter. */
function pushDelta(into: number[], withApp: number | null, withoutApp: number | null): void {
  if (withApp !== null && withoutApp !== null) into.push(withApp - withoutApp);
}

export function deltaOf(values: readonly number[]): WithoutApp['scoreDelta'] {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: Math.round(median), min: Math.round(sorted[0]!), max: Math.round(sorted[sorted.length - 1]!) };
}

/**
 * Elements of the app that are still in the page with its URLs blocked: server-rendered app-block markup (an
 * id or class naming the app, as Shopify's app blocks and their widgets carry). Blocking cannot remove them,
 * so their layout and paint cost stays in the "without" run.
 */
async function remainingMarkup(tab: Page, name: string): Promise<number> {
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.join('').length < 4) return 0;
  const slugs = [...new Set([words.join('-'), words.join('_'), words.join('')])];
  return tab.evaluate((candidates: string[]) => {
    const selector = candidates.flatMap((s) => [`[class*="${s}" i]`, `[id*="${s}" i]`]).join(',');
    return [...document.body.querySelectorAll(selector)].filter((el) => !['SCRIPT', 'LINK', 'STYLE', 'TEMPLATE'].includes(el.tagName)).length;
  }, slugs);
}

function emptyCost(name: string): AppCost {
  return { name, kind: 'app', urls: [], transferBytes: 0, mainThreadMs: 0, blockingMs: 0, renderBlockingMs: 0, tbtMs: 0 };
}

/** The app's weighted score delta, templates averaged and weighted like Shopify's (renormalised if one is missing). */
export function impactOf(name: string, pages: readonly LoadTimePage[]): AppImpact {
  const byTemplate = new Map<string, number[]>();
  let unreliable = false;
  for (const page of pages) {
    const without = page.apps.find((a) => a.kind === 'app' && a.name === name)?.without;
    if (!without) continue;
    if (without.unreliable) unreliable = true;
    if (without.scoreDelta) byTemplate.set(page.template, [...(byTemplate.get(page.template) ?? []), without.scoreDelta.median]);
  }
  const present = Object.keys(TEMPLATE_WEIGHTS).filter((t) => byTemplate.has(t));
  const weightSum = present.reduce((s, t) => s + (TEMPLATE_WEIGHTS[t] ?? 0), 0);
  const weights: Record<string, number> = {};
  let weighted = 0;
  for (const t of present) {
    const w = (TEMPLATE_WEIGHTS[t] ?? 0) / weightSum;
    weights[t] = Math.round(w * 1000) / 1000;
    const values = byTemplate.get(t)!;
    weighted += (w * values.reduce((a, b) => a + b, 0)) / values.length;
  }
  const points = present.length > 0 ? Math.round(weighted * 10) / 10 : null;
  const exceeds = points !== null && points > SHOPIFY_APP_LIMIT_POINTS;
  const text =
    points === null
      ? appsMessage('withoutAppNoScore', { app: name })
      : appsMessage(exceeds ? 'shopifyLimit' : 'withinShopifyLimit', { app: name, points });
  return { name, weightedScoreDelta: points, weights, exceedsShopifyLimit: exceeds, unreliable, text };
}

/** "Without Reviews Pro: +9 points (range +6 to +12), …" for one page's measurement. */
export function withoutAppText(name: string, without: WithoutApp): ReturnType<typeof appsMessage> {
  if (!without.scoreDelta) return appsMessage('withoutAppNoScore', { app: name });
  return appsMessage('withoutApp', {
    app: name,
    points: without.scoreDelta.median,
    pointsMin: without.scoreDelta.min,
    pointsMax: without.scoreDelta.max,
    lcp: ms(without.lcpMsDelta?.median ?? 0),
    tbt: ms(without.tbtMsDelta?.median ?? 0),
    runs: without.runs,
  });
}
