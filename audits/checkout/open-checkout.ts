// Step 3: open the cart and press the theme's checkout button, landing on the first checkout page.
import { JourneyFailure } from './failure.ts';
import { guardedClick } from './payment-guard.ts';
import { absoluteUrl, openPage, visibleMatch, type JourneySession } from './session.ts';

/** Returns when the click that leaves the cart happened (the first checkout page's duration starts there). */
export async function openCheckout(session: JourneySession): Promise<number> {
  const { page, options } = session;
  session.progress('checkout: opening the cart');
  const cartUrl = absoluteUrl(session, options.cartPath);
  // A theme whose add-to-cart posts a form usually lands on the cart already; loading it again is not what
  // a shopper does (and costs a page load).
  const onCart = new URL(page.url()).pathname === new URL(cartUrl).pathname && session.recorder.lastDocumentStatus === 200;
  if (!onCart) await openPage(session, cartUrl);
  const button = await page.$(options.selectors.checkoutButton);
  if (!button || !(await visibleMatch(page, options.selectors.checkoutButton))) {
    if (await page.$(options.selectors.emptyCart)) {
      throw new JourneyFailure('empty-cart', `the cart at ${options.cartPath} is empty after adding a product, so there is no checkout to start`);
    }
    throw new JourneyFailure('selector-not-found', `no checkout button (${options.selectors.checkoutButton}) on ${options.cartPath}`);
  }
  const navigation = page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: options.stepTimeoutMs });
  navigation.catch(() => undefined);
  session.recorder.begin();
  const clickedAt = performance.now();
  await guardedClick(button, options.blockUrlPatterns);
  await navigation;
  if (new URL(page.url()).pathname === new URL(cartUrl).pathname) {
    const empty = await page.$(options.selectors.emptyCart);
    throw new JourneyFailure(empty ? 'empty-cart' : 'other', empty ? 'the checkout button led back to an empty cart' : 'the checkout button led back to the cart');
  }
  return clickedAt;
}
