// Step 2: put one product in the cart. The theme's own product form first, as a shopper would; when the
// theme has none we can find, the Ajax cart endpoint with the variant id read from the page.
import type { Page } from 'puppeteer-core';
import { JourneyFailure } from './failure.ts';
import { pickActionable, shopperClick } from './actionable.ts';
import { absoluteUrl, openPage, type JourneySession } from './session.ts';

export interface AddedProduct {
  url: string;
  variantId: string | null;
  addedVia: 'form' | 'ajax';
}

const SOLD_OUT_TEXT = /sold out|out of stock|unavailable/i;

async function isSoldOut(page: Page, soldOutSelector: string, button: string | null): Promise<boolean> {
  if (await page.$(soldOutSelector)) return true;
  if (!button) return false;
  return page
    .$eval(button, (el) => ({ disabled: (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true', text: el.textContent ?? '' }))
    .then((b) => b.disabled || SOLD_OUT_TEXT.test(b.text))
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
async function addWithForm(session: JourneySession, formSelector: string): Promise<void> {
  const { page, options } = session;
  // Of all product forms (Dawn's installment form also posts to /cart/add, with no button), the button a
  // shopper sees and can press.
  const pick = await pickActionable(page, `:is(${formSelector}) :is(${options.selectors.addToCartButton})`, { exclude: /buy it now|buy now/i });
  const button = pick?.handle;
  if (!button) throw new JourneyFailure('selector-not-found', `no add-to-cart button (${options.selectors.addToCartButton}) in the product form`);
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
  const button = form ? `:is(${form}) :is(${options.selectors.addToCartButton})` : null;
  if (await isSoldOut(page, options.selectors.soldOut, button)) throw new JourneyFailure('sold-out', `the product at ${productUrl} is sold out`);
  const variantId = await readVariantId(page, options.selectors.variantId);

  if (form) {
    session.progress(`checkout: adding ${new URL(productUrl).pathname} to the cart with the product form`);
    await addWithForm(session, form);
    return { url: productUrl, variantId, addedVia: 'form' };
  }
  if (!variantId) {
    throw new JourneyFailure('selector-not-found', `no product form (${options.selectors.productForm}) and no variant id (${options.selectors.variantId}) on ${productUrl}`);
  }
  session.progress(`checkout: no product form; adding variant ${variantId} through ${options.cartAddPath}`);
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
      session.progress(`checkout: skipping ${url}: ${error.message}`);
    }
  }
  const soldOut = failures.filter((f) => f.reason === 'sold-out').length;
  if (soldOut === failures.length) throw new JourneyFailure('sold-out', `all ${failures.length} products tried are sold out`);
  throw new JourneyFailure('no-products', `none of the ${candidates.length} products tried could be added: ${failures.map((f) => f.message).join('; ')}`);
}
