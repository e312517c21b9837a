// Dawn-like storefronts (Shopify's reference theme): the product form custom element posts FormData to
// /cart/add asking for JSON and the cart sections; the cart opens as Dawn's header notification or as its
// drawer, each holding a Check out button that is in the document (visibility: hidden) before it opens.
// Markup read from Shopify/dawn (sections/main-product.liquid, snippets/cart-notification.liquid,
// snippets/cart-drawer.liquid, snippets/buy-buttons.liquid, snippets/product-variant-picker.liquid,
// snippets/card-product.liquid and assets/quick-add.js for the quick-add variant).
import type { Cart, CartLine } from '../cart.ts';
import { cartTotal, lineItemJson } from '../cart.ts';
import type { Product } from '../catalog.ts';
import { formatMoney } from '../catalog.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { esc } from '../http.ts';
import { productImageFile } from '../images.ts';
import { imageUrl } from '../templates/media.ts';
import type { LayoutInput } from '../templates/layout.ts';
import { SHOP_DOMAIN, THEME_ID } from '../theme.ts';
import { firstAvailable, sizeVariants } from '../variants.ts';
import { DAWN_PATHS, SECTION_STYLES, assetUrl, dawnFiles } from './dawn-assets.ts';
import type { Theme } from './types.ts';

export type DawnCart = 'notification' | 'drawer';

const stylesheet = (href: string): string => `<link href="${href}" rel="stylesheet" type="text/css" media="all">`;

/** content_for_header: Shopify's own scripts, stand-ins at their real URL layout. */
function contentForHeader(): string {
  return `<script id="shopify-features" type="application/json">{"accessToken":"demo","betas":["rickshaw"],"domain":"${SHOP_DOMAIN}","predictiveSearch":true,"shopId":60000001,"locale":"en"}</script>
<script>var Shopify = Shopify || {}; Shopify.routes = Shopify.routes || {}; Shopify.routes.root = "/";</script>
<script src="${DAWN_PATHS.loadFeature}" crossorigin="anonymous" defer></script>
<script src="${DAWN_PATHS.perfKit}" async></script>
<link rel="stylesheet" media="screen" href="${DAWN_PATHS.walletsCss}" crossorigin="anonymous">
<script id="web-pixels-manager-setup">(function(){var s=document.createElement('script');s.async=true;s.src=${JSON.stringify(DAWN_PATHS.webPixelsManager)};document.head.appendChild(s);})();</script>`;
}

function head(cart: DawnCart, input: LayoutInput, appTags: string, quickAdd: boolean): string {
  // With quick add on, every page with a product grid can hold a product form (in a card's modal), so Dawn's
  // grid sections load the product scripts and quick-add.js on every template.
  const productScripts = input.template === 'product' || quickAdd ? ['product-info.js', 'product-form.js'] : [];
  const scripts = ['constants.js', 'pubsub.js', 'global.js', ...productScripts, ...(quickAdd ? ['quick-add.js'] : []), cart === 'drawer' ? 'cart-drawer.js' : 'cart-notification.js'];
  return `<script>window.routes = { cart_add_url: '/cart/add', cart_change_url: '/cart/change', cart_update_url: '/cart/update', cart_url: '/cart', predictive_search_url: '/search/suggest' };</script>
${scripts.map((s) => `<script src="${assetUrl(s)}" defer="defer"></script>`).join('\n')}
${contentForHeader()}
${DAWN_PATHS.fonts.map((f) => `<link rel="preload" as="font" href="${f}" type="font/woff2" crossorigin>`).join('\n')}
<style>@font-face{font-family:Assistant;font-weight:400;font-style:normal;font-display:swap;src:url("${DAWN_PATHS.fonts[0]}") format("woff2");unicode-range:U+E000}</style>
${stylesheet(assetUrl('base.css'))}
${quickAdd ? stylesheet(assetUrl('quick-add.css')) : ''}
${stylesheet(`${DAWN_PATHS.compiledStyles}?v=${THEME_ID}`)}
<script src="${DAWN_PATHS.compiledScripts}?v=${THEME_ID}" defer="defer"></script>
${appTags}`;
}

function notificationProduct(line: CartLine): string {
  const key = String(lineItemJson(line).key);
  const p = line.product;
  return `<div id="cart-notification-product-${esc(key)}" class="cart-notification-product"><div class="cart-notification-product__image global-media-settings"><img src="${imageUrl(productImageFile(p.index), 140)}" alt="" width="70" height="70" loading="lazy"></div>
<div><h3 class="cart-notification-product__name h4">${esc(p.title)}</h3><dl><div class="product-option"><dt>Quantity:</dt><dd>${line.quantity}</dd></div></dl></div></div>`;
}

function cartNotification(): string {
  return `<cart-notification><div class="cart-notification-wrapper page-width">
<div id="cart-notification" class="cart-notification focus-inset color-scheme-1 gradient" aria-modal="true" aria-label="Item added to your cart" role="dialog" tabindex="-1">
<div class="cart-notification__header"><h2 class="cart-notification__heading caption-large text-body">Item added to your cart</h2>
<button type="button" class="cart-notification__close modal__close-button link link--text focus-inset" aria-label="Close">×</button></div>
<div id="cart-notification-product" class="cart-notification-product"></div>
<div class="cart-notification__links"><a href="/cart" id="cart-notification-button" class="button button--secondary button--full-width"></a>
<form action="/cart" method="post" id="cart-notification-form"><button class="button button--primary button--full-width" name="checkout">Check out</button></form>
<button type="button" class="link button-label">Continue shopping</button></div></div></div></cart-notification>`;
}

function drawerInner(cart: Cart | undefined): string {
  const lines = cart?.lines ?? [];
  const items = lines.map((l, i) => `<tr id="CartDrawer-Item-${i + 1}" class="cart-item" role="row"><td class="cart-item__media"><img class="cart-item__image" src="${imageUrl(productImageFile(l.product.index), 150)}" alt="" loading="lazy" width="75" height="75"></td>
<td class="cart-item__details"><a href="/products/${l.product.handle}" class="cart-item__name h4 break">${esc(l.product.title)}</a></td>
<td class="cart-item__quantity"><input class="quantity__input" type="number" data-quantity-variant-id="${l.product.variantId}" name="updates[]" value="${l.quantity}" min="0" aria-label="Quantity for ${esc(l.product.title)}" id="Drawer-quantity-${i + 1}" data-index="${i + 1}"></td>
<td class="cart-item__totals right"><span class="price price--end">${formatMoney(l.product.priceCents * l.quantity)}</span></td></tr>`).join('');
  return `<div id="CartDrawer-Overlay" class="cart-drawer__overlay"></div>
<div class="drawer__inner" role="dialog" aria-modal="true" aria-label="Your cart" tabindex="-1">
<div class="drawer__inner-empty"><div class="cart-drawer__warnings center"><div class="cart-drawer__empty-content"><h2 class="cart__empty-text">Your cart is empty</h2>
<button class="drawer__close" type="button" aria-label="Close">×</button><a href="/collections/all" class="button">Continue shopping</a></div></div></div>
<div class="drawer__header"><h2 class="drawer__heading">Your cart</h2><button class="drawer__close" type="button" aria-label="Close">×</button></div>
<cart-drawer-items class="${lines.length === 0 ? ' is-empty' : ''}"><form action="/cart" id="CartDrawer-Form" class="cart__contents cart-drawer__form" method="post">
<div id="CartDrawer-CartItems" class="drawer__contents js-contents"><div class="drawer__cart-items-wrapper"><table class="cart-items" role="table"><tbody role="rowgroup">${items}</tbody></table></div></div></form></cart-drawer-items>
<div class="drawer__footer"><div class="cart-drawer__footer"><div class="totals" role="status"><h2 class="totals__total">Estimated total</h2><p class="totals__total-value">${formatMoney(cart ? cartTotal(cart) : 0)}</p></div>
<small class="tax-note caption-large rte">Taxes and shipping calculated at checkout</small></div>
<div class="cart__ctas"><button type="submit" id="CartDrawer-Checkout" class="cart__checkout-button button" name="checkout" form="CartDrawer-Form">Check out</button></div></div></div>`;
}

function cartDrawer(cart: Cart | undefined): string {
  const empty = !cart || cart.lines.length === 0;
  return `<cart-drawer class="drawer${empty ? ' is-empty' : ''}"><div id="CartDrawer" class="cart-drawer">${drawerInner(cart)}</div></cart-drawer>`;
}

function bubble(count: number): string {
  return `<span>Cart</span>${count > 0 ? `<div class="cart-count-bubble"><span aria-hidden="true">${count}</span><span class="visually-hidden">${count} items</span></div>` : ''}`;
}

/** Dawn's variant picker (pills): visually hidden radios, their labels shown; sold-out values crossed out. */
export function variantPills(p: Product, selected: number | null, formId: string): string {
  const variants = sizeVariants(p);
  const pills = variants.map((v, k) => `<input type="radio" id="template--main-1-${k}" name="Size-1" value="${v.title}" form="${formId}"${v.id === selected ? ' checked' : ''}${v.available ? '' : ' class="disabled"'}><label for="template--main-1-${k}">${v.title}${v.available ? '' : '<span class="visually-hidden label-unavailable">Variant sold out or unavailable</span>'}</label>`).join('');
  return `<variant-selects id="variant-selects-template--main" data-section="template--main"><fieldset class="js product-form__input product-form__input--pill"><legend class="form__label">Size</legend>${pills}</fieldset>
<script type="application/json" data-variants>${JSON.stringify(variants.map((v) => ({ id: v.id, title: v.title, available: v.available })))}</script></variant-selects>`;
}

function productForm(p: Product, selected: number | null): string {
  const variant = sizeVariants(p).find((v) => v.id === selected) ?? null;
  const available = variant?.available ?? false;
  const id = variant?.id ?? '';
  // The installment form comes first in the document, as in Dawn's price block: a form posting to /cart/add
  // that has no button at all.
  return `<form method="post" action="/cart/add" id="product-form-installment-template--main" accept-charset="UTF-8" class="installment caption-large" enctype="multipart/form-data"><input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓"><input type="hidden" name="id" value="${id}"><shopify-payment-terms variant-id="${id}">Pay in 4 interest-free installments</shopify-payment-terms><input type="hidden" name="product-id" value="${p.id}"><input type="hidden" name="section-id" value="template--main"></form>
${variantPills(p, selected, 'product-form-installment-template--main')}
<div class="product-form__input product-form__quantity"><label class="quantity__label form__label" for="Quantity-template--main">Quantity</label>
<quantity-input class="quantity"><input class="quantity__input" type="number" name="quantity" id="Quantity-template--main" data-min="1" min="1" step="1" value="1" form="product-form-template--main"></quantity-input></div>
<div><product-form class="product-form" data-hide-errors="false" data-section-id="template--main">
<div class="product-form__error-message-wrapper" role="alert" hidden><span class="product-form__error-message"></span></div>
<form method="post" action="/cart/add" id="product-form-template--main" accept-charset="UTF-8" class="form" enctype="multipart/form-data" novalidate="novalidate" data-type="add-to-cart-form">
<input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓">
<input type="hidden" name="id" value="${id}" disabled class="product-variant-id">
<div class="product-form__buttons"><button id="ProductSubmitButton-template--main" type="submit" name="add" class="product-form__submit button button--full-width button--secondary"${available ? '' : ' disabled'}><span>${available ? 'Add to cart' : 'Sold out'}</span><div class="loading__spinner hidden"></div></button>
<div data-shopify="payment-button" class="shopify-payment-button"><button type="button" class="shopify-payment-button__button shopify-payment-button__button--unbranded"${available ? '' : ' disabled'}>Buy it now</button></div></div>
<input type="hidden" name="product-id" value="${p.id}"><input type="hidden" name="section-id" value="template--main"></form></product-form></div>`;
}

function sectionStyles(template: string): string {
  return [...SECTION_STYLES.common!, ...(SECTION_STYLES[template] ?? [])].map((f) => stylesheet(assetUrl(f))).join('\n');
}

/**
 * Dawn's quick add on a product card (snippets/card-product.liquid): products with several variants get a
 * "Choose options" button (type=submit name=add, outside any form) opening a modal that loads the product
 * form; every product of the demo store has sizes, so every card gets one. The modal holds nothing until
 * opened; quick-add.js moves it to the end of <body>.
 */
function quickAddBlock(p: Product): string {
  const formId = `quick-add-template--grid${p.id}`;
  return `<div class="quick-add no-js-hidden"><modal-opener data-modal="#QuickAdd-${p.id}"><button id="${formId}-submit" type="submit" name="add" class="quick-add__submit button button--full-width button--secondary" aria-haspopup="dialog" aria-labelledby="${formId}-submit title-${p.id}" data-product-url="/products/${p.handle}">Choose options<div class="loading__spinner hidden"></div></button></modal-opener>
<quick-add-modal id="QuickAdd-${p.id}" class="quick-add-modal"><div role="dialog" aria-label="Choose options for ${esc(p.title)}" aria-modal="true" class="quick-add-modal__content global-settings-popup" tabindex="-1"><button id="ModalClose-${p.id}" type="button" class="quick-add-modal__toggle" aria-label="Close">×</button><div id="QuickAddInfo-${p.id}" class="quick-add-modal__content-info"></div></div></quick-add-modal></div>`;
}

export function dawnTheme(cart: DawnCart, quickAdd = false): Theme {
  return {
    name: quickAdd ? 'dawn-quick-add' : cart === 'drawer' ? 'dawn-drawer' : 'dawn',
    imitates: `Dawn 15 (Shopify/dawn) with cart type "${cart}"${quickAdd ? ' and quick add on every product grid (modal loading the product form)' : ''}`,
    head: (_ctx, _req, input, appTags) => head(cart, input, appTags, quickAdd),
    ...(quickAdd ? { productCardExtra: quickAddBlock } : {}),
    afterHeader: (_ctx, req) => `${stylesheet(assetUrl(cart === 'drawer' ? 'component-cart-drawer.css' : 'component-cart-notification.css'))}
${cart === 'drawer' ? cartDrawer(req.cart) : cartNotification()}`,
    sectionStyles,
    productForm: (_ctx, p, selected) => productForm(p, selected ?? firstAvailable(p)?.id ?? null),
    section(id, _ctx, req, c, line) {
      const wrap = (inner: string): string => `<div id="shopify-section-${id}" class="shopify-section">${inner}</div>`;
      if (id === 'cart-notification-product') return wrap(line ? notificationProduct(line) : '');
      if (id === 'cart-notification-button') return wrap(`View cart (${c.lines.reduce((n, l) => n + l.quantity, 0)})`);
      if (id === 'cart-icon-bubble') return wrap(bubble(c.lines.reduce((n, l) => n + l.quantity, 0)));
      if (id === 'cart-drawer') return wrap(`<div id="CartDrawer" class="cart-drawer">${drawerInner(c)}</div>`);
      void req;
      return undefined;
    },
    files: () => dawnFiles(),
  };
}
