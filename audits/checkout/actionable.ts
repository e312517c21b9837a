// What a shopper can act on: of all the elements a selector matches, the ones that are rendered and visible
// (not display:none, visibility:hidden, opacity 0, inert, aria-hidden, or a closed dialog), enabled, and
// on screen once scrolled to. Themes keep hidden copies of their buttons in the page (Dawn's cart
// notification and drawer each hold a Check out button before they open), so "the first match" and "has
// client rects" are both wrong. Also clears what a shopper would clear before clicking: a newsletter modal,
// a cookie banner or a country pop-up covering the control.
import type { ElementHandle, Page } from 'puppeteer-core';
import { guardedClick } from './payment-guard.ts';
import { sleep } from './session.ts';

export interface PickOptions {
  /** Prefer a match whose text matches; others still qualify. */
  prefer?: RegExp;
  /** Never a match whose text matches. */
  exclude?: RegExp;
  /** Accept a disabled match (to tell "disabled" from "missing"). */
  allowDisabled?: boolean;
  /**
   * Keep only the matches closest to the page's main heading (the product title): a product page also holds
   * quick-add forms in its "You may also like" cards, and when the product's own button is still disabled
   * (no variant chosen yet) an enabled quick-add must not win.
   */
  nearMainHeading?: boolean;
}

export interface Pick {
  handle: ElementHandle<Element>;
  disabled: boolean;
  text: string;
}

/** Index of the best actionable match in document order, or -1. Runs in the page. */
function pickInPage(selector: string, prefer: string | null, exclude: string | null, allowDisabled: boolean, nearMainHeading: boolean): { index: number; disabled: boolean; text: string } {
  const visible = (el: Element): boolean => {
    const h = el as HTMLElement;
    if (h.closest('[inert], [aria-hidden="true"], dialog:not([open]), template')) return false;
    const check = (h as unknown as { checkVisibility?: (o: object) => boolean }).checkVisibility;
    if (check && !check.call(h, { checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true })) return false;
    const rect = h.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    // Ancestors moved off-screen or clipped away (a drawer translated 100 % to the side).
    const docW = Math.max(document.documentElement.scrollWidth, innerWidth);
    if (rect.right <= 0 || rect.left >= docW) return false;
    return true;
  };
  const textOf = (el: Element): string => `${el.textContent ?? ''} ${(el as HTMLInputElement).value ?? ''} ${el.getAttribute('aria-label') ?? ''}`.replace(/\s+/g, ' ').trim();
  const disabledOf = (el: Element): boolean => (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true' || !!el.closest('fieldset[disabled]');
  const ok = prefer ? new RegExp(prefer, 'i') : null;
  const not = exclude ? new RegExp(exclude, 'i') : null;
  let candidates = [...document.querySelectorAll(selector)]
    .map((el, index) => ({ el, index, text: textOf(el), disabled: disabledOf(el) }))
    .filter((c) => visible(c.el) && !(not && not.test(c.text)));
  const heading = nearMainHeading ? (document.querySelector('main h1, [role="main"] h1') ?? [...document.querySelectorAll('h1')].find((h) => !h.closest('header'))) : null;
  if (heading) {
    // Depth of the deepest ancestor a candidate shares with the heading: the product's own section beats the
    // page's <main>, which is all a related product's card shares with it.
    const depth = (el: Element): number => {
      let shared: Element | null = el;
      while (shared && !shared.contains(heading)) shared = shared.parentElement;
      let d = 0;
      for (let n = shared; n; n = n.parentElement) d++;
      return d;
    };
    const scored = candidates.map((c) => ({ c, d: depth(c.el) }));
    const best = Math.max(...scored.map((s) => s.d));
    candidates = scored.filter((s) => s.d === best).map((s) => s.c);
  }
  candidates = candidates.filter((c) => allowDisabled || !c.disabled);
  const enabled = candidates.filter((c) => !c.disabled);
  const pool = enabled.length > 0 ? enabled : candidates;
  const best = (ok ? pool.find((c) => ok.test(c.text)) : undefined) ?? pool[0];
  return best ? { index: best.index, disabled: best.disabled, text: best.text.slice(0, 120) } : { index: -1, disabled: false, text: '' };
}

export async function pickActionable(page: Page, selector: string, options: PickOptions = {}): Promise<Pick | null> {
  const found = await page
    .evaluate(pickInPage, selector, options.prefer?.source ?? null, options.exclude?.source ?? null, options.allowDisabled ?? false, options.nearMainHeading ?? false)
    .catch(() => ({ index: -1, disabled: false, text: '' }));
  if (found.index < 0) return null;
  const handles = await page.$$(selector);
  const handle = handles[found.index];
  for (const [i, h] of handles.entries()) if (i !== found.index) void h.dispose().catch(() => undefined);
  return handle ? { handle, disabled: found.disabled, text: found.text } : null;
}

/** Polls until an actionable match appears (a drawer animating open), or gives up. */
export async function waitActionable(page: Page, selector: string, timeoutMs: number, options: PickOptions = {}): Promise<Pick | null> {
  const started = Date.now();
  for (;;) {
    const pick = await pickActionable(page, selector, options);
    if (pick) return pick;
    if (Date.now() - started >= timeoutMs) return null;
    await sleep(50);
  }
}

// Words on the control that closes a pop-up without committing the shopper to anything.
const DISMISS = /^(×|✕|x|close|close dialog|dismiss|no,? thanks|no thank you|not now|maybe later|decline|reject( all)?|accept( all)?|got it|ok|okay|continue shopping|stay( here| on this site)?|continue to [a-z ]+ store|keep shopping)$/i;

/**
 * When something covers the element's centre (a modal's backdrop, a fixed banner), closes it the way a shopper
 * would: its close / "No thanks" / "Accept" button, else Escape. Returns what it dismissed.
 */
export async function clearOverlays(page: Page, handle: ElementHandle<Element>): Promise<string[]> {
  const dismissed: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    await handle.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' })).catch(() => undefined);
    const cover = await handle
      .evaluate((el, dismissSource) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!top || top === el || el.contains(top) || top.contains(el)) return null;
        // The covering layer: the nearest fixed/sticky ancestor, or a dialog.
        let layer: Element | null = top;
        while (layer && layer !== document.body) {
          const style = getComputedStyle(layer);
          if (style.position === 'fixed' || style.position === 'sticky' || layer.matches('[role="dialog"], [role="alertdialog"], dialog, [aria-modal="true"]')) break;
          layer = layer.parentElement;
        }
        if (!layer || layer === document.body) layer = top;
        document.querySelectorAll('[data-checkout-audit-cover]').forEach((e) => e.removeAttribute('data-checkout-audit-cover'));
        layer.setAttribute('data-checkout-audit-cover', '1');
        const dismiss = new RegExp(dismissSource, 'i');
        const label = (b: Element): string => `${b.getAttribute('aria-label') ?? ''}`.trim() || (b.textContent ?? '').replace(/\s+/g, ' ').trim();
        // The pop-up's own buttons: inside the layer, or the dialog the backdrop belongs to.
        const scopes = [layer, ...document.querySelectorAll('[role="dialog"], [aria-modal="true"], dialog[open]')];
        for (const scope of scopes) {
          const button = [...scope.querySelectorAll('button, [role="button"], a')].find((b) => dismiss.test(label(b)) && (b as HTMLElement).getClientRects().length > 0);
          if (button) {
            (button as HTMLElement).setAttribute('data-checkout-audit-dismiss', '1');
            return label(button);
          }
        }
        return `escape:${(layer.className || layer.tagName).toString().slice(0, 60)}`;
      }, DISMISS.source)
      .catch(() => null);
    if (!cover) return dismissed;
    dismissed.push(cover);
    if (cover.startsWith('escape:')) await page.keyboard.press('Escape');
    else {
      const button = await page.$('[data-checkout-audit-dismiss="1"]');
      await button?.evaluate((b) => b.removeAttribute('data-checkout-audit-dismiss'));
      await button?.click().catch(() => undefined);
    }
    await layerGone(handle);
  }
  return dismissed;
}

/**
 * After a dismissal: waits until the layer no longer covers the control (removed, hidden, or its closing
 * animation over), at most OVERLAY_CLOSE_MS, instead of sleeping a fixed time.
 */
async function layerGone(handle: ElementHandle<Element>): Promise<void> {
  await handle
    .evaluate(
      (el, maxMs) =>
        new Promise<void>((resolve) => {
          const until = performance.now() + maxMs;
          const tick = (): void => {
            const layer = document.querySelector('[data-checkout-audit-cover]');
            const r = el.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            if (!layer || !top || !layer.contains(top) || performance.now() > until) {
              layer?.removeAttribute('data-checkout-audit-cover');
              resolve();
            } else setTimeout(tick, 25);
          };
          tick();
        }),
      OVERLAY_CLOSE_MS,
    )
    .catch(() => undefined);
}

const OVERLAY_CLOSE_MS = 500;

/**
 * Waits (≤ OVERLAY_CLOSE_MS) until nothing around the control is still moving: a button in a notification or
 * drawer that is sliding in is clicked where it is when the click is computed, not where it lands, and the
 * click goes to whatever is under that point.
 */
async function untilStill(handle: ElementHandle<Element>): Promise<void> {
  await handle
    .evaluate(
      (el, maxMs) =>
        new Promise<void>((resolve) => {
          const until = performance.now() + maxMs;
          const moving = (): boolean => {
            for (let n: Element | null = el; n; n = n.parentElement) {
              if (n.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)) return true;
            }
            return false;
          };
          const tick = (): void => (moving() && performance.now() < until ? void setTimeout(tick, 16) : resolve());
          tick();
        }),
      OVERLAY_CLOSE_MS,
    )
    .catch(() => undefined);
}

/** Clears whatever covers the control, then clicks it through the payment guard once it has stopped moving. */
export async function shopperClick(page: Page, handle: ElementHandle<Element>, extra: RegExp[], log?: (m: string) => void): Promise<void> {
  const dismissed = await clearOverlays(page, handle);
  if (dismissed.length > 0) log?.(`checkout: dismissed ${dismissed.join(', ')} covering the control`);
  await untilStill(handle);
  await guardedClick(handle, extra);
}
