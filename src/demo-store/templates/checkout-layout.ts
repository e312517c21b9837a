import { formatMoney } from '../catalog.ts';
import type { CheckoutSession } from '../checkout/sessions.ts';
import { esc } from '../http.ts';
import { SHOP_NAME } from '../theme.ts';

/** The checkout's own layout: no theme header, no app embeds, an order summary beside the form. */
const CHECKOUT_CSS = `body{margin:0;font-family:sans-serif;color:#333;line-height:1.4}
.wrap{display:flex;flex-wrap:wrap-reverse;max-width:70rem;margin:0 auto}.main{flex:3 1 24rem;padding:2rem}.sidebar{flex:2 1 16rem;padding:2rem;background:#fafafa;border-left:1px solid #e1e1e1}
.logo{font-size:1.5rem;text-decoration:none;color:#333}.breadcrumb{list-style:none;display:flex;gap:.5rem;padding:0;font-size:.8rem}.breadcrumb__item--current{font-weight:600}
.section__title{font-size:1.2rem;margin:1.5rem 0 .8rem}.field{margin:0 0 .8rem}.field__label{display:block;font-size:.85rem;margin-bottom:.2rem}
.field__input{width:100%;box-sizing:border-box;padding:.8rem;font-size:1rem;border:1px solid #d9d9d9;border-radius:5px}.field__input[aria-invalid=true]{border-color:#e32c2b;box-shadow:0 0 0 1px #e32c2b}
.field__message--error{color:#e32c2b;font-size:.85rem;margin:.3rem 0 0}.fieldset{display:grid;grid-template-columns:1fr 1fr;gap:0 .8rem}.field--full{grid-column:1/-1}
.radio-wrapper{display:flex;justify-content:space-between;padding:1rem;border:1px solid #d9d9d9;border-radius:5px;margin-bottom:.5rem}
.btn{background:#1773b0;color:#fff;border:0;border-radius:5px;padding:1.1rem 1.7rem;font-size:1rem;cursor:pointer}.step__footer{display:flex;align-items:center;justify-content:space-between;margin-top:1.5rem}
.product-table{width:100%;border-collapse:collapse}.total-line{display:flex;justify-content:space-between;margin:.4rem 0}.notice--error{background:#fff0f0;border:1px solid #e32c2b;padding:.8rem;border-radius:5px}`;

export function orderSummary(session: CheckoutSession): string {
  const rows = session.lines.map((l) => `<tr class="product" data-variant-id="${l.variantId}"><td class="product__description"><span class="product__description__name">${esc(l.title)}</span></td>
<td class="product__quantity">× ${l.quantity}</td><td class="product__price">${formatMoney(l.priceCents * l.quantity)}</td></tr>`).join('');
  const shipping = session.rate ? formatMoney(session.rate.cents) : 'Calculated at next step';
  const total = session.subtotalCents + (session.rate?.cents ?? 0);
  return `<aside class="sidebar" role="complementary"><h2 class="visually-hidden">Order summary</h2>
<table class="product-table"><tbody>${rows}</tbody></table>
<div class="total-line total-line--subtotal"><span>Subtotal</span><span>${formatMoney(session.subtotalCents)}</span></div>
<div class="total-line total-line--shipping"><span>Shipping</span><span>${shipping}</span></div>
<div class="total-line total-line--total"><strong>Total</strong><strong class="payment-due__price">${formatMoney(total)}</strong></div></aside>`;
}

const STEPS = ['Cart', 'Information', 'Shipping', 'Payment'];

export function checkoutLayout(opts: { title: string; step: string | undefined; session: CheckoutSession; main: string; scripts?: string }): string {
  const crumbs = opts.step
    ? `<nav aria-label="Breadcrumb"><ol class="breadcrumb" role="list">${STEPS.map((s) => s === 'Cart'
      ? '<li class="breadcrumb__item breadcrumb__item--completed"><a class="breadcrumb__link" href="/cart">Cart</a></li>'
      : `<li class="breadcrumb__item${s.toLowerCase() === opts.step ? ' breadcrumb__item--current' : ''}"${s.toLowerCase() === opts.step ? ' aria-current="step"' : ''}><span class="breadcrumb__text">${s}</span></li>`).join('')}</ol></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="en" dir="ltr" class="no-js page--no-banner page--logo-main">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0, height=device-height, minimum-scale=1.0">
<meta name="referrer" content="origin"><title>${esc(opts.title)} - ${esc(SHOP_NAME)} - Checkout</title>
<style>${CHECKOUT_CSS}</style>
<script>window.Shopify = window.Shopify || {}; Shopify.Checkout = { token: "${opts.session.token}", step: ${JSON.stringify(opts.step ?? 'one_page')} };</script>
${opts.scripts ?? ''}
</head>
<body><div class="wrap"><div class="main" role="main"><header class="main__header"><a href="/" class="logo logo--left">${esc(SHOP_NAME)}</a>${crumbs}</header>
<div class="main__content">${opts.main}</div></div>
${orderSummary(opts.session)}</div></body></html>`;
}
