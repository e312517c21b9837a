import type { Collection } from '../collections.ts';
import { COLLECTIONS, collectionPage, collectionSize, pageCount } from '../collections.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { isDefective } from '../context.ts';
import { esc } from '../http.ts';
import { themeOf } from '../themes/index.ts';
import { layout } from './layout.ts';
import { productGrid } from './media.ts';
import { paginationLinks } from './pagination.ts';

export function collectionPageHtml(ctx: StoreContext, req: PageRequest, c: Collection, page: number): string {
  const last = pageCount(c, ctx.catalog);
  // D15: the "everything" collection in the defective variant never runs out of next pages.
  const trap = isDefective(ctx) && c.handle === 'everything';
  const { head, nav } = paginationLinks(`/collections/${c.handle}`, page, trap ? undefined : last);
  const products = collectionPage(c, ctx.catalog, page);
  const body = `<div class="collection-hero color-scheme-1 gradient"><div class="collection-hero__inner page-width">
<div class="collection-hero__text-wrapper"><h1 class="collection-hero__title"><span class="visually-hidden">Collection: </span>${esc(c.title)}</h1>
<div class="collection-hero__description rte">${esc(c.description)}</div></div></div></div>
<div class="section page-width"><div class="facets-container"><p class="product-count__text" id="ProductCount">${collectionSize(c, ctx.catalog)} products</p></div>
<div class="product-grid-container" id="ProductGridContainer">${productGrid(products, true, themeOf(ctx).productCardExtra)}${nav}</div></div>`;
  return layout(ctx, req, { title: page > 1 ? `${c.title} – Page ${page}` : c.title, template: 'collection', body, headExtra: head });
}

export function collectionsListHtml(ctx: StoreContext, req: PageRequest): string {
  const items = COLLECTIONS.map((c) => `<li class="collection-list__item grid__item"><a href="/collections/${c.handle}" class="full-unstyled-link">${esc(c.title)}</a></li>`).join('');
  const body = `<div class="page-width section"><h1 class="main-page-title title">Collections</h1><ul class="collection-list grid" role="list">${items}</ul></div>`;
  return layout(ctx, req, { title: 'Collections', template: 'list-collections', body });
}
