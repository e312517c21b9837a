import type { Catalog, Product } from './catalog.ts';

/** Collections are arithmetic slices of the catalogue (start + step·k) so any page is computed in O(1). */
export interface Collection {
  handle: string;
  title: string;
  description: string;
  start: number;
  step: number;
}

export const PRODUCTS_PER_PAGE = 12;

export const COLLECTIONS: readonly Collection[] = [
  { handle: 'all', title: 'All products', description: 'Everything we make.', start: 0, step: 1 },
  { handle: 'new-arrivals', title: 'New arrivals', description: 'Fresh from the workshop.', start: 2, step: 5 },
  { handle: 'summer', title: 'Summer', description: 'Light layers for long days.', start: 1, step: 4 },
  { handle: 'sale', title: 'Sale', description: 'Last chance, best prices.', start: 0, step: 3 },
  { handle: 'accessories', title: 'Accessories', description: 'The finishing touches.', start: 5, step: 6 },
  { handle: 'everything', title: 'Everything', description: 'The whole catalogue, one page at a time.', start: 0, step: 1 },
];

export function collectionByHandle(handle: string): Collection | undefined {
  return COLLECTIONS.find((c) => c.handle === handle);
}

export function collectionSize(c: Collection, catalog: Catalog): number {
  return catalog.productCount > c.start ? Math.ceil((catalog.productCount - c.start) / c.step) : 0;
}

export function pageCount(c: Collection, catalog: Catalog): number {
  return Math.max(1, Math.ceil(collectionSize(c, catalog) / PRODUCTS_PER_PAGE));
}

export function collectionPage(c: Collection, catalog: Catalog, page: number): Product[] {
  const size = collectionSize(c, catalog);
  const out: Product[] = [];
  for (let k = (page - 1) * PRODUCTS_PER_PAGE; k < Math.min(size, page * PRODUCTS_PER_PAGE); k++) {
    const p = catalog.product(c.start + k * c.step);
    if (p) out.push(p);
  }
  return out;
}
