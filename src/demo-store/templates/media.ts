import type { Product } from '../catalog.ts';
import { formatMoney } from '../catalog.ts';
import { esc } from '../http.ts';
import { PRODUCT_IMAGE_SIZE, RESPONSIVE_WIDTHS, productImageFile } from '../images.ts';
import { ASSET_VERSION } from '../theme.ts';

/** Shopify `image_url` filter: /cdn/shop/files/<name>?v=…&width=N */
export function imageUrl(file: string, width?: number): string {
  return `/cdn/shop/files/${file}?v=${ASSET_VERSION}${width ? `&width=${width}` : ''}`;
}

export function srcset(file: string, maxWidth: number): string {
  return RESPONSIVE_WIDTHS.filter((w) => w <= maxWidth).map((w) => `${imageUrl(file, w)} ${w}w`).join(', ');
}

export interface ImgOptions {
  sized: boolean;
  lazy: boolean;
  sizes: string;
  className?: string;
}

export function productImg(p: Product, view: number, o: ImgOptions): string {
  const file = productImageFile(p.index, view);
  const dims = o.sized ? ` width="${PRODUCT_IMAGE_SIZE}" height="${PRODUCT_IMAGE_SIZE}"` : '';
  return `<img src="${imageUrl(file, 533)}" srcset="${srcset(file, PRODUCT_IMAGE_SIZE)}" sizes="${o.sizes}" alt="${esc(p.title)}"${dims}${o.lazy ? ' loading="lazy"' : ''} class="${o.className ?? 'motion-reduce'}">`;
}

export function price(p: Product, large = false): string {
  const sale = p.compareAtCents !== null;
  return `<div class="price${large ? ' price--large' : ''}${sale ? ' price--on-sale' : ''}${p.available ? '' : ' price--sold-out'}"><div class="price__container">
<span class="visually-hidden">${sale ? 'Sale price' : 'Regular price'}</span>
<span class="price-item price-item--${sale ? 'sale price-item--last' : 'regular'}">${formatMoney(p.priceCents)}</span>${sale ? `
<s class="price-item price-item--regular">${formatMoney(p.compareAtCents!)}</s>` : ''}
</div></div>`;
}

const CARD_SIZES = '(min-width: 1200px) 267px, (min-width: 990px) calc((100vw - 130px) / 4), (min-width: 750px) calc((100vw - 120px) / 3), calc((100vw - 35px) / 2)';

// Like Dawn's `lazy_load: false` for the first row: the fixed variant loads the cards above the fold eagerly,
// since one of them is the collection page's LCP element.
const EAGER_CARDS = 4;

/** Dawn's card-product snippet; `extra` is what the theme adds under the card's information (a quick add). */
export function productCard(p: Product, sized: boolean, lazy = true, extra = ''): string {
  const badge = !p.available
    ? '<div class="card__badge bottom left"><span class="badge badge--bottom-left color-scheme-3">Sold out</span></div>'
    : p.compareAtCents !== null ? '<div class="card__badge bottom left"><span class="badge badge--bottom-left color-scheme-4">Sale</span></div>' : '';
  return `<li class="grid__item">
<div class="card-wrapper product-card-wrapper underline-links-hover">
<div class="card card--standard card--media" style="--ratio-percent: 100.0%;">
<div class="card__inner color-scheme-2 gradient ratio" style="--ratio-percent: 100.0%;">
<div class="card__media"><div class="media media--transparent media--hover-effect">${productImg(p, 0, { sized, lazy, sizes: CARD_SIZES })}</div></div>
</div>
<div class="card__content"><div class="card__information">
<h3 class="card__heading h5" id="title-${p.id}"><a href="/products/${p.handle}" id="CardLink-${p.id}" class="full-unstyled-link" aria-labelledby="CardLink-${p.id} Badge-${p.id}">${esc(p.title)}</a></h3>
<div class="card-information"><span class="caption-large light">${esc(p.vendor)}</span>${price(p)}</div>
</div>${extra}${badge}</div>
</div></div>
</li>`;
}

export function productGrid(products: Product[], sized: boolean, extra?: (p: Product) => string): string {
  if (products.length === 0) return '<div class="collection--empty page-width"><h2 class="title title--primary">No products found</h2><p>Use fewer filters or <a href="/collections/all">remove all</a></p></div>';
  return `<ul id="product-grid" class="grid product-grid grid--2-col-tablet-down grid--4-col-desktop" role="list">${products.map((p, i) => productCard(p, sized, !(sized && i < EAGER_CARDS), extra?.(p))).join('\n')}</ul>`;
}
