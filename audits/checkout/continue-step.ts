// Pressing a checkout page's primary button and telling what happened: a new page (navigation or a
// client-side route change) or the same page showing a rejected field.
import type { ElementHandle, Page } from 'puppeteer-core';
import { JourneyFailure } from './failure.ts';
import { guardedClick } from './payment-guard.ts';
import { sleep } from './session.ts';

const CONTINUE_TEXT = /continue|next|proceed|review|shipping|delivery|payment/i;
const NOT_CONTINUE = /apply|discount|coupon|gift card|log ?in|sign ?in|return|back|remove|cancel|edit|change/i;

/**
 * The page's primary continue button: the first visible, enabled match of the selector list, preferring one
 * that says so. A checkout keeps it disabled while it still loads something (its shipping methods), so a
 * visible but disabled one is waited for, up to timeoutMs.
 */
export async function findContinueButton(page: Page, selector: string, timeoutMs = 0): Promise<ElementHandle<Element>> {
  const started = Date.now();
  for (;;) {
    const found = await findEnabledContinue(page, selector);
    if (found.button || !found.disabledShown || Date.now() - started >= timeoutMs) {
      if (found.button) return found.button;
      throw new JourneyFailure('selector-not-found', `no ${found.disabledShown ? 'enabled ' : ''}continue button (${selector}) on ${page.url()}`);
    }
    await sleep(100);
  }
}

async function findEnabledContinue(page: Page, selector: string): Promise<{ button: ElementHandle<Element> | null; disabledShown: boolean }> {
  const disabledShown = await page
    .$$eval(selector, (els) => els.some((el) => el.getClientRects().length > 0 && (el as HTMLButtonElement).disabled))
    .catch(() => false);
  const index = await page.$$eval(
    selector,
    (els, okSource, notSource) => {
      const ok = new RegExp(okSource, 'i');
      const not = new RegExp(notSource, 'i');
      const visible = els
        .map((el, i) => ({ i, el, text: `${el.textContent ?? ''} ${(el as HTMLInputElement).value ?? ''}`.trim(), shown: el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled }))
        .filter((c) => c.shown && !not.test(c.text));
      return (visible.find((c) => ok.test(c.text)) ?? visible[0])?.i ?? -1;
    },
    CONTINUE_TEXT.source,
    NOT_CONTINUE.source,
  );
  if (index < 0) return { button: null, disabledShown };
  const handles = await page.$$(selector);
  const button = handles[index] ?? null;
  for (const [i, h] of handles.entries()) if (i !== index) void h.dispose().catch(() => undefined);
  return { button, disabledShown };
}

export interface RejectedField {
  field: string;
  message: string;
}

/** Fields the page marks as rejected: aria-invalid controls, then error messages tied to a field. */
export async function readRejectedFields(page: Page, errorSelector: string): Promise<RejectedField[]> {
  return page
    .evaluate((selector) => {
      const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const found: Array<{ field: string; message: string }> = [];
      for (const el of document.querySelectorAll('[aria-invalid="true"]')) {
        const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)).find(Boolean) ?? null;
        const near = el.closest('.field, [data-field], label, div')?.querySelector(selector) ?? null;
        found.push({ field: (el as HTMLInputElement).name || el.id, message: text(described) || text(near) || (el as HTMLInputElement).validationMessage || 'rejected' });
      }
      if (found.length > 0) return found;
      for (const message of document.querySelectorAll(selector)) {
        if (message.getClientRects().length === 0 || !text(message)) continue;
        const control = message.closest('.field, [data-field]')?.querySelector('input, select, textarea') as HTMLInputElement | null;
        const field = control?.name || control?.id || message.id.replace(/^error-for-/, '');
        if (field) found.push({ field, message: text(message) });
      }
      return found;
    }, errorSelector)
    .catch(() => []);
}

async function invalidControl(page: Page): Promise<RejectedField | null> {
  return page
    .evaluate(() => {
      const el = document.querySelector('form :invalid:not(form, fieldset)') as HTMLInputElement | null;
      return el ? { field: el.name || el.id, message: el.validationMessage || 'invalid' } : null;
    })
    .catch(() => null);
}

export type ContinueOutcome = { kind: 'navigated' } | { kind: 'rejected'; fields: RejectedField[] };

/**
 * Clicks (through the payment guard) and waits until the page moved on or shows a rejection. A server that
 * re-renders the same page with errors counts as rejected, as does the browser's own constraint validation.
 */
export async function pressContinue(page: Page, button: ElementHandle<Element>, errorSelector: string, timeoutMs: number, extra: RegExp[]): Promise<ContinueOutcome> {
  const before = page.url();
  let navigated = false;
  let navigationError: unknown = null;
  const navigation = page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: timeoutMs }).then(
    () => void (navigated = true),
    (error: unknown) => void (navigationError = error),
  );
  // Between checks, wake as soon as the navigation lands rather than at the end of a fixed sleep.
  const pause = (ms: number): Promise<void> => Promise.race([navigation, sleep(ms)]);
  await guardedClick(button, extra);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (navigated) {
      if (page.url().startsWith('chrome-error:')) throw new JourneyFailure('other', `pressing continue on ${before} led to a page that failed to load`);
      const rejected = await readRejectedFields(page, errorSelector);
      return rejected.length > 0 ? { kind: 'rejected', fields: rejected } : { kind: 'navigated' };
    }
    if (page.url() !== before) {
      // A client-side route change: give a real navigation a moment to be noticed first.
      await pause(150);
      if (!navigated) return { kind: 'navigated' };
      continue;
    }
    const rejected = await readRejectedFields(page, errorSelector);
    if (rejected.length > 0) return { kind: 'rejected', fields: rejected };
    if (Date.now() - started > 1_500) {
      const invalid = await invalidControl(page);
      if (invalid) return { kind: 'rejected', fields: [invalid] };
    }
    if (navigationError && !navigated) break;
    await pause(100);
  }
  if (navigationError && !(navigationError instanceof Error && navigationError.name === 'TimeoutError')) {
    // A navigation that failed outright (blocked, connection refused) is not slowness.
    throw new JourneyFailure('other', `pressing continue on ${before} failed to load the next page: ${navigationError instanceof Error ? navigationError.message : String(navigationError)}`);
  }
  throw new JourneyFailure('timeout', `pressing continue on ${before} led nowhere within ${timeoutMs} ms`);
}
