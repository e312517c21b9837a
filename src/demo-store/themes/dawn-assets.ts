// The files of the Dawn-like themes, served at Dawn's URL layout on Shopify's CDN: per-section stylesheets
// and deferred scripts under /cdn/shop/t/N/assets/, the compiled block styles and scripts under
// /cdn/shop/t/N/compiled_assets/, the theme's font under /cdn/fonts/, Shopify's own storefront scripts under
// /cdn/shopifycloud/ and the web pixels manager under /cdn/wpm/. The scripts are ours, written after reading
// Dawn's product-form.js, cart-notification.js, cart-drawer.js, product-info.js and quick-add.js (Shopify/dawn on GitHub):
// same elements, same requests, same timing traps, none of their code.
import { CARD_CSS, CORE_CSS } from '../assets.ts';
import { ASSET_VERSION } from '../theme.ts';
import type { ThemeFile } from './types.ts';

/** Dawn's theme sequence number in its CDN paths (`/cdn/shop/t/12/…`), stable: #20's attribution reads it. */
export const DAWN_THEME_SEQ = 12;
const T = `/cdn/shop/t/${DAWN_THEME_SEQ}`;

/** Every URL the Dawn-like themes load, by kind; the layout is a contract (docs/demo-store.md). */
export const DAWN_PATHS = {
  asset: (file: string) => `${T}/assets/${file}`,
  compiledStyles: `${T}/compiled_assets/styles.css`,
  compiledScripts: `${T}/compiled_assets/scripts.js`,
  fonts: ['/cdn/fonts/assistant/assistant_n4.9120912a469cad1cc292572851508ca49d12e768.woff2', '/cdn/fonts/assistant/assistant_n7.bf44452348ec8b8efa3aa3068825305886b1c83c.woff2'],
  loadFeature: '/cdn/shopifycloud/storefront/assets/storefront/load_feature-a0a9edcb.js',
  perfKit: '/cdn/shopifycloud/shopify-perf-kit/shopify-perf-kit-1.6.5.min.js',
  walletsCss: '/cdn/shopifycloud/portable-wallets/latest/accelerated-checkout-backwards-compat.css',
  webPixelsManager: '/cdn/wpm/s2d7b5a4dw0f6e3b55p0c0a2ba8m.js',
} as const;

export const assetUrl = (file: string): string => `${DAWN_PATHS.asset(file)}?v=${ASSET_VERSION}`;

/** Section stylesheets per template, which Dawn links from inside each section (so in <body>). */
export const SECTION_STYLES: Record<string, string[]> = {
  common: ['component-list-menu.css', 'component-search.css', 'section-footer.css'],
  index: ['component-card.css', 'component-price.css', 'section-image-banner.css', 'component-slider.css'],
  collection: ['component-card.css', 'component-price.css', 'template-collection.css', 'component-facets.css'],
  product: ['section-main-product.css', 'component-accordion.css', 'component-price.css', 'component-deferred-media.css', 'component-card.css'],
  cart: ['component-cart-items.css', 'component-totals.css', 'component-discounts.css'],
};

const CART_NOTIFICATION_CSS = `
.cart-notification-wrapper{position:relative}
.cart-notification{position:absolute;right:0;top:100%;width:100%;max-width:37.6rem;padding:2.5rem 3.5rem;background:#fff;border:1px solid rgba(18,18,18,.08);z-index:-1;transform:translateY(-100%);visibility:hidden;transition:transform .2s ease,visibility .2s ease}
.cart-notification.active{transform:translateY(0);visibility:visible;z-index:4}
.cart-notification__links{text-align:center}.cart-notification__links>*{margin-top:1rem}
.cart-notification-product{display:flex;gap:1rem;align-items:flex-start}`;

const CART_DRAWER_CSS = `
.drawer{position:fixed;z-index:1000;left:0;top:0;width:100vw;height:100%;display:flex;justify-content:flex-end;background-color:rgba(18,18,18,.5);transition:visibility .2s ease;visibility:hidden}
.drawer.active{visibility:visible}
.drawer__inner{height:100%;width:40rem;max-width:calc(100vw - 3rem);padding:0 1.5rem;border:1px solid rgba(18,18,18,.2);border-right:0;overflow:hidden;display:flex;flex-direction:column;transform:translateX(100%);transition:transform .2s ease;background:#fff}
.drawer.active .drawer__inner{transform:translateX(0)}
.cart-drawer__overlay{position:fixed;top:0;right:0;bottom:0;left:0}
.drawer__header{position:relative;padding:1.5rem 0;display:flex;justify-content:space-between;align-items:center}
.drawer__footer{border-top:1px solid rgba(18,18,18,.2);padding:1.5rem 0;margin-top:auto}
.drawer__contents{flex-grow:1;overflow:auto}
.drawer__inner-empty{height:100%;padding:0 1.5rem}
.cart-drawer:not(.is-empty) .drawer__inner-empty,.cart-drawer.is-empty .drawer__footer{display:none}
.cart__checkout-button{width:100%}`;

const PRODUCT_CSS = `
.product-form__input{border:0;padding:0;margin:0 0 1.2rem}
.product-form__input input[type=radio]{clip:rect(0,0,0,0);overflow:hidden;position:absolute;height:1px;width:1px}
.product-form__input input[type=radio]+label{display:inline-block;border:1px solid rgba(18,18,18,.55);border-radius:4rem;padding:1rem 2rem;margin:.7rem .5rem .2rem 0;cursor:pointer}
.product-form__input input[type=radio]:checked+label{background:#121212;color:#fff}
.product-form__input input[type=radio].disabled+label{text-decoration:line-through;opacity:.6}
.product-form__submit.loading>span{visibility:hidden}
.loading__spinner.hidden,.hidden{display:none!important}
.product-form__error-message-wrapper{color:#b00;margin:.5rem 0}
.shopify-payment-button__button{width:100%;padding:.8rem;margin-top:1rem;background:#5a31f4;color:#fff;border:0;border-radius:4px}
.installment{margin:.5rem 0;font-size:.85rem}`;

const GLOBAL_JS = `
/* Ours, after Dawn's global.js: fetchConfig, pub/sub, focus trap, sticky header reveal. */
function fetchConfig(type) {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/' + (type || 'json') } };
}
var PUB_SUB_EVENTS = { cartUpdate: 'cart-update', variantChange: 'variant-change', cartError: 'cart-error' };
var subscribers = {};
function subscribe(name, cb) { (subscribers[name] = subscribers[name] || []).push(cb); return function () { subscribers[name] = subscribers[name].filter(function (c) { return c !== cb; }); }; }
function publish(name, data) { (subscribers[name] || []).forEach(function (cb) { cb(data); }); }
function trapFocus(container, el) { (el || container) && (el || container).focus && (el || container).focus(); }
function removeTrapFocus(el) { if (el && el.focus) el.focus(); }
if (!customElements.get('sticky-header')) customElements.define('sticky-header', class extends HTMLElement { reveal() { this.classList.add('revealed'); } });
document.documentElement.className = document.documentElement.className.replace('no-js', 'js');
`;

const PRODUCT_FORM_JS = `
/* Ours, after Dawn's product-form.js: submit posts FormData to /cart/add asking for JavaScript (JSON) plus the
   cart sections to re-render; without a cart element on the page it goes to the cart page. */
if (!customElements.get('product-form')) customElements.define('product-form', class ProductForm extends HTMLElement {
  constructor() {
    super();
    this.form = this.querySelector('form');
    this.form.querySelector('[name=id]').disabled = false;
    this.form.addEventListener('submit', this.onSubmit.bind(this));
    this.cart = document.querySelector('cart-notification') || document.querySelector('cart-drawer');
    this.submitButton = this.querySelector('[type="submit"]');
    if (document.querySelector('cart-drawer')) this.submitButton.setAttribute('aria-haspopup', 'dialog');
  }
  onSubmit(evt) {
    evt.preventDefault();
    if (this.submitButton.getAttribute('aria-disabled') === 'true') return;
    this.showError(false);
    this.submitButton.setAttribute('aria-disabled', 'true');
    this.submitButton.classList.add('loading');
    var config = fetchConfig('javascript');
    config.headers['X-Requested-With'] = 'XMLHttpRequest';
    delete config.headers['Content-Type'];
    var formData = new FormData(this.form);
    if (this.cart) {
      formData.append('sections', this.cart.getSectionsToRender().map(function (s) { return s.id; }));
      formData.append('sections_url', window.location.pathname);
    }
    config.body = formData;
    var self = this;
    fetch(window.routes.cart_add_url, config)
      .then(function (r) { return r.json(); })
      .then(function (response) {
        if (response.status) {
          publish(PUB_SUB_EVENTS.cartError, { source: 'product-form', errors: response.description });
          self.showError(response.description);
          self.error = true;
          return;
        }
        if (!self.cart) { window.location = window.routes.cart_url; return; }
        self.error = false;
        publish(PUB_SUB_EVENTS.cartUpdate, { source: 'product-form', cartData: response });
        var quickAddModal = self.closest('quick-add-modal');
        if (quickAddModal) {
          /* From a quick-add modal: the modal closes first, the cart opens once it has. */
          document.body.addEventListener('modalClosed', function () { setTimeout(function () { self.cart.renderContents(response); }); }, { once: true });
          quickAddModal.hide(true);
        } else self.cart.renderContents(response);
      })
      .catch(function (e) { console.error(e); })
      .finally(function () {
        self.submitButton.classList.remove('loading');
        if (self.cart && self.cart.classList.contains('is-empty')) self.cart.classList.remove('is-empty');
        if (!self.error) self.submitButton.removeAttribute('aria-disabled');
      });
  }
  showError(message) {
    var wrapper = this.querySelector('.product-form__error-message-wrapper');
    if (!wrapper) return;
    wrapper.toggleAttribute('hidden', !message);
    if (message) wrapper.querySelector('.product-form__error-message').textContent = message;
  }
});
`;

const PRODUCT_INFO_JS = `
/* Ours, after Dawn's product-info.js / variant-selects: a variant change disables the add button, fetches the
   main product section for the new variant (Section Rendering API) and swaps it in. */
document.addEventListener('change', function (evt) {
  var selects = evt.target.closest && evt.target.closest('variant-selects');
  if (!selects) return;
  var variants = JSON.parse(selects.querySelector('[data-variants]').textContent);
  var chosen = selects.querySelector('input[type=radio]:checked, select');
  var value = chosen && chosen.value;
  var variant = variants.find(function (v) { return v.title === value; });
  var info = selects.closest('product-info');
  var button = info.querySelector('[name="add"]');
  if (button) { button.setAttribute('disabled', 'disabled'); }
  if (!variant) return;
  /* In a quick-add modal the section is asked for by its own id and its ids prefixed again, and the page's
     URL is left alone (Dawn's originalSection, preventDuplicatedIDs, data-update-url="false"). */
  var original = info.dataset.originalSection;
  fetch(info.dataset.url + '?variant=' + variant.id + '&section_id=' + (original || info.dataset.section))
    .then(function (r) { return r.text(); })
    .then(function (html) {
      var next = new DOMParser().parseFromString(html, 'text/html').querySelector('product-info');
      info.innerHTML = original ? next.innerHTML.split(original).join('quickadd-' + original) : next.innerHTML;
      if (info.dataset.updateUrl !== 'false') window.history.replaceState({}, '', info.dataset.url + '?variant=' + variant.id);
      publish(PUB_SUB_EVENTS.variantChange, { variant: variant });
    })
    .catch(function (e) { console.error(e); });
});
`;

const QUICK_ADD_JS = `
/* Ours, after Dawn's quick-add.js and the modal-opener / modal-dialog of global.js: "Choose options" on a
   product card opens a modal (moved to the end of <body> when it connects), which fetches the product page,
   takes its main product section, prefixes its ids so they do not clash with the page's, and shows it: the
   variant picker and the product form inside work as on the product page. An add from the modal closes it,
   then opens the cart notification. */
if (!customElements.get('modal-opener')) customElements.define('modal-opener', class ModalOpener extends HTMLElement {
  constructor() {
    super();
    var button = this.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var modal = document.querySelector(this.getAttribute('data-modal'));
      if (modal) modal.show(button);
    }.bind(this));
  }
});
if (!customElements.get('quick-add-modal')) customElements.define('quick-add-modal', class QuickAddModal extends HTMLElement {
  constructor() {
    super();
    this.modalContent = this.querySelector('[id^="QuickAddInfo-"]');
    this.querySelector('[id^="ModalClose-"]').addEventListener('click', this.hide.bind(this, false));
    this.addEventListener('keyup', function (evt) { if (evt.code === 'Escape') this.hide(); }.bind(this));
    this.addEventListener('click', function (evt) { if (evt.target === this) this.hide(); }.bind(this));
  }
  connectedCallback() {
    if (this.moved) return;
    this.moved = true;
    document.body.appendChild(this);
  }
  show(opener) {
    opener.setAttribute('aria-disabled', 'true');
    opener.classList.add('loading');
    var spinner = opener.querySelector('.loading__spinner');
    if (spinner) spinner.classList.remove('hidden');
    var self = this;
    fetch(opener.getAttribute('data-product-url'))
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var product = new DOMParser().parseFromString(text, 'text/html').querySelector('[id^="MainProduct-"]');
        self.preprocessHTML(product);
        self.modalContent.innerHTML = product.outerHTML;
        self.openedBy = opener;
        document.body.classList.add('overflow-hidden');
        self.setAttribute('open', '');
        var dialog = self.querySelector('[role="dialog"]');
        if (dialog) dialog.focus();
      })
      .catch(function (e) { console.error(e); })
      .finally(function () {
        opener.removeAttribute('aria-disabled');
        opener.classList.remove('loading');
        if (spinner) spinner.classList.add('hidden');
      });
  }
  preprocessHTML(product) {
    var section = product.dataset.section;
    product.innerHTML = product.innerHTML.split(section).join('quickadd-' + section);
    product.id = product.id.split(section).join('quickadd-' + section);
    product.dataset.originalSection = section;
    product.dataset.section = 'quickadd-' + section;
    product.setAttribute('data-update-url', 'false');
    product.querySelectorAll('.product__media-item:not(:first-child)').forEach(function (el) { el.remove(); });
  }
  hide(preventFocus) {
    var cart = document.querySelector('cart-notification') || document.querySelector('cart-drawer');
    if (cart) cart.setActiveElement(this.openedBy);
    this.modalContent.innerHTML = '';
    if (preventFocus) this.openedBy = null;
    document.body.classList.remove('overflow-hidden');
    document.body.dispatchEvent(new CustomEvent('modalClosed'));
    this.removeAttribute('open');
    removeTrapFocus(this.openedBy);
  }
});
`;

const QUICK_ADD_CSS = `
.quick-add{position:relative;z-index:1;margin-top:.8rem}.quick-add__submit{width:100%;padding:.8rem;border:1px solid #121212;background:#fff}
.quick-add__submit.loading{opacity:.6}
.quick-add-modal{position:fixed;inset:0;z-index:-1;opacity:0;visibility:hidden;display:flex;align-items:center;justify-content:center;background:rgba(18,18,18,.5)}
.quick-add-modal[open]{z-index:101;opacity:1;visibility:visible}
.quick-add-modal__content{position:relative;background:#fff;width:92%;max-width:60rem;max-height:90vh;overflow:auto;padding:2.5rem 1.5rem 1.5rem}
.quick-add-modal__toggle{position:absolute;top:.5rem;right:.5rem;font-size:1.6rem;background:none;border:0}
.quick-add-modal .quick-add-hidden,.quick-add-modal .product__media-item:not(:first-child){display:none!important}`;

const CART_NOTIFICATION_JS = `
/* Ours, after Dawn's cart-notification.js: a header dialog, hidden (visibility) until an add opens it. */
customElements.define('cart-notification', class CartNotification extends HTMLElement {
  constructor() {
    super();
    this.notification = document.getElementById('cart-notification');
    this.header = document.querySelector('sticky-header');
    this.onBodyClick = this.handleBodyClick.bind(this);
    this.notification.addEventListener('keyup', function (evt) { if (evt.code === 'Escape') this.close(); }.bind(this));
    this.querySelectorAll('button[type="button"]').forEach(function (b) { b.addEventListener('click', this.close.bind(this)); }, this);
  }
  open() {
    this.notification.classList.add('animate', 'active');
    this.notification.addEventListener('transitionend', function () { this.notification.focus(); trapFocus(this.notification); }.bind(this), { once: true });
    document.body.addEventListener('click', this.onBodyClick);
  }
  close() {
    this.notification.classList.remove('active');
    document.body.removeEventListener('click', this.onBodyClick);
    removeTrapFocus(this.activeElement);
  }
  renderContents(state) {
    this.cartItemKey = state.key;
    this.getSectionsToRender().forEach(function (section) {
      document.getElementById(section.id).innerHTML = this.getSectionInnerHTML(state.sections[section.id], section.selector);
    }, this);
    if (this.header) this.header.reveal();
    this.open();
  }
  getSectionsToRender() {
    return [
      { id: 'cart-notification-product', selector: '[id="cart-notification-product-' + this.cartItemKey + '"]' },
      { id: 'cart-notification-button' },
      { id: 'cart-icon-bubble' },
    ];
  }
  getSectionInnerHTML(html, selector) {
    return new DOMParser().parseFromString(html, 'text/html').querySelector(selector || '.shopify-section').innerHTML;
  }
  handleBodyClick(evt) {
    if (evt.target !== this.notification && !evt.target.closest('cart-notification')) this.close();
  }
  setActiveElement(el) { this.activeElement = el; }
});
`;

const CART_DRAWER_JS = `
/* Ours, after Dawn's cart-drawer.js: the header cart icon opens the drawer instead of /cart; an add re-renders
   the drawer from the sections in the cart response and opens it a tick later. */
customElements.define('cart-drawer', class CartDrawer extends HTMLElement {
  constructor() {
    super();
    this.addEventListener('keyup', function (evt) { if (evt.code === 'Escape') this.close(); }.bind(this));
    this.bindOverlay();
    var link = document.querySelector('#cart-icon-bubble');
    link.setAttribute('role', 'button');
    link.setAttribute('aria-haspopup', 'dialog');
    link.addEventListener('click', function (event) { event.preventDefault(); this.open(link); }.bind(this));
  }
  bindOverlay() {
    var overlay = this.querySelector('#CartDrawer-Overlay');
    if (overlay) overlay.addEventListener('click', this.close.bind(this));
    var close = this.querySelector('.drawer__close');
    if (close) close.addEventListener('click', this.close.bind(this));
  }
  open(trigger) {
    if (trigger) this.activeElement = trigger;
    setTimeout(function () { this.classList.add('animate', 'active'); }.bind(this));
    document.body.classList.add('overflow-hidden');
  }
  close() {
    this.classList.remove('active');
    document.body.classList.remove('overflow-hidden');
    removeTrapFocus(this.activeElement);
  }
  renderContents(state) {
    this.classList.remove('is-empty');
    this.getSectionsToRender().forEach(function (section) {
      var el = section.selector ? document.querySelector(section.selector) : document.getElementById(section.id);
      el.innerHTML = this.getSectionInnerHTML(state.sections[section.id], section.selector);
    }, this);
    setTimeout(function () { this.bindOverlay(); this.open(); }.bind(this));
  }
  getSectionsToRender() { return [{ id: 'cart-drawer', selector: '#CartDrawer' }, { id: 'cart-icon-bubble' }]; }
  getSectionInnerHTML(html, selector) {
    return new DOMParser().parseFromString(html, 'text/html').querySelector(selector || '.shopify-section').innerHTML;
  }
  setActiveElement(el) { this.activeElement = el; }
});
`;

const css = (body: string): ThemeFile => ({ type: 'text/css; charset=utf-8', body });
const js = (body: string): ThemeFile => ({ type: 'application/javascript; charset=utf-8', body });

let files: Map<string, ThemeFile> | undefined;

/** The Dawn-like files by path (built once; identical for both variants, Dawn ships no legacy bloat). */
export function dawnFiles(): Map<string, ThemeFile> {
  if (files) return files;
  files = new Map<string, ThemeFile>([
    [DAWN_PATHS.asset('base.css'), css(CORE_CSS)],
    [DAWN_PATHS.asset('component-cart-notification.css'), css(CART_NOTIFICATION_CSS)],
    [DAWN_PATHS.asset('component-cart-drawer.css'), css(CART_DRAWER_CSS)],
    [DAWN_PATHS.asset('constants.js'), js("const ON_CHANGE_DEBOUNCE_TIMER = 300;")],
    [DAWN_PATHS.asset('pubsub.js'), js('/* pub/sub lives in global.js in this imitation */')],
    [DAWN_PATHS.asset('global.js'), js(GLOBAL_JS)],
    [DAWN_PATHS.asset('product-form.js'), js(PRODUCT_FORM_JS)],
    [DAWN_PATHS.asset('product-info.js'), js(PRODUCT_INFO_JS)],
    [DAWN_PATHS.asset('cart-notification.js'), js(CART_NOTIFICATION_JS)],
    [DAWN_PATHS.asset('cart-drawer.js'), js(CART_DRAWER_JS)],
    [DAWN_PATHS.asset('quick-add.js'), js(QUICK_ADD_JS)],
    [DAWN_PATHS.asset('quick-add.css'), css(QUICK_ADD_CSS)],
    [DAWN_PATHS.compiledStyles, css('/* block styles compiled from {% stylesheet %} tags */\n.shopify-section{display:block}')],
    [DAWN_PATHS.compiledScripts, js('/* block scripts compiled from {% javascript %} tags */')],
    [DAWN_PATHS.loadFeature, js('/* Shopify storefront feature loader (stand-in) */ window.Shopify = window.Shopify || {}; Shopify.loadFeatures = function (list, cb) { if (cb) cb(); };')],
    [DAWN_PATHS.perfKit, js('/* Shopify perf kit (stand-in): reports nothing from the demo store */')],
    [DAWN_PATHS.walletsCss, css('shopify-accelerated-checkout{display:block}')],
    [DAWN_PATHS.webPixelsManager, js('/* web pixels manager (stand-in) */ window.webPixelsManager = { init: function () { return { publish: function () {} }; } };')],
  ]);
  const sectionCss = new Set(Object.values(SECTION_STYLES).flat());
  for (const file of sectionCss) {
    const body = file === 'component-card.css' ? CARD_CSS : file === 'section-main-product.css' ? PRODUCT_CSS : `/* ${file} */`;
    files.set(DAWN_PATHS.asset(file), css(body));
  }
  // Font files: never used by the CSS below (a private-use unicode-range), only preloaded as Dawn does, so a
  // placeholder body cannot raise a decode error.
  for (const font of DAWN_PATHS.fonts) files.set(font, { type: 'font/woff2', body: Buffer.from('wOF2-placeholder') });
  return files;
}
