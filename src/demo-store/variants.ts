import type { Catalog, Product } from './catalog.ts';

/**
 * Size variants, which the zoo themes show in their variant pickers. Every product has S, M and L; S is
 * always sold out, so a theme that preselects the first variant (as a careless theme does) starts on a
 * sold-out one, while Dawn preselects the first available (`selected_or_first_available_variant`).
 * The classic theme keeps its single default variant (`product.variantId`); both kinds of id add to the cart.
 */
export interface Variant {
  id: number;
  title: string;
  available: boolean;
}

export const SIZES = ['S', 'M', 'L'] as const;
const SIZE_BASE = 46_000_000_000_000;

export function sizeVariants(p: Product): Variant[] {
  return SIZES.map((title, k) => ({ id: SIZE_BASE + p.index * 10 + k, title, available: p.available && k > 0 }));
}

export function firstAvailable(p: Product): Variant | undefined {
  return sizeVariants(p).find((v) => v.available);
}

/** The product and variant a cart id names: a size variant, or the product's default variant. */
export function variantById(catalog: Catalog, id: number): { product: Product; variant: Variant } | undefined {
  if (id >= SIZE_BASE) {
    const product = catalog.product(Math.floor((id - SIZE_BASE) / 10));
    const variant = product ? sizeVariants(product).find((v) => v.id === id) : undefined;
    return product && variant ? { product, variant } : undefined;
  }
  const product = catalog.byVariantId(id);
  return product ? { product, variant: { id: product.variantId, title: 'Default Title', available: product.available } } : undefined;
}
