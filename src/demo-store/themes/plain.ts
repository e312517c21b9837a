// A plain, script-light storefront: the product form is an ordinary multipart post to /cart/add that the
// store answers with 302 → /cart (as vintage themes like Debut and Simple do, and any theme with its Ajax
// cart switched off). What a shopper meets on it, and the journey must cope with:
// - a size <select name="id"> that preselects the first variant even though it is sold out (the button reads
//   "Sold out" until another size is chosen; Debut's product-form behaviour with `product.selected_variant`
//   empty falls back to the first variant);
// - a "Back soon" promo strip above every page with a sold-out quick-add, so the first add button in the
//   document is a disabled "Sold out" one that is not this product's;
// - quick-add forms a quick-add app's script injects into every product card (home, collections, "You may
//   also like"), each an enabled /cart/add form for another product;
// - a cookie-consent wall and a newsletter modal that cover the page and swallow clicks until dismissed
//   (consent banners per GDPR apps, Klaviyo-style sign-up pop-ups), remembered in cookies once dismissed.
import { CARD_CSS, CORE_CSS } from '../assets.ts';
import type { Product } from '../catalog.ts';
import type { StoreContext } from '../context.ts';
import { SOLD_OUT_HANDLE } from '../defects.ts';
import { esc } from '../http.ts';
import { sizeVariants } from '../variants.ts';
import type { Theme } from './types.ts';

const PLAIN_CSS = `<style>${CORE_CSS}${CARD_CSS}
.back-soon{display:flex;gap:1rem;align-items:center;justify-content:center;padding:.5rem;background:#f3f3f3;font-size:.9rem}
.quick-add{margin:.5rem 0}.quick-add button{width:100%;padding:.6rem}
.product-single__variants{display:block;width:100%;padding:.7rem;margin:.5rem 0 1rem}
.btn--add-to-cart{width:100%;padding:1rem;background:#222;color:#fff;border:0}.btn--add-to-cart[disabled]{opacity:.5}
.consent-wall{position:fixed;inset:0;z-index:2147483000;background:rgba(0,0,0,.35);display:flex;align-items:flex-end}
.consent-wall__banner{background:#fff;width:100%;padding:1.2rem;box-shadow:0 -2px 8px rgba(0,0,0,.2)}
.consent-wall__banner button{margin:.4rem .4rem 0 0;padding:.6rem 1.2rem}
.newsletter-popup{position:fixed;inset:0;z-index:2147482000;background:rgba(0,0,0,.55);display:flex;align-items:center;justify-content:center}
.newsletter-popup__box{background:#fff;max-width:22rem;width:90%;padding:1.5rem;position:relative}
.newsletter-popup__close{position:absolute;top:.3rem;right:.5rem;font-size:1.4rem;background:none;border:0}
</style>`;

function productForm(p: Product, selected: number | null): string {
  const variants = sizeVariants(p);
  // No ?variant= in the URL: the first variant, sold out or not.
  const current = variants.find((v) => v.id === selected) ?? variants[0]!;
  const options = variants.map((v) => `<option value="${v.id}"${v.id === current.id ? ' selected="selected"' : ''} data-available="${v.available}">${v.title}${v.available ? '' : ' - Sold out'}</option>`).join('');
  return `<form method="post" action="/cart/add" id="AddToCartForm-product-template" accept-charset="UTF-8" class="product-form product-form-product-template" enctype="multipart/form-data">
<input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓">
<label for="ProductSelect-product-template">Size</label>
<select name="id" id="ProductSelect-product-template" class="product-single__variants">${options}</select>
<label for="Quantity-product-template">Quantity</label><input type="number" id="Quantity-product-template" name="quantity" value="1" min="1">
<button type="submit" name="add" id="AddToCart-product-template" class="btn product-form__cart-submit btn--add-to-cart"${current.available ? '' : ' disabled="disabled"'}><span id="AddToCartText-product-template">${current.available ? 'Add to cart' : 'Sold out'}</span></button>
</form>
<script>(function () {
  var select = document.getElementById('ProductSelect-product-template');
  var button = document.getElementById('AddToCart-product-template');
  select.addEventListener('change', function () {
    var available = select.selectedOptions[0].getAttribute('data-available') === 'true';
    button.disabled = !available;
    document.getElementById('AddToCartText-product-template').textContent = available ? 'Add to cart' : 'Sold out';
    history.replaceState({}, '', location.pathname + '?variant=' + select.value);
  });
})();</script>`;
}

/** Above every page: a sold-out product's quick add, the first add button in the document. */
function backSoon(ctx: StoreContext): string {
  const p = ctx.catalog.byHandle(SOLD_OUT_HANDLE);
  if (!p) return '';
  return `<div class="back-soon" role="region" aria-label="Back soon"><a href="/products/${p.handle}">${esc(p.title)}</a>
<form method="post" action="/cart/add" class="quick-add" enctype="multipart/form-data"><input type="hidden" name="id" value="${p.variantId}"><button type="submit" name="add" disabled>Sold out</button></form></div>`;
}

const OVERLAYS = `<div class="newsletter-popup" id="newsletter-popup" role="dialog" aria-modal="true" aria-labelledby="newsletter-title">
<div class="newsletter-popup__box"><button type="button" class="newsletter-popup__close" aria-label="Close dialog">×</button>
<h2 id="newsletter-title">Get 10% off your first order</h2><form class="newsletter-popup__form" action="/contact#newsletter" method="post"><input type="email" name="contact[email]" placeholder="Email" aria-label="Email"><button type="submit">Sign up</button></form>
<button type="button" class="newsletter-popup__decline">No thanks</button></div></div>
<div class="consent-wall" id="consent-wall"><div class="consent-wall__banner" role="region" aria-label="Cookie consent">
<p>We use cookies to improve your experience and for marketing. <a href="/policies/privacy-policy">Privacy policy</a></p>
<button type="button" data-consent="accept">Accept</button><button type="button" data-consent="decline">Decline</button></div></div>
<script>(function () {
  var has = function (name) { return document.cookie.split('; ').some(function (c) { return c.indexOf(name + '=') === 0; }); };
  var remember = function (name, value) { document.cookie = name + '=' + value + '; path=/; max-age=31536000; samesite=lax'; };
  var wall = document.getElementById('consent-wall');
  var popup = document.getElementById('newsletter-popup');
  if (has('cookie_consent')) wall.remove();
  else wall.querySelectorAll('[data-consent]').forEach(function (b) { b.addEventListener('click', function () { remember('cookie_consent', b.dataset.consent); wall.remove(); }); });
  if (has('newsletter_dismissed')) popup.remove();
  else popup.querySelectorAll('.newsletter-popup__close, .newsletter-popup__decline').forEach(function (b) { b.addEventListener('click', function () { remember('newsletter_dismissed', '1'); popup.remove(); }); });
  /* A quick-add app: an add form under every product card. */
  document.querySelectorAll('.card-wrapper').forEach(function (card) {
    var link = card.querySelector('a[href*="/products/"]');
    if (!link) return;
    fetch(link.getAttribute('href') + '.js').then(function (r) { return r.json(); }).then(function (product) {
      var variant = product.variants.find(function (v) { return v.available; });
      var form = document.createElement('form');
      form.method = 'post'; form.action = '/cart/add'; form.className = 'quick-add'; form.enctype = 'multipart/form-data';
      form.innerHTML = '<input type="hidden" name="id" value="' + (variant ? variant.id : product.variants[0].id) + '"><input type="hidden" name="quantity" value="1"><button type="submit" name="add"' + (variant ? '>+ Quick add' : ' disabled>Sold out') + '</button>';
      card.appendChild(form);
    }).catch(function () {});
  });
})();</script>`;

export const plainTheme: Theme = {
  name: 'plain',
  imitates: 'a script-light vintage theme (Debut/Simple product form: multipart post, 302 to /cart) with a quick-add app, a cookie-consent wall and a newsletter pop-up',
  head: (_ctx, _req, _input, appTags) => `${PLAIN_CSS}\n${appTags}`,
  afterHeader: (ctx) => backSoon(ctx),
  productForm: (_ctx, p, selected) => productForm(p, selected),
  bodyEnd: () => OVERLAYS,
};
