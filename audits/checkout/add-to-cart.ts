// Step 2: put one product in the cart. The theme's own product form first, as a shopper would; when the
// theme has none we can find, the Ajax cart endpoint with the variant id read from the page.
import type { ElementHandle, Page } from 'puppeteer-core';
import { JourneyFailure } from './failure.ts';
import { pickActionable, shopperClick, waitActionable, type Pick } from './actionable.ts';
import { chooseVariant, formVariantId, UNAVAILABLE_TEXT } from './choose-variant.ts';
import { absoluteUrl, openPage, type JourneySession } from './session.ts';
import { progressMessage } from '../shared/progress-message.ts';
import { code, url as urlParam } from '../../src/report/message.ts';

export interface AddedProduct {
  url: string;
  variantId: string | null;
  addedVia: 'form' | 'ajax';
}

const SOLD_OUT_TEXT = UNAVAILABLE_TEXT;
const BUY_NOW = /buy it now|buy now/i;
const ENABLE_WAIT_MS = 5_000;

/**
 * The product's own add button (closest to the product title, so not a related product's quick add; never
 * "Buy it now"), after choosing whatever options the product still needs. Disabled when the selected
 * variant cannot be bought.
 */
async function productButton(session: JourneySession, buttonSelector: string): Promise<Pick | null> {
  const { page } = session;
  const pickOptions = { exclude: BUY_NOW, allowDisabled: true, nearMainHeading: true };
  const first = await pickActionable(page, buttonSelector, pickOptions);
  if (!first) return null;
  const chosen = await chooseVariant(first.handle);
  if (chosen.length === 0) return first;
  session.progress(progressMessage('checkoutChoseVariant', { options: chosen.join(', ') }));
  // The theme re-renders the form for the new variant (Dawn fetches the section) and enables the button.
  const enabled = await waitActionable(page, buttonSelector, Math.min(ENABLE_WAIT_MS, session.options.stepTimeoutMs), { exclude: BUY_NOW, nearMainHeading: true });
  return enabled ?? (await pickActionable(page, buttonSelector, pickOptions));
}

/**
 * Sold out is the selected variant's state: its add button disabled or saying so, or a sold-out marker in the
 * product's own section. Not the first button in the document, and not a related product's "Sold out" badge.
 */
async function isSoldOut(pick: Pick, soldOutSelector: string): Promise<boolean> {
  if (pick.disabled || SOLD_OUT_TEXT.test(pick.text)) return true;
  return pick.handle
    .evaluate((button, selector) => {
      const heading = document.querySelector('main h1, [role="main"] h1');
      let scope: Element | null = button;
      while (scope && heading && !scope.contains(heading)) scope = scope.parentElement;
      if (!scope || scope === document.body || scope.matches('main, [role="main"]')) scope = (button as HTMLButtonElement).form ?? button.parentElement;
      return !!scope?.querySelector(selector);
    }, soldOutSelector)
    .catch(() => false);
}

async function readVariantId(page: Page, selector: string): Promise<string | null> {
  return page
    .$$eval(selector, (els) => {
      for (const el of els) {
        const value = (el as HTMLInputElement).value || el.getAttribute('data-variant-id') || '';
        if (/^\d+$/.test(value.trim())) return value.trim();
      }
      return null;
    })
    .catch(() => null);
}

/** The product form path: press the theme's button and wait for its cart request (a page post or an Ajax call). */
async function addWithForm(session: JourneySession, button: ElementHandle<Element>): Promise<void> {
  const { page, options } = session;
  // The cart request is the form's own post, or the theme script's Ajax call to the form action or the cart API.
  const action = await button.evaluate((b) => {
    const form = (b as HTMLButtonElement).form ?? b.closest('form');
    return new URL(form?.getAttribute('action') ?? location.href, location.href).pathname;
  });
  const cartPaths = new Set([action, new URL(absoluteUrl(session, options.cartAddPath)).pathname]);
  const cartResponse = page.waitForResponse((r) => r.request().method() === 'POST' && cartPaths.has(new URL(r.url()).pathname), { timeout: options.stepTimeoutMs });
  cartResponse.catch(() => undefined);
  const navigation = page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: options.stepTimeoutMs }).catch(() => null);
  await shopperClick(page, button, options.blockUrlPatterns, session.progress);
  const response = await cartResponse.catch(() => {
    throw new JourneyFailure('timeout', `pressing add to cart sent no cart request within ${options.stepTimeoutMs} ms`);
  });
  if (response.status() >= 400) {
    const reason = response.status() === 422 ? 'sold-out' : 'other';
    throw new JourneyFailure(reason, `adding to cart was refused: HTTP ${response.status()}`);
  }
  // A form post navigates (to the cart); let it land before the next stage navigates again. An Ajax theme
  // stays on the page, so there is nothing to wait for.
  if (response.request().isNavigationRequest()) await navigation;
}

async function addWithAjax(session: JourneySession, variantId: string): Promise<void> {
  const { page, options } = session;
  const endpoint = absoluteUrl(session, options.cartAddPath);
  const result = await page.evaluate(
    async (url, id) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ items: [{ id: Number(id), quantity: 1 }] }),
        });
        return { status: response.status, body: (await response.text()).slice(0, 300) };
      } catch (error) {
        return { status: 0, body: String(error) };
      }
    },
    endpoint,
    variantId,
  );
  if (result.status === 422 && SOLD_OUT_TEXT.test(result.body)) throw new JourneyFailure('sold-out', `the cart refused variant ${variantId}: ${result.body}`);
  if (result.status === 0 || result.status >= 400) {
    throw new JourneyFailure('other', `${options.cartAddPath} answered ${result.status || 'a network error'} for variant ${variantId}: ${result.body}`);
  }
}

/** Adds one product; a sold-out product or a product page that is gone is reported, not retried here. */
export async function addToCart(session: JourneySession, productUrl: string): Promise<AddedProduct> {
  const { page, options } = session;
  const response = await openPage(session, productUrl);
  if (response && response.status() >= 400) throw new JourneyFailure('other', `product page ${productUrl} answered HTTP ${response.status()}`);
  const form = (await page.$(options.selectors.productForm)) ? options.selectors.productForm : null;
  // Of all product forms (Dawn's installment form also posts to /cart/add, with no button), the button a
  // shopper sees and can press.
  const pick = form ? await productButton(session, `:is(${form}) :is(${options.selectors.addToCartButton})`) : null;
  if (pick && (await isSoldOut(pick, options.selectors.soldOut))) throw new JourneyFailure('sold-out', `the product at ${productUrl} is sold out`);
  const variantId = (pick ? await formVariantId(pick.handle) : null) ?? (await readVariantId(page, options.selectors.variantId));

  if (pick) {
    session.progress(progressMessage('checkoutAddingForm', { path: code(new URL(productUrl).pathname) }));
    await addWithForm(session, pick.handle);
    return { url: productUrl, variantId, addedVia: 'form' };
  }
  if (form && !variantId) throw new JourneyFailure('selector-not-found', `no add-to-cart button (${options.selectors.addToCartButton}) in the product form`);
  if (!variantId) {
    throw new JourneyFailure('selector-not-found', `no product form (${options.selectors.productForm}) and no variant id (${options.selectors.variantId}) on ${productUrl}`);
  }
  session.progress(progressMessage('checkoutAddingVariant', { variant: code(String(variantId)), path: code(options.cartAddPath) }));
  await addWithAjax(session, variantId);
  return { url: productUrl, variantId, addedVia: 'ajax' };
}

/** Tries the candidates in order; ends with the most telling failure when none can be bought. */
export async function addFirstAvailable(session: JourneySession, candidates: string[]): Promise<AddedProduct> {
  const failures: JourneyFailure[] = [];
  for (const url of candidates) {
    try {
      return await addToCart(session, url);
    } catch (error) {
      if (!(error instanceof JourneyFailure) || !['sold-out', 'other'].includes(error.reason) || candidates.length === 1) throw error;
      failures.push(error);
      session.progress(progressMessage('checkoutSkipping', { url: urlParam(url), reason: error.message }));
    }
  }
  const soldOut = failures.filter((f) => f.reason === 'sold-out').length;
  if (soldOut === failures.length) throw new JourneyFailure('sold-out', `all ${failures.length} products tried are sold out`);
  throw new JourneyFailure('no-products', `none of the ${candidates.length} products tried could be added: ${failures.map((f) => f.message).join('; ')}`);
}
