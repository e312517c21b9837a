import type { CheckoutSession, DemoOrder } from '../checkout/sessions.ts';
import { countryByCode } from '../checkout/regions.ts';
import type { FieldErrors } from '../checkout/validate.ts';
import { DEFECT_PATHS } from '../defects.ts';
import { formatMoney } from '../catalog.ts';
import { esc } from '../http.ts';
import { checkoutLayout } from './checkout-layout.ts';
import { addressFields, emailField, errorBanner, lateShippingRates, paymentFields, shippingRates, type HostedCheckout } from './checkout-fields.ts';

/** The three-page checkout (information → shipping → payment), the one-page checkout and the thank-you page. */
export const checkoutPath = (token: string, step = ''): string => `/checkouts/cn/${token}${step ? `/${step}` : ''}`;

// D17: an analytics call the checkout makes on the information step; the endpoint answers 500. At
// DOMContentLoaded, or (busyMs > 0) when the shopper starts entering the address, once a heavy analytics
// script has held the main thread that long after the first change.
function trackingScript(busyMs: number): string {
  const send = `fetch('${DEFECT_PATHS.checkoutTracking}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: 'checkout_step_viewed' }) }).catch(function () {});`;
  if (busyMs <= 0) return `<script>window.addEventListener('DOMContentLoaded', function () { ${send} });</script>`;
  return `<script>document.addEventListener('change', function () { setTimeout(function () {
  var end = performance.now() + ${busyMs}; while (performance.now() < end) { /* an analytics bundle at work */ }
  ${send}
}, 0); }, { once: true });</script>`;
}
// D16: shipping-step script reads a node the template no longer renders: an uncaught TypeError.
const BROKEN_SHIPPING_SCRIPT = `<script>window.addEventListener('DOMContentLoaded', function () {
  var selected = document.querySelector('[data-shipping-rate-selected]');
  window.Shopify.Checkout.selectedRate = selected.dataset.rateHandle;
});</script>`;

type Values = Record<string, string>;

export function informationStep(session: CheckoutSession, defective: boolean, values: Values, errors: FieldErrors, trackingBusyMs = 0): string {
  const main = `${errorBanner(errors)}
<form class="edit_checkout" action="${checkoutPath(session.token, 'information')}" accept-charset="UTF-8" method="post" novalidate>
<input type="hidden" name="step" value="contact_information">
<div class="section section--contact-information"><h2 class="section__title">Contact</h2>${emailField(values.email ?? '', errors)}
<label><input type="checkbox" name="acceptsMarketing" value="1"> Email me with news and offers</label></div>
<div class="section section--shipping-address"><h2 class="section__title">Shipping address</h2>${addressFields(values, errors)}</div>
<div class="step__footer"><button name="button" type="submit" id="continue_button" class="step__footer__continue-btn btn"><span class="btn__content">Continue to shipping</span></button>
<a class="step__footer__previous-link" href="/cart">Return to cart</a></div></form>`;
  return checkoutLayout({ title: 'Information', step: 'information', session, main, scripts: defective ? trackingScript(trackingBusyMs) : '' });
}

function reviewBlock(session: CheckoutSession): string {
  const info = session.info!;
  const country = countryByCode(info.countryCode);
  return `<div class="review-block"><div class="review-block__label">Contact</div><div class="review-block__content">${esc(info.email)}</div>
<a href="${checkoutPath(session.token, 'information')}" class="link--small">Change</a></div>
<div class="review-block"><div class="review-block__label">Ship to</div><div class="review-block__content"><address>${esc(`${info.address1}, ${info.city} ${info.zone} ${info.postalCode}, ${country?.name ?? info.countryCode}`)}</address></div></div>`;
}

export function shippingStep(session: CheckoutSession, defective: boolean, selected: string | undefined, errors: FieldErrors, hosted?: HostedCheckout): string {
  const main = `${errorBanner(errors)}${reviewBlock(session)}
<form class="edit_checkout" action="${checkoutPath(session.token, 'shipping')}" accept-charset="UTF-8" method="post" novalidate>
<input type="hidden" name="step" value="shipping_method">
<div class="section section--shipping-method"><h2 class="section__title">Shipping method</h2>${hosted && !selected && Object.keys(errors).length === 0 ? lateShippingRates(session.token, 'on-load') : shippingRates(selected ?? session.rate?.handle, errors)}</div>
<div class="step__footer"><button name="button" type="submit" id="continue_button" class="step__footer__continue-btn btn"><span class="btn__content">Continue to payment</span></button>
<a class="step__footer__previous-link" href="${checkoutPath(session.token, 'information')}">Return to information</a></div></form>`;
  return checkoutLayout({ title: 'Shipping', step: 'shipping', session, main, scripts: defective ? BROKEN_SHIPPING_SCRIPT : '' });
}

export function paymentStep(session: CheckoutSession, values: Values, errors: FieldErrors, hosted?: HostedCheckout): string {
  const main = `${errorBanner(errors)}${reviewBlock(session)}
<div class="review-block"><div class="review-block__label">Method</div><div class="review-block__content">${esc(session.rate?.title ?? '')}</div></div>
<form class="edit_checkout" action="${checkoutPath(session.token, 'complete')}" accept-charset="UTF-8" method="post" novalidate>
<input type="hidden" name="step" value="payment_method">
<div class="section section--payment-method"><h2 class="section__title">Payment</h2><p class="section__text">All transactions are secure and encrypted.</p>
${paymentFields(values, errors, hosted, session.token)}
<fieldset><legend class="section__title">Billing address</legend><label class="radio-wrapper"><input type="radio" name="billingAddress" value="same" checked> Same as shipping address</label></fieldset></div>
<div class="step__footer"><button name="button" type="submit" id="continue_button" class="step__footer__continue-btn btn"><span class="btn__content">Pay now</span></button>
<a class="step__footer__previous-link" href="${checkoutPath(session.token, 'shipping')}">Return to shipping</a></div></form>`;
  return checkoutLayout({ title: 'Payment', step: 'payment', session, main });
}

export function onePageCheckout(session: CheckoutSession, defective: boolean, values: Values, errors: FieldErrors, hosted?: HostedCheckout): string {
  const main = `${errorBanner(errors)}
<form class="edit_checkout one-page-checkout" action="${checkoutPath(session.token, 'complete')}" accept-charset="UTF-8" method="post" novalidate>
<section class="section section--contact-information" aria-label="Contact"><h2 class="section__title">Contact</h2>${emailField(values.email ?? '', errors)}</section>
<section class="section section--shipping-address" aria-label="Delivery"><h2 class="section__title">Delivery</h2>${addressFields(values, errors)}</section>
<section class="section section--shipping-method" aria-label="Shipping method"><h2 class="section__title">Shipping method</h2>${hosted && !values.shippingRate ? lateShippingRates(session.token, 'after-address') : shippingRates(values.shippingRate, errors)}</section>
<section class="section section--payment-method" aria-label="Payment"><h2 class="section__title">Payment</h2><p class="section__text">All transactions are secure and encrypted.</p>${paymentFields(values, errors, hosted, session.token)}</section>
<div class="step__footer"><button name="button" type="submit" id="checkout-pay-button" class="step__footer__continue-btn btn"><span class="btn__content">Pay now</span></button></div></form>`;
  return checkoutLayout({ title: 'Checkout', step: undefined, session, main, scripts: defective ? trackingScript(0) + BROKEN_SHIPPING_SCRIPT : '' });
}

export function thankYouPage(session: CheckoutSession, order: DemoOrder): string {
  const main = `<div class="section"><p class="os-order-number">Order #${order.number}</p><h2 class="os-header__title">Thank you${session.info?.firstName ? `, ${esc(session.info.firstName)}` : ''}!</h2>
<p>Your order is confirmed. Total charged: ${formatMoney(order.totalCents)} (demo store: nothing was charged).</p>
<a href="/" class="btn">Continue shopping</a></div>`;
  return checkoutLayout({ title: 'Thank you', step: undefined, session, main });
}
