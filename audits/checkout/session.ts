// What every stage of one journey shares, plus the small page helpers they all need.
import type { HTTPResponse, Page } from 'puppeteer-core';
import type { CheckoutOptions } from './options.ts';
import type { PaymentGuard } from './payment-guard.ts';
import type { StepRecorder } from './step-recorder.ts';
import { JourneyFailure } from './failure.ts';
import { withDeadline, type Heartbeat } from './run-step.ts';
import type { Message } from '../../src/report/schema.ts';

export interface JourneySession {
  page: Page;
  storeUrl: string;
  options: CheckoutOptions;
  guard: PaymentGuard;
  recorder: StepRecorder;
  artifactsDir: string;
  progress: (message: string | Message) => void;
  signal?: AbortSignal;
  /** Name of the stage or checkout page in progress, which a failure is reported against. */
  stage: string;
  screenshotCount: number;
  /** Each finished wait of the checkout page in progress beats here: its deadline counts from the last beat. */
  heartbeat: Heartbeat;
}

export function absoluteUrl(session: JourneySession, pathOrUrl: string): string {
  return new URL(pathOrUrl, session.storeUrl).href;
}

export function sameOrigin(session: JourneySession, url: string): boolean {
  try {
    return new URL(url).origin === new URL(session.storeUrl).origin;
  } catch {
    return false;
  }
}

/** Navigates and turns "the storefront is locked" into its own finding wherever it happens. */
export async function openPage(session: JourneySession, url: string): Promise<HTTPResponse | null> {
  session.signal?.throwIfAborted();
  const response = await session.page.goto(url, { waitUntil: 'domcontentloaded', timeout: session.options.stepTimeoutMs });
  const status = response?.status() ?? 0;
  if (status >= 500 || status === 429) throw new JourneyFailure('other', `${url} answered HTTP ${status}`, undefined, true);
  await assertNotPasswordPage(session);
  return response;
}

export async function assertNotPasswordPage(session: JourneySession): Promise<void> {
  const { page, options } = session;
  const onPasswordPath = /\/password\/?$/.test(new URL(page.url()).pathname);
  const hasPasswordForm = (await page.$(options.selectors.passwordPage)) !== null;
  if (onPasswordPath || hasPasswordForm) {
    throw new JourneyFailure('password-protected', `the storefront is password-protected (${page.url()}); a shopper cannot reach any product`);
  }
}

/** Whether an element matching the selector is rendered (not display:none, not zero-size). */
export async function visibleMatch(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(selector, (els) => els.some((el) => (el as HTMLElement).getClientRects().length > 0)).catch(() => false);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Lets late requests (analytics, tracking) of a page start and settle, without waiting forever for them.
 * Counts in-flight requests itself: Puppeteer's waitForNetworkIdle never saw the network idle once request
 * interception had handled a redirected navigation, and always ran to its timeout. Called once the journey
 * has done acting on the page (filled it), as the page's answers to our input are its requests too.
 *
 * Settled means: nothing in flight (a request still running when we leave is cancelled by the navigation,
 * and its failure never seen), the page's load event has fired (analytics often start at load), its main
 * thread has gone idle with no network activity meanwhile (a request chained on another's answer, or sent
 * by a script working through our change events, is issued before the thread is idle), and neither the
 * network nor we have touched the page for idleMs (a request the page puts on a short timer). It was a
 * 250 ms quiet window alone, counted from the network's last activity; the load and idle conditions catch
 * most of what it stood in for, so it is 100 ms, which still catches a timer under 100 ms.
 */
export async function settle(session: JourneySession, idleMs = 100, maxMs = 2_000): Promise<void> {
  const { recorder, page } = session;
  const started = performance.now();
  const left = (): number => maxMs - (performance.now() - started);
  while (left() > 0) {
    // Quiet since the network's last activity and since we last acted on the page (a timer the page set on
    // our last change event starts then).
    const quietFor = performance.now() - Math.max(recorder.lastActivityAt, started);
    if (recorder.inFlight > 0 || quietFor < idleMs) {
      await sleep(recorder.inFlight > 0 ? 25 : Math.max(1, Math.min(25, idleMs - quietFor)));
      continue;
    }
    const mark = recorder.lastActivityAt;
    const idle = await withDeadline(
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const whenIdle = (): void => void requestIdleCallback(() => resolve(true), { timeout: 500 });
            if (document.readyState === 'complete') whenIdle();
            else addEventListener('load', whenIdle, { once: true });
          }),
      ),
      Math.max(1, left()),
      'page idle',
    ).catch(() => false);
    if (idle && recorder.inFlight === 0 && recorder.lastActivityAt === mark) return;
  }
}
