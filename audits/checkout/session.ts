// What every stage of one journey shares, plus the small page helpers they all need.
import type { HTTPResponse, Page } from 'puppeteer-core';
import type { CheckoutOptions } from './options.ts';
import type { PaymentGuard } from './payment-guard.ts';
import type { StepRecorder } from './step-recorder.ts';
import { JourneyFailure } from './failure.ts';
import type { Heartbeat } from './run-step.ts';
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
 * interception had handled a redirected navigation, and always ran to its timeout.
 */
export async function settle(session: JourneySession, idleMs = 250, maxMs = 2_000): Promise<void> {
  const started = performance.now();
  // Idle counts from the network's last activity, not from when we started looking: a page whose requests
  // ended while it was being read is already partly through its quiet window.
  while (performance.now() - started < maxMs) {
    if (session.recorder.inFlight === 0 && performance.now() - session.recorder.lastActivityAt >= idleMs) return;
    await sleep(25);
  }
}
