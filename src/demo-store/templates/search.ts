import type { PageRequest, StoreContext } from '../context.ts';
import { esc } from '../http.ts';
import { themeOf } from '../themes/index.ts';
import { layout } from './layout.ts';
import { productGrid } from './media.ts';

export function searchPage(ctx: StoreContext, req: PageRequest, query: string): string {
  const { total, products } = ctx.catalog.search(query, 24);
  const summary = query
    ? `<p role="status">${total} result${total === 1 ? '' : 's'} found for &ldquo;${esc(query)}&rdquo;</p>`
    : '';
  const body = `<div class="template-search__header page-width section"><h1 class="h2 center">${query ? 'Search results' : 'Search our site'}</h1>
<div class="template-search__search"><form action="/search" method="get" role="search" class="search"><div class="field">
<input class="search__input field__input" id="Search-In-Template" type="search" name="q" value="${esc(query)}" placeholder="Search" autocomplete="off">
<label class="field__label" for="Search-In-Template">Search</label><input name="options[prefix]" type="hidden" value="last">
<button type="submit" class="search__button field__button" aria-label="Search">Search</button></div></form></div>${summary}</div>
<div class="page-width">${query ? productGrid(products, true, themeOf(ctx).productCardExtra) : ''}</div>`;
  return layout(ctx, req, { title: query ? `Search: ${total} results found for "${query}"` : 'Search', template: 'search', body });
}
