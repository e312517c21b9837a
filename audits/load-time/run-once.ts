// One Lighthouse run in a fresh incognito context: no cache or cookies carried over from the previous run,
// and a tab that dies takes nothing else with it. Two watchdogs bound the run, because Lighthouse itself
// waits up to minutes on a server that never answers (every gatherer hits a 30 s protocol timeout).
import { navigation, type Result } from 'lighthouse';
import type { BrowserContext, HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import type { BrowserPool } from '../shared/browser.ts';
import { benchmarkOncePerBrowser } from './benchmark-once.ts';
import { detectInterstitial, type DocumentResponse, type DocumentText } from './interstitial.ts';
import { withLcpImageCounted } from './lcp-image-priority.ts';
import { lighthouseSettings } from './lighthouse-settings.ts';
import { sendHeadersToOwnOrigin } from './own-origin-headers.ts';
import { PageFailure, failureFromException, failureFromRuntimeError } from './page-failure.ts';

export interface RunOnceInput {
  url: string;
  device: 'mobile' | 'desktop';
  headers: Record<string, string>;
  runTimeoutMs: number;
  documentTimeoutMs: number;
  signal?: AbortSignal;
  /** URL patterns Lighthouse blocks during the run (the "without this app" runs). */
  blockedUrlPatterns?: readonly string[];
  /** Reads the loaded page after a successful run, before its context closes (e.g. what markup remains). */
  inspect?: (page: Page) => Promise<void>;
}

// After we abort, Lighthouse still unwinds (its pending protocol calls fail once the context is gone). We wait
// for that so that two runs never overlap, but not forever.
const SETTLE_AFTER_ABORT_MS = 15_000;

/** Runs Lighthouse once; resolves on a usable result, rejects with a PageFailure otherwise. */
export async function runLighthouseOnce(pool: BrowserPool, input: RunOnceInput): Promise<Result> {
  input.signal?.throwIfAborted();
  const context = await openContext(pool);
  const browser = context.browser();
  const controller = new AbortController();
  let failure: PageFailure | null = null;
  const timers: NodeJS.Timeout[] = [];
  let page: Page | null = null;

  const abort = async (reason: PageFailure): Promise<void> => {
    if (failure) return;
    failure = reason;
    // Cancel the pending navigation first: Lighthouse's Page.navigate promise then resolves instead of
    // rejecting later (unobserved) when the context closes.
    if (page) await stopLoading(page);
    controller.abort(reason);
  };
  const onOuterAbort = (): void => void abort(new PageFailure('other', 'the audit was cancelled'));
  input.signal?.addEventListener('abort', onOuterAbort, { once: true });

  try {
    page = await context.newPage();
    benchmarkOncePerBrowser(page);
    await sendHeadersToOwnOrigin(page, input.url, input.headers);
    const document = watchDocument(page, input.documentTimeoutMs, (ms) =>
      abort(new PageFailure('timeout', `the server sent no response within ${Math.round(ms / 1000)} s`)),
    );
    timers.push(document.timer);
    const { flags, config } = lighthouseSettings(input.device, input.blockedUrlPatterns);
    const run = navigation(page, input.url, { flags, config, signal: controller.signal } as Parameters<typeof navigation>[2]);
    const deadline = new Promise<'deadline'>((resolve) => {
      timers.push(setTimeout(() => resolve('deadline'), input.runTimeoutMs));
    });
    const outcome = await Promise.race([run.then((r) => ({ result: r }), (error: unknown) => ({ error })), deadline]);
    if (outcome === 'deadline') {
      await abort(new PageFailure('timeout', `the Lighthouse run took longer than ${Math.round(input.runTimeoutMs / 1000)} s`));
      await context.close().catch(() => undefined);
      await settle(run);
    }
    if (failure) throw failure;
    if (outcome === 'deadline') throw new PageFailure('timeout', 'the run timed out');
    if ('error' in outcome) throw failureFromException(outcome.error);
    if (!outcome.result?.lhr) throw new PageFailure('other', 'Lighthouse returned no result');
    const { lhr } = await withLcpImageCounted(outcome.result, flags, config);

    const interstitial = detectInterstitial(document.response(), await documentText(page));
    if (interstitial) throw new PageFailure('interstitial', interstitial);
    if (lhr.runtimeError) throw failureFromRuntimeError(lhr.runtimeError);
    if (input.inspect) await input.inspect(page).catch(() => undefined);
    return lhr;
  } catch (error) {
    // A browser killed mid-run can still leave Lighthouse a result (NO_FCP) or a protocol error: the cause is the crash.
    throw failure ?? (browser.connected ? failureFromException(error) : browserDied());
  } finally {
    for (const timer of timers) clearTimeout(timer);
    input.signal?.removeEventListener('abort', onOuterAbort);
    await context.close().catch(() => undefined);
  }
}

function browserDied(): PageFailure {
  return new PageFailure('crash', 'Chromium exited during the run (killed or crashed); it is relaunched for the next page');
}

/** A fresh context; after a browser crash the pool relaunches Chromium, which can take one retry to notice. */
async function openContext(pool: BrowserPool): Promise<BrowserContext> {
  try {
    return await pool.newContext();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return pool.newContext();
  }
}

interface DocumentWatch {
  timer: NodeJS.Timeout;
  response: () => DocumentResponse | null;
}

/** Starts the "no response" watchdog when the main document is requested and stops it when headers arrive. */
function watchDocument(page: Page, timeoutMs: number, onTimeout: (ms: number) => void): DocumentWatch {
  let last: DocumentResponse | null = null;
  const watch: DocumentWatch = { timer: setTimeout(() => undefined, 0), response: () => last };
  const isMainDocument = (request: HTTPRequest): boolean =>
    request.isNavigationRequest() && request.frame() === page.mainFrame() && request.resourceType() === 'document';
  page.on('request', (request: HTTPRequest) => {
    if (!isMainDocument(request) || last) return;
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => onTimeout(timeoutMs), timeoutMs);
  });
  page.on('response', (response: HTTPResponse) => {
    if (!isMainDocument(response.request())) return;
    clearTimeout(watch.timer);
    last = { status: response.status(), headers: response.headers() };
  });
  return watch;
}

async function stopLoading(page: Page): Promise<void> {
  try {
    const session = await page.createCDPSession();
    await session.send('Page.stopLoading');
    await session.detach().catch(() => undefined);
  } catch {
    // The tab or browser is already gone: nothing left to stop.
  }
}

async function documentText(page: Page): Promise<DocumentText | null> {
  const read = page.evaluate(() => ({ title: document.title, text: (document.body?.innerText ?? '').slice(0, 2000) }));
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000).unref());
  return Promise.race([read, timeout]).catch(() => null);
}

async function settle(run: Promise<unknown>): Promise<void> {
  const wait = new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_ABORT_MS).unref());
  await Promise.race([run.catch(() => undefined), wait]);
}
