// Step 4: page by page through the checkout until the payment step, which is recorded and never submitted.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckoutStep } from '../../src/report/schema.ts';
import { findContinueButton, pressContinue, readRejectedFields } from './continue-step.ts';
import { matchCustomStep, runCustomActions, stepNameFromUrl } from './custom-steps.ts';
import { detectPaymentStep } from './detect-payment.ts';
import { JourneyFailure } from './failure.ts';
import { fillStep } from './fill-step.ts';
import { readVitals } from './page-vitals.ts';
import { runStep } from './run-step.ts';
import { settle, type JourneySession } from './session.ts';
import type { StepEvents } from './step-recorder.ts';
import { progressMessage, stepParam } from '../shared/progress-message.ts';
import { url } from '../../src/report/message.ts';

/** Writes a PNG into artifactsDir/checkout and returns its path relative to artifactsDir, or null. */
export async function screenshot(session: JourneySession, name: string): Promise<string | null> {
  if (!session.options.screenshots) return null;
  const relative = join('checkout', `${String(session.screenshotCount + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  try {
    await mkdir(join(session.artifactsDir, 'checkout'), { recursive: true });
    // optimizeForSpeed: a faster PNG encoder (larger file, same pixels); the shot is evidence, not an asset.
    await session.page.screenshot({ path: join(session.artifactsDir, relative) as `${string}.png`, type: 'png', optimizeForSpeed: true });
    session.screenshotCount += 1;
    return relative;
  } catch {
    return null;
  }
}

async function waitUsable(session: JourneySession): Promise<void> {
  // Reported against the page we came from (its continue button led here), as the stage is not renamed yet.
  const failedLoad = session.recorder.lastDocumentError;
  if (failedLoad || session.page.url().startsWith('chrome-error:')) throw new JourneyFailure('other', `the next checkout page failed to load (${failedLoad ?? session.page.url()})`);
  const status = session.recorder.lastDocumentStatus;
  if (status !== null && status >= 400) throw new JourneyFailure('other', `checkout page ${session.page.url()} answered HTTP ${status}`);
  await session.page.waitForFunction(
    () => document.readyState !== 'loading' && [...document.querySelectorAll('input, select, textarea, button')].some((el) => el.getClientRects().length > 0),
    { timeout: session.options.stepTimeoutMs, polling: 50 },
  );
}

interface PageOutcome {
  step: CheckoutStep;
  payment: boolean;
  nextClickAt: number;
}

function stepRecord(name: string, url: string, durationMs: number, fields: string[], events: StepEvents): CheckoutStep {
  return { name, url, durationMs: Math.round(durationMs), fields, jsErrors: events.jsErrors, consoleErrors: events.consoleErrors, failedRequests: events.failedRequests, screenshot: null, lcpMs: null, cls: null };
}

/** One checkout page: wait until usable, fill, record, press continue. `slot` keeps the record even on failure. */
async function checkoutPage(session: JourneySession, index: number, clickedAt: number, previous: string | null, slot: { step?: CheckoutStep }): Promise<PageOutcome> {
  const { page, options } = session;
  const events = session.recorder.current;
  const beat = (phase: string): void => session.heartbeat.beat(phase);
  await waitUsable(session);
  beat('page usable');
  const durationMs = performance.now() - clickedAt;
  const custom = await matchCustomStep(page, options.customSteps);
  const name = custom?.name ?? stepNameFromUrl(page.url(), index);
  session.stage = name;
  session.progress(progressMessage('checkoutStep', { step: stepParam(name), url: url(page.url()) }));
  const step = stepRecord(name, page.url(), durationMs, [], events);
  slot.step = step;
  // Arrived showing rejected fields on the page we just left: the server re-rendered it with errors.
  const arrivedRejected = name === previous ? await readRejectedFields(page, options.selectors.fieldError) : [];
  if (arrivedRejected[0]) throw rejection(name, arrivedRejected[0]);
  if (name === previous) throw new JourneyFailure('other', `pressing continue on "${name}" came back to the same page without saying why`);

  const payment = await detectPaymentStep(page, options.selectors.paymentStep, options.stepTimeoutMs);
  beat('payment step detection');
  const filled = await fillStep(page, options.address, options.stepTimeoutMs, beat);
  step.fields = filled.fields;
  if (custom && !payment.isPayment) await runCustomActions(page, custom, options.blockUrlPatterns);
  Object.assign(step, await readVitals(page));
  beat('fields filled');
  // Late requests settle once the page is filled, not before: filling sends the page's change events, and
  // what the page sends for them (an "address entered" event) is this page's too; a settle begun at arrival
  // could end before the fill and let continue cancel them unseen. The screenshot and the search for the
  // continue button only read the page, so they run while it settles (one after the other would add their
  // time to every page). Nothing can leave the page before the settle is done.
  const settled = settle(session).then(() => beat('network settled'));
  const shot = screenshot(session, name).then((path) => {
    step.screenshot = path;
    beat('screenshot');
  });
  const found = payment.isPayment
    ? null
    : findContinueButton(page, custom?.continueSelector ?? options.selectors.continueButton, options.stepTimeoutMs).then((button) => {
      beat('continue button enabled');
      return button;
    });
  found?.catch(() => undefined);
  await Promise.all([shot, settled]);
  if (!found) {
    session.progress(progressMessage('checkoutReachedPayment'));
    return { step, payment: true, nextClickAt: 0 };
  }

  const button = await found;
  session.recorder.begin();
  const nextClickAt = performance.now();
  const outcome = await pressContinue(page, button, options.selectors.fieldError, options.stepTimeoutMs, options.blockUrlPatterns);
  if (outcome.kind === 'rejected') {
    // Whatever the re-rendered page logged belongs to this step, not the next.
    const late = session.recorder.current;
    events.jsErrors.push(...late.jsErrors);
    events.consoleErrors.push(...late.consoleErrors);
    events.failedRequests.push(...late.failedRequests);
    session.recorder.resume(events);
    step.screenshot = (await screenshot(session, `${name}-rejected`)) ?? step.screenshot;
    throw rejection(name, outcome.fields[0]!);
  }
  return { step, payment: false, nextClickAt };
}

function rejection(step: string, rejected: { field: string; message: string }): JourneyFailure {
  return new JourneyFailure('validation-error', `"${step}" rejected field "${rejected.field}": ${rejected.message}`, rejected.field);
}

/**
 * `stopAt: 'checkout-start'`: records the first checkout page (loaded, usable) and stops there, before any
 * field is filled. For a live store, where checkouts are for humans and no crawler signature covers them.
 */
export async function recordCheckoutStart(session: JourneySession, clickedAt: number, steps: CheckoutStep[]): Promise<void> {
  const events = session.recorder.current;
  await waitUsable(session);
  const step = stepRecord(stepNameFromUrl(session.page.url(), 0), session.page.url(), performance.now() - clickedAt, [], events);
  session.stage = step.name;
  session.progress(progressMessage('checkoutStoppedAtStart', { step: stepParam(step.name), url: url(session.page.url()) }));
  steps.push(step);
  await settle(session);
  Object.assign(step, await readVitals(session.page));
  step.screenshot = await screenshot(session, step.name);
}

/** Walks from the first checkout page (already loaded) to the payment step. Returns whether it got there. */
export async function walkCheckout(session: JourneySession, firstClickAt: number, steps: CheckoutStep[]): Promise<boolean> {
  const { options } = session;
  let clickedAt = firstClickAt;
  let previous: string | null = null;
  for (let index = 0; index < options.maxCheckoutPages; index++) {
    const slot: { step?: CheckoutStep } = {};
    const entryUrl = session.page.url();
    const events = session.recorder.current;
    try {
      const run = await runStep(`checkout page ${index + 1}`, () => checkoutPage(session, index, clickedAt, previous, slot), {
        timeoutMs: options.stepTimeoutMs,
        retry: options.retryFlakySteps,
        signal: session.signal,
        heartbeat: session.heartbeat,
        onRetry: async (failure) => {
          session.progress(progressMessage('checkoutRetrying', { step: stepParam(session.stage), reason: failure.message }));
          session.recorder.resume(events);
          // Drop whatever navigation the failed attempt left hanging, or it aborts the reload.
          await session.page.goto('about:blank').catch(() => undefined);
          clickedAt = performance.now();
          await session.page.goto(entryUrl, { waitUntil: 'domcontentloaded', timeout: options.stepTimeoutMs });
        },
      });
      if (run.flaky) run.value.step.flaky = true;
      steps.push(run.value.step);
      if (run.value.payment) return true;
      previous = run.value.step.name;
      clickedAt = run.value.nextClickAt;
    } catch (error) {
      if (slot.step) steps.push(slot.step);
      throw error;
    }
  }
  throw new JourneyFailure('other', `no payment step within ${options.maxCheckoutPages} checkout pages`);
}
