/** Dawn's pagination snippet plus the rel=prev/next head links. `last` undefined means "always a next page" (D15). */
export function paginationLinks(path: string, page: number, last: number | undefined): { head: string; nav: string } {
  const href = (n: number): string => `${path}?page=${n}`;
  const hasNext = last === undefined || page < last;
  const head = [page > 1 ? `<link rel="prev" href="${href(page - 1)}">` : '', hasNext ? `<link rel="next" href="${href(page + 1)}">` : ''].join('\n');
  if (page === 1 && !hasNext) return { head, nav: '' };
  const numbers = new Set<number>([1, page - 1, page, page + 1]);
  if (last !== undefined) numbers.add(last);
  const items: string[] = [];
  if (page > 1) items.push(`<li><a href="${href(page - 1)}" rel="prev" class="pagination__item pagination__item--prev pagination__item-arrow link motion-reduce" aria-label="Previous page">&larr;</a></li>`);
  let prev = 0;
  for (const n of [...numbers].filter((n) => n >= 1 && (last === undefined || n <= last)).sort((a, b) => a - b)) {
    if (n > prev + 1) items.push('<li><span class="pagination__item">&hellip;</span></li>');
    items.push(n === page
      ? `<li><span class="pagination__item pagination__item--current" aria-current="page" aria-label="Page ${n}">${n}</span></li>`
      : `<li><a href="${href(n)}" class="pagination__item link" aria-label="Page ${n}">${n}</a></li>`);
    prev = n;
  }
  if (hasNext) items.push(`<li><a href="${href(page + 1)}" rel="next" class="pagination__item pagination__item--next pagination__item-arrow link motion-reduce" aria-label="Next page">&rarr;</a></li>`);
  return { head, nav: `<div class="pagination-wrapper"><nav class="pagination" role="navigation" aria-label="Pagination"><ul class="pagination__list list-unstyled" role="list">${items.join('')}</ul></nav></div>` };
}
