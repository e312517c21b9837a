import { collectionPage, COLLECTIONS } from '../collections.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { isDefective } from '../context.ts';
import { DEFECT_PATHS } from '../defects.ts';
import { FIXED_HERO_SIZE } from '../images.ts';
import { ARTICLES } from './blog.ts';
import { themeOf } from '../themes/index.ts';
import { layout } from './layout.ts';
import { imageUrl, productGrid } from './media.ts';

function hero(ctx: StoreContext): string {
  // D1: a 3000×1800 noise PNG, no srcset, lazy-loaded although it is the LCP element.
  const img = isDefective(ctx)
    ? `<img src="${DEFECT_PATHS.heroImage}" alt="New season collection" loading="lazy" class="banner__image">`
    : `<img src="${imageUrl('hero-banner.png', 1500)}" srcset="${[375, 750, 1100, 1500].map((w) => `${imageUrl('hero-banner.png', w)} ${w}w`).join(', ')}" sizes="100vw" width="${FIXED_HERO_SIZE.width}" height="${FIXED_HERO_SIZE.height}" alt="New season collection" fetchpriority="high" loading="eager" class="banner__image">`;
  return `<section class="shopify-section section-image-banner"><div class="banner banner--large banner--content-align-center">
<div class="banner__media media">${img}</div>
<div class="banner__content banner__content--bottom-center page-width"><div class="banner__box content-container">
<h2 class="banner__heading inline-richtext h0">The new season is here</h2>
<div class="banner__text rte"><p>Made to last, made to share.</p></div>
<div class="banner__buttons"><a href="/collections/all" class="button button--primary">Shop all</a></div>
</div></div></div></section>`;
}

function collectionList(ctx: StoreContext): string {
  const banner = isDefective(ctx)
    ? `<img src="${imageUrl('collection-banner.png', 800)}" srcset="${imageUrl('collection-banner.png', 800)} 800w, ${DEFECT_PATHS.brokenSrcsetCandidate} 1600w" sizes="(min-width: 750px) 50vw, 100vw" alt="Collections" width="1600" height="533" loading="lazy">`
    : `<img src="${imageUrl('collection-banner.png', 800)}" srcset="${imageUrl('collection-banner.png', 800)} 800w, ${imageUrl('collection-banner.png', 1600)} 1600w" sizes="(min-width: 750px) 50vw, 100vw" alt="Collections" width="1600" height="533" loading="lazy">`;
  const items = COLLECTIONS.filter((c) => c.handle !== 'all' && c.handle !== 'everything')
    .map((c) => `<li class="collection-list__item grid__item"><a href="/collections/${c.handle}" class="full-unstyled-link card__heading">${c.title}</a></li>`).join('');
  return `<section class="shopify-section section collection-list-section page-width">
<h2 class="collection-list-title title">Shop by collection</h2>
<div class="collection-list__banner media">${banner}</div>
<ul class="collection-list grid" role="list">${items}</ul></section>`;
}

function lookbook(ctx: StoreContext): string {
  const img = isDefective(ctx)
    ? `<img src="${DEFECT_PATHS.brokenImage}" alt="Lookbook" width="1200" height="400" loading="lazy">`
    : `<img src="${imageUrl('lookbook.png', 1200)}" alt="Lookbook" width="1200" height="400" loading="lazy">`;
  const featured = isDefective(ctx)
    ? `<p><a href="${DEFECT_PATHS.brokenProductLink}" class="link">Back by demand: the Discontinued Widget</a></p>`
    : '';
  return `<section class="shopify-section section image-with-text page-width"><div class="image-with-text__media media">${img}</div>
<div class="image-with-text__content"><h2 class="image-with-text__heading">The lookbook</h2><p>Everyday pieces, styled three ways.</p>${featured}
<a href="/pages/about" class="button button--secondary">Our story</a></div></section>`;
}

function articles(): string {
  const cards = ARTICLES.slice(0, 3).map((a) => `<li class="blog__post grid__item"><article class="article-card"><h3 class="card__heading"><a href="/blogs/news/${a.handle}" class="full-unstyled-link">${a.title}</a></h3><p class="article-card__excerpt">${a.excerpt}</p></article></li>`).join('');
  return `<section class="shopify-section section featured-blog page-width"><h2 class="blog__title title">From the journal</h2><ul class="blog__posts grid" role="list">${cards}</ul>
<a href="/blogs/news" class="button">View all</a></section>`;
}

export function homePage(ctx: StoreContext, req: PageRequest): string {
  const all = COLLECTIONS[0]!;
  const featured = collectionPage(all, ctx.catalog, 1).slice(0, 8);
  const body = `${hero(ctx)}
<section class="shopify-section section featured-collection page-width"><h2 class="title inline-richtext">Featured products</h2>
${productGrid(featured, true, themeOf(ctx).productCardExtra)}
<div class="center collection__view-all"><a href="/collections/all" class="button">View all</a></div></section>
${collectionList(ctx)}
${lookbook(ctx)}
${articles()}
<section class="shopify-section section multicolumn page-width"><ul class="multicolumn-list grid" role="list">
<li class="multicolumn-list__item"><h3>Free shipping</h3><p>On orders over $75. <a href="/pages/shipping-info">Details</a></p></li>
<li class="multicolumn-list__item"><h3>Questions?</h3><p><a href="/pages/contact">Get in touch</a></p></li>
</ul></section>`;
  return layout(ctx, req, { title: 'Home', template: 'index', body });
}
