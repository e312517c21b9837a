// A Horizon-like storefront (Shopify's 2025 reference theme), our imitation after reading Shopify/horizon:
// assets/product-form.js (<product-form-component>, <add-to-cart-component>), snippets/variant-main-picker
// .liquid (radios inside their labels, `aria-label="S - Sold out"`, `aria-disabled` on unavailable values, the
// picker its own <form>), snippets/cart-drawer.liquid (<theme-drawer> holding a native <dialog>,
// <cart-drawer-component auto-open>) and assets/localization.js. What it makes the journey cope with:
// - nothing preselected: the hidden variant id is empty and the add button disabled until every option is
//   chosen; choosing fetches the product section for the variant (Section Rendering API) before enabling;
// - the add posts FormData to /cart/add asking for JSON, then reads /cart.js, then opens the drawer with
//   showModal(): its Check out button sits in a closed <dialog> on every page until then;
// - a country pop-up (a modal <dialog> opened on load) makes the rest of the page inert until closed.
import type { Cart } from '../cart.ts';
import { cartTotal } from '../cart.ts';
import { CARD_CSS, CORE_CSS } from '../assets.ts';
import type { Product } from '../catalog.ts';
import { formatMoney } from '../catalog.ts';
import { esc } from '../http.ts';
import { ASSET_VERSION } from '../theme.ts';
import { sizeVariants } from '../variants.ts';
import type { Theme, ThemeFile } from './types.ts';

const T = '/cdn/shop/t/14/assets';
const asset = (file: string): string => `${T}/${file}?v=${ASSET_VERSION}`;

const HORIZON_CSS = `${CORE_CSS}${CARD_CSS}
.variant-option{border:0;padding:0;margin:0 0 1rem}.variant-option__button-label{display:inline-block;position:relative;border:1px solid #999;border-radius:2rem;padding:.7rem 1.4rem;margin:.3rem .3rem 0 0;cursor:pointer}
.variant-option__button-label input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}.variant-option__button-label:has(:checked){background:#111;color:#fff}
.variant-option__button-label:has([aria-disabled=true]){text-decoration:line-through;opacity:.6}
.add-to-cart-button{width:100%;padding:1rem;background:#111;color:#fff;border:0;border-radius:2rem}.add-to-cart-button[disabled]{opacity:.45}
.theme-drawer__dialog{margin:0 0 0 auto;height:100%;max-height:100%;width:min(26rem,92vw);border:0;padding:1rem}.theme-drawer__dialog::backdrop{background:rgba(0,0,0,.4)}
.cart__checkout-button{width:100%;padding:1rem;background:#111;color:#fff;border:0;border-radius:2rem}
.localization-popup{max-width:22rem;border:1px solid #ccc;padding:1.5rem}.localization-popup::backdrop{background:rgba(0,0,0,.5)}`;

const HORIZON_JS = `
/* Ours, after Horizon's variant-picker.js, product-form.js, cart-drawer.js and localization.js. */
class VariantPicker extends HTMLElement {
  connectedCallback() { this.addEventListener('change', this.onChange.bind(this)); }
  onChange() {
    var info = this.closest('[data-product-url]');
    var button = info.querySelector('[ref="addToCartButton"]');
    button.disabled = true;
    var checked = this.querySelector('input[type=radio]:checked');
    if (!checked) return;
    var id = checked.dataset.variantId;
    var url = info.dataset.productUrl;
    fetch(url + '?variant=' + id + '&section_id=main-product').then(function (r) { return r.text(); }).then(function (html) {
      var next = new DOMParser().parseFromString(html, 'text/html');
      var nextButton = next.querySelector('[ref="addToCartButton"]');
      info.querySelector('[ref="variantId"]').value = id;
      button.disabled = nextButton ? nextButton.disabled : true;
      button.querySelector('.add-to-cart-text').textContent = nextButton ? nextButton.textContent.trim() : 'Unavailable';
      history.replaceState({}, '', url + '?variant=' + id);
    }).catch(function (e) { console.error(e); });
  }
}
customElements.define('variant-picker', VariantPicker);

class ProductFormComponent extends HTMLElement {
  connectedCallback() { this.querySelector('form').addEventListener('submit', this.handleSubmit.bind(this)); }
  handleSubmit(event) {
    event.preventDefault();
    var form = event.target;
    var button = this.querySelector('[ref="addToCartButton"]');
    if (button.disabled) return;
    var data = new FormData(form);
    data.append('sections', 'cart-drawer-section');
    fetch(Theme.routes.cart_add_url, { method: 'POST', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, body: data })
      .then(function (r) { return r.json(); })
      .then(function (response) {
        if (response.status) { var e = this.querySelector('.product-form-text__error'); e.hidden = false; e.textContent = response.message; return; }
        return fetch('/cart.js').then(function (r) { return r.json(); }).then(function (cart) {
          document.dispatchEvent(new CustomEvent('cart:update', { detail: { resource: cart, sections: response.sections } }));
        });
      }.bind(this))
      .catch(function (e) { console.error(e); });
  }
}
customElements.define('product-form-component', ProductFormComponent);

class CartDrawerComponent extends HTMLElement {
  connectedCallback() {
    document.addEventListener('cart:update', this.onUpdate.bind(this));
    var close = this.querySelector('.theme-drawer__close-button');
    if (close) close.addEventListener('click', this.close.bind(this));
  }
  onUpdate(event) {
    var html = event.detail.sections && event.detail.sections['cart-drawer-section'];
    if (html) this.innerHTML = new DOMParser().parseFromString(html, 'text/html').querySelector('cart-drawer-component').innerHTML;
    var bubble = document.querySelector('.cart-count-bubble, #cart-icon-bubble');
    if (bubble) bubble.setAttribute('data-count', event.detail.resource.item_count);
    this.connectedCallback = function () {};
    var close = this.querySelector('.theme-drawer__close-button');
    if (close) close.addEventListener('click', this.close.bind(this));
    if (this.hasAttribute('auto-open')) this.closest('dialog').showModal();
  }
  close() { this.closest('dialog').close(); }
}
customElements.define('cart-drawer-component', CartDrawerComponent);

(function () {
  var popup = document.getElementById('localization-popup');
  if (!popup) return;
  if (document.cookie.split('; ').some(function (c) { return c.indexOf('localization=') === 0; })) { popup.remove(); return; }
  popup.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { document.cookie = 'localization=US; path=/; max-age=31536000; samesite=lax'; popup.close(); });
  });
  popup.showModal();
})();
`;

function variantPicker(p: Product, selected: number | null): string {
  const fieldset = sizeVariants(p).map((v, k) => `<label class="variant-option__button-label"><input type="radio" name="Size-variant_picker-${p.id}" value="${v.title}" aria-label="${v.title}${v.available ? '' : ' - Sold out'}"${v.available ? '' : ' aria-disabled="true"'} data-input-index="${k}" data-option-available="${v.available}" data-variant-id="${v.id}"${v.id === selected ? ' checked' : ''}><span class="variant-option__button-label__text">${v.title}</span></label>`).join('');
  return `<variant-picker class="variant-picker" data-product-id="${p.id}" ref="mainVariantPicker"><form class="variant-picker__form"><fieldset class="variant-option variant-option--buttons"><legend>Size</legend>${fieldset}</fieldset></form></variant-picker>`;
}

function productForm(p: Product, selected: number | null): string {
  const variant = sizeVariants(p).find((v) => v.id === selected);
  const label = !variant ? 'Add to cart' : variant.available ? 'Add to cart' : 'Sold out';
  return `<div class="product-details" data-product-url="/products/${p.handle}">${variantPicker(p, selected)}
<product-form-component data-section-id="main-product" data-product-id="${p.id}">
<form method="post" action="/cart/add" id="BuyButtons-ProductForm-main-product" accept-charset="UTF-8" class="shopify-product-form" enctype="multipart/form-data" novalidate="novalidate" data-type="add-to-cart-form">
<input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓">
<input type="hidden" name="id" value="${variant?.id ?? ''}" ref="variantId">
<p class="product-form-text__error" role="alert" hidden></p>
<div class="product-form-buttons"><add-to-cart-component ref="addToCartButtonContainer"><button type="submit" name="add" class="button add-to-cart-button" ref="addToCartButton"${variant?.available ? '' : ' disabled'}><span class="add-to-cart-text">${label}</span></button></add-to-cart-component>
<div class="accelerated-checkout-block"><button type="button" class="shopify-payment-button__button" disabled>Buy it now</button></div></div>
</form></product-form-component></div>`;
}

function drawerInner(cart: Cart | undefined): string {
  const lines = cart?.lines ?? [];
  if (lines.length === 0) return '<div class="cart-drawer__inner cart-drawer--empty"><h2 class="theme-drawer__title h4" id="cart-drawer-heading">Your cart is empty</h2><button type="button" class="theme-drawer__close-button" aria-label="Close">×</button></div>';
  const rows = lines.map((l) => `<li class="cart-items__table-row">${esc(l.product.title)} × ${l.quantity} <span>${formatMoney(l.product.priceCents * l.quantity)}</span></li>`).join('');
  return `<div class="cart-drawer__inner"><div class="theme-drawer__header"><h2 class="theme-drawer__title h4" id="cart-drawer-heading">Cart</h2><button type="button" class="theme-drawer__close-button" aria-label="Close">×</button></div>
<cart-items-component data-section-id="cart-drawer-section"><form action="/cart" method="post" id="cart-form" class="cart-form"><ul class="cart-items">${rows}</ul></form></cart-items-component>
<div class="cart-drawer__summary"><div class="cart__summary-totals"><span>Estimated total</span> <strong>${formatMoney(cart ? cartTotal(cart) : 0)}</strong></div>
<button type="submit" name="checkout" form="cart-form" class="button cart__checkout-button">Check out</button></div></div>`;
}

function cartDrawer(cart: Cart | undefined): string {
  return `<theme-drawer id="cart-drawer" popover-modal><dialog ref="panel" class="theme-drawer__dialog" aria-labelledby="cart-drawer-heading"><cart-drawer-component auto-open>${drawerInner(cart)}</cart-drawer-component></dialog></theme-drawer>`;
}

const LOCALIZATION_POPUP = `<dialog class="localization-popup" id="localization-popup" aria-labelledby="localization-popup-title">
<h2 id="localization-popup-title">Shipping to United States?</h2><p>Shop in USD and get shipping options for United States.</p>
<button type="button" class="button">Shop now</button> <button type="button" class="button button-secondary" aria-label="Close">×</button></dialog>`;

let files: Map<string, ThemeFile> | undefined;

export const horizonTheme: Theme = {
  name: 'horizon',
  imitates: 'Horizon (Shopify/horizon): product-form-component, variant picker with nothing preselected, native <dialog> cart drawer (auto-open), country pop-up',
  head: (_ctx, _req, _input, appTags) => `<script>var Theme = { routes: { cart_add_url: '/cart/add', cart_url: '/cart', root: '/' } };</script>
<link href="${asset('base.css')}" rel="stylesheet" type="text/css" media="all">
<script src="${asset('theme.js')}" type="module"></script>
${appTags}`,
  afterHeader: (_ctx, req) => cartDrawer(req.cart),
  productForm: (_ctx, p, selected) => productForm(p, selected),
  bodyEnd: () => LOCALIZATION_POPUP,
  section(id, _ctx, _req, cart) {
    if (id !== 'cart-drawer-section') return undefined;
    return `<div id="shopify-section-cart-drawer-section" class="shopify-section"><cart-drawer-component auto-open>${drawerInner(cart)}</cart-drawer-component></div>`;
  },
  files() {
    files ??= new Map<string, ThemeFile>([
      [`${T}/base.css`, { type: 'text/css; charset=utf-8', body: HORIZON_CSS }],
      [`${T}/theme.js`, { type: 'application/javascript; charset=utf-8', body: HORIZON_JS }],
    ]);
    return files;
  },
};
