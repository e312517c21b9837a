// Step 3: open the cart and press the theme's checkout button, landing on the first checkout page.
import { JourneyFailure } from './failure.ts';
import type { ElementHandle } from 'puppeteer-core';
import { pickActionable, shopperClick, waitActionable } from './actionable.ts';
import { absoluteUrl, openPage, type JourneySession } from './session.ts';
import { progressMessage } from '../shared/progress-message.ts';

/** Returns when the click that leaves the cart happened (the first checkout page's duration starts there). */
export async function openCheckout(session: JourneySession): Promise<number> {
  const { page, options } = session;
  session.progress(progressMessage('checkoutOpeningCart'));
  const cartUrl = absoluteUrl(session, options.cartPath);
  // A theme whose add-to-cart posts a form usually lands on the cart already; loading it again is not what
  // a shopper does (and costs a page load).
  const onCart = new URL(page.url()).pathname === new URL(cartUrl).pathname && session.recorder.lastDocumentStatus === 200;
  // A theme that opened its own cart (Dawn's notification or drawer) shows a Check out button a moment after
  // the add; a shopper presses that one. When it does not lead to checkout, the cart page is the fallback.
  if (!onCart) {
    const themed = await waitActionable(page, options.selectors.checkoutButton, THEME_CART_WAIT_MS);
    if (themed) {
      session.progress(progressMessage('checkoutPressingThemed', { label: `“${themed.text}”`, kind: themed.text ? 'drawer' : 'pop-up' }));
      const left = await pressCheckout(session, themed.handle).catch(() => null);
      if (left !== null && new URL(page.url()).pathname !== new URL(cartUrl).pathname) return left;
      session.progress(progressMessage('checkoutPopupFallback'));
    }
    await openPage(session, cartUrl);
  }
  const pick = await pickActionable(page, options.selectors.checkoutButton);
  const button = pick?.handle;
  if (!button) {
    if (await page.$(options.selectors.emptyCart)) {
      throw new JourneyFailure('empty-cart', `the cart at ${options.cartPath} is empty after adding a product, so there is no checkout to start`);
    }
    throw new JourneyFailure('selector-not-found', `no checkout button (${options.selectors.checkoutButton}) on ${options.cartPath}`);
  }
  const clickedAt = await pressCheckout(session, button);
  if (new URL(page.url()).pathname === new URL(cartUrl).pathname) {
    const empty = await page.$(options.selectors.emptyCart);
    throw new JourneyFailure(empty ? 'empty-cart' : 'other', empty ? 'the checkout button led back to an empty cart' : 'the checkout button led back to the cart');
  }
  return clickedAt;
}

const THEME_CART_WAIT_MS = 2_500;

/** Clicks a checkout button and waits for the page it leads to; returns when the click happened. */
async function pressCheckout(session: JourneySession, button: ElementHandle<Element>): Promise<number> {
  const { page, options } = session;
  const navigation = page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: options.stepTimeoutMs });
  navigation.catch(() => undefined);
  session.recorder.begin();
  const clickedAt = performance.now();
  await shopperClick(page, button, options.blockUrlPatterns, session.progress);
  await navigation;
  return clickedAt;
}
