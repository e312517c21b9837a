// Where the journey looks for things. Defaults follow Dawn (Shopify's reference theme) and Shopify checkout
// markup, with generic fallbacks; every key can be overridden in options for a theme that differs. The module
// itself only knows "a product link", "an add-to-cart form", "a checkout button", never a platform.
import { z } from 'zod';

export const selectorsSchema = z.object({
  /** Links from home or a collection to a product page. */
  productLink: z.string().min(1),
  /** Links from home to a collection, followed when home shows no product links. */
  collectionLink: z.string().min(1),
  /** The theme's add-to-cart form on a product page. */
  productForm: z.string().min(1),
  /** The submit button inside that form. */
  addToCartButton: z.string().min(1),
  /** Where the selected variant id lives when the form is missing (Ajax fallback). */
  variantId: z.string().min(1),
  /** The cart page's checkout button. */
  checkoutButton: z.string().min(1),
  /** Markers of an empty cart page. */
  emptyCart: z.string().min(1),
  /** Markers of a storefront password page. */
  passwordPage: z.string().min(1),
  /** Marker that an element shows "sold out" (besides a disabled add button). */
  soldOut: z.string().min(1),
  /** The primary continue button of a checkout page, tried in order of the comma list. */
  continueButton: z.string().min(1),
  /** Inline validation messages shown for a rejected field. */
  fieldError: z.string().min(1),
  /** Anything that marks a page as the payment step, besides card fields and pay buttons. */
  paymentStep: z.string().min(1),
});
export type CheckoutSelectors = z.infer<typeof selectorsSchema>;

export const DEFAULT_SELECTORS: CheckoutSelectors = {
  productLink: 'a[href*="/products/"]',
  collectionLink: 'a[href*="/collections/"]',
  productForm: 'form[action$="/cart/add"], form[action*="/cart/add?"], product-form form',
  addToCartButton: 'button[name="add"], button[type="submit"], input[type="submit"]',
  variantId: 'form[action$="/cart/add"] [name="id"], [name="id"][data-variant-id], [data-variant-id]',
  checkoutButton: 'button[name="checkout"], input[name="checkout"], a[href$="/checkout"], #checkout',
  emptyCart: '.cart__empty-text, .cart--empty, [data-cart-empty]',
  passwordPage: 'form[action$="/password"], input[type="password"][name="password"]',
  soldOut: '[data-sold-out], .badge--sold-out',
  continueButton: '#continue_button, [data-continue-button], form button[type="submit"], form button:not([type]), form input[type="submit"]',
  fieldError: '.field__message--error, [id^="error-for-"], .field--error .field__message, [role="alert"]',
  // Card fields hosted in iframes (as Shopify's PCI card fields are) cannot be read, but the frames can be seen.
  paymentStep: 'iframe[name*="card-fields"], iframe[src*="card-fields"], iframe[title*="card number" i], [data-payment-step]',
};
