import type { Product } from '../catalog.ts';
import { formatMoney } from '../catalog.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { isDefective } from '../context.ts';
import { esc } from '../http.ts';
import { productImageFile } from '../images.ts';
import { themeOf } from '../themes/index.ts';
import { layout } from './layout.ts';
import { imageUrl, price, productCard, productImg } from './media.ts';

const MEDIA_SIZES = '(min-width: 1200px) 715px, (min-width: 990px) calc(65.0vw - 10rem), (min-width: 750px) calc((100vw - 11.5rem) / 2), calc(100vw - 4rem)';

function related(ctx: StoreContext, p: Product, sized: boolean): string {
  const n = ctx.catalog.productCount;
  const picks: Product[] = [];
  for (let k = 1; k <= 4 && k < n; k++) picks.push(ctx.catalog.product((p.index + k * 7) % n)!);
  if (picks.length === 0) return '';
  return `<div class="product-recommendations page-width section"><h2 class="product-recommendations__heading">You may also like</h2>
<ul class="grid product-grid grid--4-col-desktop grid--2-col-tablet-down" role="list">${picks.map((r) => productCard(r, sized, true, themeOf(ctx).productCardExtra?.(r))).join('\n')}</ul></div>`;
}

function form(p: Product): string {
  return `<product-form class="product-form" data-hide-errors="false">
<div class="product-form__error-message-wrapper" role="alert" hidden></div>
<form method="post" action="/cart/add" id="product-form-template--main" accept-charset="UTF-8" class="form" novalidate="novalidate" data-type="add-to-cart-form">
<input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓">
<input type="hidden" name="id" value="${p.variantId}" class="product-variant-id">
<div class="product-form__input product-form__quantity"><label class="quantity__label form__label" for="Quantity-template--main">Quantity</label>
<quantity-input class="quantity"><input class="quantity__input" type="number" name="quantity" id="Quantity-template--main" data-min="1" min="1" step="1" value="1" form="product-form-template--main"></quantity-input></div>
<div class="product-form__buttons"><button id="ProductSubmitButton-template--main" type="submit" name="add" class="product-form__submit button button--full-width button--secondary"${p.available ? '' : ' disabled'}><span>${p.available ? 'Add to cart' : 'Sold out'}</span></button></div>
</form></product-form>`;
}

function jsonLd(req: PageRequest, p: Product): string {
  const data = {
    '@context': 'http://schema.org/', '@type': 'Product', name: p.title, url: `${req.base}/products/${p.handle}`,
    image: [`${req.base}${imageUrl(productImageFile(p.index), 1920)}`], description: p.description, sku: String(p.variantId),
    brand: { '@type': 'Brand', name: p.vendor },
    offers: [{ '@type': 'Offer', availability: p.available ? 'http://schema.org/InStock' : 'http://schema.org/OutOfStock', price: (p.priceCents / 100).toFixed(2), priceCurrency: 'USD', url: `${req.base}/products/${p.handle}?variant=${p.variantId}` }],
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

/** The main product section (media, title, price, form): whole pages and Section Rendering API answers alike. */
function productInfo(ctx: StoreContext, p: Product, selectedVariantId: number | null): string {
  // D6: unsized media here lets images shift the layout as they arrive.
  const sized = !isDefective(ctx);
  const theme = themeOf(ctx);
  const media = [0, 1, 2].map((view) => `<li class="product__media-item grid__item slider__slide${view === 0 ? ' is-active' : ''}"><div class="product-media-container media-type-image media-fit-contain"><div class="product__media media media--transparent">${productImg(p, view, { sized, lazy: view > 0, sizes: MEDIA_SIZES, className: 'image-magnify-none' })}</div></div></li>`).join('\n');
  return `<product-info id="MainProduct-template--main" class="section-template--main-padding" data-section="template--main" data-url="/products/${p.handle}">
<div class="product product--large product--left product--stacked grid grid--1-col grid--2-col-tablet product--mobile-hide">
<div class="grid__item product__media-wrapper"><media-gallery id="MediaGallery-template--main" role="region" class="product__column-sticky" aria-label="Gallery Viewer">
<ul id="Slider-Gallery-template--main" class="product__media-list contains-media grid grid--peek list-unstyled slider slider--mobile" role="list">${media}</ul></media-gallery></div>
<div class="product__info-wrapper grid__item"><section id="ProductInfo-template--main" class="product__info-container product__column-sticky">
<p class="product__text inline-richtext caption-with-letter-spacing">${esc(p.vendor)}</p>
<div class="product__title"><h1>${esc(p.title)}</h1></div>
<div class="reviews-pro-widget" data-product-id="${p.id}" data-rating="${3 + (p.index % 3)}" data-count="${7 + (p.index % 40)}"></div>
<div id="price-template--main" role="status">${price(p, true)}</div>
<div class="product__tax caption rte">Tax included. <a href="/policies/shipping-policy">Shipping</a> calculated at checkout.</div>
${theme.productForm ? theme.productForm(ctx, p, selectedVariantId) : form(p)}
<div class="product__description rte quick-add-hidden"><p>${esc(p.description)}</p></div>
<p><a href="/pages/shipping-info" class="link">Shipping &amp; returns</a> · <a href="/collections/${p.index % 3 === 0 ? 'sale' : 'all'}" class="link">More like this</a></p>
</section></div></div></product-info>`;
}

/** `?section_id=…`: the section alone, wrapped as Shopify's Section Rendering API wraps it. */
export function productSection(ctx: StoreContext, p: Product, sectionId: string, selectedVariantId: number | null): string {
  return `<div id="shopify-section-${esc(sectionId)}" class="shopify-section">${productInfo(ctx, p, selectedVariantId)}</div>`;
}

export function productPage(ctx: StoreContext, req: PageRequest, p: Product, selectedVariantId: number | null = null): string {
  const sized = !isDefective(ctx);
  const slot = isDefective(ctx) ? '' : '<div class="promo-bar-slot" aria-live="polite"></div>';
  const body = `${slot}<section class="shopify-section section"><div class="page-width">
<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Home</a> / <a href="/collections/all">All products</a> / <span aria-current="page">${esc(p.title)}</span></nav>
${productInfo(ctx, p, selectedVariantId)}</div></section>
${related(ctx, p, sized)}
${jsonLd(req, p)}`;
  return layout(ctx, req, { title: p.title, template: 'product', body, description: `${p.title} – ${formatMoney(p.priceCents)}` });
}

/** /products/<handle>.js, Shopify's product JSON. */
export function productJs(p: Product): unknown {
  const images = [0, 1, 2].map((v) => imageUrl(productImageFile(p.index, v)));
  return {
    id: p.id, title: p.title, handle: p.handle, description: `<p>${esc(p.description)}</p>`, vendor: p.vendor, type: p.type,
    tags: [], price: p.priceCents, price_min: p.priceCents, price_max: p.priceCents, available: p.available,
    compare_at_price: p.compareAtCents, images, featured_image: images[0], url: `/products/${p.handle}`,
    variants: [{ id: p.variantId, title: 'Default Title', option1: 'Default Title', sku: `SKU-${p.index}`, available: p.available, name: p.title, price: p.priceCents, compare_at_price: p.compareAtCents, requires_shipping: true, inventory_management: 'shopify' }],
  };
}
