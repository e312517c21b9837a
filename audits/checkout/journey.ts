// The whole journey in one fresh browser context: find a product, add it to the cart, open checkout, walk to
// the payment step. Whatever stops it becomes `failure` in the section; only an abort escapes as an error.
import type { BrowserContext, Page } from 'puppeteer-core';
import type { AuditContext } from '../types.ts';
import type { CheckoutSection, CheckoutStep } from '../../src/report/schema.ts';
import { addFirstAvailable, type AddedProduct } from './add-to-cart.ts';
import { classifyError, failureOrigin, JourneyFailure } from './failure.ts';
import { code, nested } from '../../src/report/message.ts';
import { checkoutMessage } from '../../src/i18n/messages/checkout.ts';
import { findProductCandidates } from './find-product.ts';
import { openCheckout } from './open-checkout.ts';
import type { CheckoutOptions } from './options.ts';
import { injectVitals } from './page-vitals.ts';
import { PaymentGuard } from './payment-guard.ts';
import { Heartbeat, runStep } from './run-step.ts';
import type { JourneySession } from './session.ts';
import { StepRecorder } from './step-recorder.ts';
import { recordCheckoutStart, screenshot, walkCheckout } from './walk-checkout.ts';
import { progressMessage, stepParam } from '../shared/progress-message.ts';

export const BAYMARD_BENCHMARK = {
  steps: 5.1,
  fields: 11.3,
  source: 'Baymard Institute (2024): the average checkout has 5.1 steps and 11.3 form fields',
} as const;

const VIEWPORTS = {
  mobile: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  desktop: { width: 1280, height: 800, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;

async function preparePage(context: AuditContext, options: CheckoutOptions, browserContext: BrowserContext): Promise<JourneySession> {
  const page = await browserContext.newPage();
  page.setDefaultTimeout(options.stepTimeoutMs);
  page.setDefaultNavigationTimeout(options.stepTimeoutMs);
  await page.setViewport(VIEWPORTS[options.device === 'desktop' ? 'desktop' : 'mobile']);
  await injectVitals(page);
  const guard = new PaymentGuard({
    storeOrigin: new URL(context.storeUrl).origin,
    headers: context.headers,
    allowPrivateAddresses: context.allowPrivateAddresses,
    blockUrlPatterns: options.blockUrlPatterns,
  });
  await guard.install(page);
  const recorder = new StepRecorder(page, guard);
  return { page, storeUrl: context.storeUrl, options, guard, recorder, artifactsDir: context.artifactsDir, progress: context.progress, signal: context.signal, stage: 'home', screenshotCount: 0, heartbeat: new Heartbeat() };
}

function browserGone(page: Page | undefined): boolean {
  return page !== undefined && (!page.browser().connected || page.isClosed());
}

export async function runCheckoutJourney(context: AuditContext, options: CheckoutOptions): Promise<CheckoutSection> {
  const started = performance.now();
  const steps: CheckoutStep[] = [];
  let product: AddedProduct | null = null;
  const flakyStages: string[] = [];
  let failure: CheckoutSection['failure'] = null;
  let completed = false;
  let browserContext: BrowserContext | undefined;
  let session: JourneySession | undefined;
  const stepOptions = {
    timeoutMs: options.stepTimeoutMs,
    retry: options.retryFlakySteps,
    signal: context.signal,
    // A navigation left hanging would abort the retry's own navigation: drop it first.
    onRetry: async (failure: JourneyFailure) => {
      context.progress(progressMessage('checkoutRetrying', { step: stepParam(session?.stage ?? '?'), reason: failure.message }));
      await session?.page.goto('about:blank').catch(() => undefined);
    },
  };
  // An abort closes the browser context, so whatever the journey is waiting on fails at once.
  const onAbort = (): void => void browserContext?.close().catch(() => undefined);
  context.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    context.signal?.throwIfAborted();
    browserContext = await context.browser.newContext();
    session = await preparePage(context, options, browserContext);
    const s = session;
    const candidates = await runStep('finding a product', () => findProductCandidates(s), stepOptions);
    if (candidates.flaky) flakyStages.push('home');
    s.stage = 'product';
    const added = await runStep('adding to cart', () => addFirstAvailable(s, candidates.value), stepOptions);
    if (added.flaky) flakyStages.push('product');
    product = added.value;
    s.stage = 'cart';
    const clickedAt = await runStep('opening checkout', () => openCheckout(s), stepOptions);
    if (clickedAt.flaky) flakyStages.push('cart');
    s.stage = 'checkout';
    if (options.stopAt === 'checkout-start') {
      await recordCheckoutStart(s, clickedAt.value, steps);
      completed = true;
    } else completed = await walkCheckout(s, clickedAt.value, steps);
  } catch (error) {
    if (context.signal?.aborted) throw error;
    let found = classifyError(error);
    if (found.reason !== 'crash' && browserGone(session?.page)) found = new JourneyFailure('crash', `the browser crashed or closed during "${session?.stage}": ${found.message}`);
    const stage = session?.stage ?? 'start';
    const blocked = session?.guard.blocked ?? [];
    const blockedNote = blocked.length > 0 ? ` (the never-pay guard blocked ${blocked.map((b) => `${b.method} ${b.url}`).join(', ')})` : '';
    const origin = failureOrigin(found);
    const reasonText = checkoutMessage(origin === 'auditor' && found.reason === 'other' ? 'reason.auditor-other' : `reason.${found.reason}`);
    failure = { step: stage, reason: found.reason, message: found.message + blockedNote, origin, text: checkoutMessage(origin === 'store' ? 'storeFailure' : 'couldNotTest', { step: code(stage), reason: nested(reasonText) }) };
    if (found.field) failure.field = found.field;
    if (session && found.reason !== 'crash') {
      failure.url = session.page.url();
      // A checkout page that failed already has its screenshot; a storefront stage gets one here.
      failure.screenshot = steps.at(-1)?.name === stage ? (steps.at(-1)?.screenshot ?? null) : await screenshot(session, `failed-${stage}`);
    }
    context.progress(progressMessage('checkoutStopped', { step: stepParam(stage), reason: nested(reasonText) }));
  } finally {
    context.signal?.removeEventListener('abort', onAbort);
    await browserContext?.close().catch(() => undefined);
  }
  return {
    completed,
    stepCount: steps.length,
    formFields: steps.reduce((sum, step) => sum + step.fields.length, 0),
    totalMs: Math.round(performance.now() - started),
    failure,
    steps,
    benchmark: { ...BAYMARD_BENCHMARK },
    product,
    blockedRequests: session?.guard.blocked ?? [],
    flakyStages,
    stoppedAt: options.stopAt,
  };
}
