import type { Cart } from '../cart.ts';
import { cartTotal } from '../cart.ts';
import { formatMoney } from '../catalog.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { esc } from '../http.ts';
import { productImageFile } from '../images.ts';
import { layout } from './layout.ts';
import { imageUrl } from './media.ts';

export function cartPage(ctx: StoreContext, req: PageRequest, cart: Cart, notice?: string): string {
  const empty = cart.lines.length === 0;
  const rows = cart.lines.map((l, i) => `<tr class="cart-item" id="CartItem-${i + 1}">
<td class="cart-item__media"><a href="/products/${l.product.handle}" class="cart-item__link" tabindex="-1" aria-hidden="true"> </a><img src="${imageUrl(productImageFile(l.product.index), 150)}" class="cart-item__image" alt="" loading="lazy" width="150" height="150"></td>
<td class="cart-item__details"><a href="/products/${l.product.handle}" class="cart-item__name h4 break">${esc(l.product.title)}</a><div class="product-option">${formatMoney(l.product.priceCents)}</div></td>
<td class="cart-item__quantity"><quantity-input class="quantity cart-quantity"><label class="visually-hidden" for="Quantity-${i + 1}">Quantity</label>
<input class="quantity__input" type="number" name="updates[]" value="${l.quantity}" min="0" aria-label="Quantity for ${esc(l.product.title)}" id="Quantity-${i + 1}" data-index="${i + 1}"></quantity-input>
<cart-remove-button id="Remove-${i + 1}" data-index="${i + 1}"><a href="/cart/change?line=${i + 1}&amp;quantity=0" class="button button--tertiary" aria-label="Remove ${esc(l.product.title)}">Remove</a></cart-remove-button></td>
<td class="cart-item__totals right"><span class="price price--end">${formatMoney(l.product.priceCents * l.quantity)}</span></td></tr>`).join('\n');
  const body = empty
    ? `<cart-items class="gradient color-scheme-1 is-empty"><div class="cart__warnings page-width"><h1 class="cart__empty-text">Your cart is empty</h1>
${notice ? `<p class="cart__notice" role="alert">${esc(notice)}</p>` : ''}
<a href="/collections/all" class="button">Continue shopping</a></div></cart-items>`
    : `<cart-items class="gradient color-scheme-1"><div class="page-width section"><div class="title-wrapper-with-link"><h1 class="title title--primary">Your cart</h1><a href="/collections/all" class="underlined-link">Continue shopping</a></div>
${notice ? `<p class="cart__notice" role="alert">${esc(notice)}</p>` : ''}
<form action="/cart" class="cart__contents critical-hidden" method="post" id="cart">
<div class="cart__items" id="main-cart-items"><table class="cart-items"><caption class="visually-hidden">Your cart</caption>
<thead><tr><th class="caption-with-letter-spacing" colspan="2" scope="col">Product</th><th class="cart-items__heading--wide" scope="col">Quantity</th><th class="right" scope="col">Total</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<div class="cart__footer"><div class="totals"><h2 class="totals__total">Estimated total</h2><p class="totals__total-value">${formatMoney(cartTotal(cart))}</p></div>
<small class="tax-note caption-large rte">Taxes and shipping calculated at checkout</small>
<div class="cart__ctas"><button type="submit" id="checkout" class="cart__checkout-button button" name="checkout" form="cart">Check out</button></div></div>
</form></div></cart-items>`;
  return layout(ctx, req, { title: 'Your Shopping Cart', template: 'cart', body });
}
