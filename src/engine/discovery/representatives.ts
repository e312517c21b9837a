// The few pages per template the expensive audits (Lighthouse, checkout) run on. Plain pages are preferred to
// paginated or filtered variants: ?page=2 of a collection says nothing ?page=1 does not.
import type { Template } from '../../report/schema.ts';

export type PerTemplate = Partial<Record<Template, number>>;

export const DEFAULT_PER_TEMPLATE: Record<Template, number> = {
  home: 1,
  product: 2,
  collection: 2,
  page: 1,
  blog: 1,
  article: 1,
  cart: 1,
  search: 0,
  other: 0,
};

export interface DiscoveredPage {
  url: string;
  template: Template;
}

export function pickRepresentatives(pages: DiscoveredPage[], perTemplate: PerTemplate = {}): DiscoveredPage[] {
  const wanted = { ...DEFAULT_PER_TEMPLATE, ...perTemplate };
  const plainFirst = [...pages].sort((a, b) => Number(a.url.includes('?')) - Number(b.url.includes('?')));
  const counts = new Map<Template, number>();
  const picked = new Set<DiscoveredPage>();
  for (const page of plainFirst) {
    const count = counts.get(page.template) ?? 0;
    if (count >= (wanted[page.template] ?? 0)) continue;
    counts.set(page.template, count + 1);
    picked.add(page);
  }
  // Keep discovery order (home first) rather than the plain-first sort order.
  return pages.filter((page) => picked.has(page));
}
