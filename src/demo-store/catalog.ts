import { SOLD_OUT_HANDLE } from './defects.ts';

/**
 * A deterministic catalogue generated on the fly from the product index, so a 10,000-product store costs
 * only a handle→index map, never pre-rendered pages.
 */
export interface Product {
  index: number;
  id: number;
  variantId: number;
  handle: string;
  title: string;
  vendor: string;
  type: string;
  priceCents: number;
  compareAtCents: number | null;
  available: boolean;
  colour: number;
  description: string;
}

const ADJECTIVES = ['Classic', 'Everyday', 'Coastal', 'Alpine', 'Urban', 'Vintage', 'Heritage', 'Modern', 'Rustic', 'Summit', 'Harbor', 'Meadow', 'Canyon', 'Prairie', 'Northern', 'Golden', 'Midnight', 'Sunset', 'Cedar', 'Drift'];
const MATERIALS = ['Linen', 'Cotton', 'Wool', 'Canvas', 'Leather', 'Denim', 'Cashmere', 'Ceramic', 'Oak', 'Copper', 'Merino', 'Suede', 'Hemp', 'Bamboo', 'Silk', 'Corduroy', 'Flannel', 'Jersey', 'Twill', 'Fleece'];
const NOUNS = ['Shirt', 'Tote', 'Beanie', 'Mug', 'Scarf', 'Jacket', 'Backpack', 'Candle', 'Notebook', 'Wallet', 'Hoodie', 'Blanket', 'Cap', 'Apron', 'Sweater', 'Bottle', 'Socks', 'Planter', 'Journal', 'Throw'];
const TYPES: Record<string, string> = { Shirt: 'Tops', Hoodie: 'Tops', Sweater: 'Tops', Jacket: 'Outerwear', Tote: 'Bags', Backpack: 'Bags', Wallet: 'Accessories', Beanie: 'Accessories', Cap: 'Accessories', Scarf: 'Accessories', Socks: 'Accessories' };
const VENDORS = ['Northwind Supply Co.', 'Fieldhouse', 'Kettle & Pine', 'Lumen Goods'];
const COMBINATIONS = ADJECTIVES.length * MATERIALS.length * NOUNS.length;
export const SOLD_OUT_INDEX = 3;

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function titleFor(index: number): string {
  if (index === SOLD_OUT_INDEX) return 'Sold Out Tee';
  // Stride through the combinations so neighbouring products don't share their first word.
  const k = (index * 7919) % COMBINATIONS;
  const noun = NOUNS[k % NOUNS.length]!;
  const material = MATERIALS[Math.floor(k / NOUNS.length) % MATERIALS.length]!;
  const adjective = ADJECTIVES[Math.floor(k / (NOUNS.length * MATERIALS.length))]!;
  const round = Math.floor(index / COMBINATIONS);
  return `${adjective} ${material} ${noun}${round > 0 ? ` No. ${round + 1}` : ''}`;
}

export function productAt(index: number): Product {
  const title = titleFor(index);
  const handle = index === SOLD_OUT_INDEX ? SOLD_OUT_HANDLE : slug(title);
  const noun = title.split(' ')[2] ?? 'Shirt';
  const priceCents = (1500 + ((index * 1297) % 110) * 100) - 5;
  return {
    index,
    id: 8_000_000_000_000 + index,
    variantId: 45_000_000_000_000 + index,
    handle,
    title,
    vendor: VENDORS[index % VENDORS.length]!,
    type: TYPES[noun] ?? 'Home',
    priceCents,
    compareAtCents: index % 3 === 0 ? priceCents + 1000 : null,
    available: index !== SOLD_OUT_INDEX,
    colour: index % 12,
    description: `The ${title} is made to last: responsibly sourced ${title.split(' ')[1]?.toLowerCase() ?? 'cotton'}, finished by hand, and backed by our lifetime repair promise.`,
  };
}

export class Catalog {
  readonly productCount: number;
  #byHandle: Map<string, number> | undefined;

  constructor(productCount: number) {
    this.productCount = productCount;
  }

  product(index: number): Product | undefined {
    return Number.isInteger(index) && index >= 0 && index < this.productCount ? productAt(index) : undefined;
  }

  byHandle(handle: string): Product | undefined {
    if (!this.#byHandle) {
      this.#byHandle = new Map();
      for (let i = 0; i < this.productCount; i++) this.#byHandle.set(productAt(i).handle, i);
    }
    const index = this.#byHandle.get(handle);
    return index === undefined ? undefined : productAt(index);
  }

  byVariantId(variantId: number): Product | undefined {
    return this.product(variantId - 45_000_000_000_000);
  }

  search(query: string, limit: number): { total: number; products: Product[] } {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const products: Product[] = [];
    let total = 0;
    if (words.length === 0) return { total, products };
    for (let i = 0; i < this.productCount; i++) {
      const p = productAt(i);
      const hay = `${p.title} ${p.type} ${p.vendor}`.toLowerCase();
      if (words.every((w) => hay.includes(w))) {
        total++;
        if (products.length < limit) products.push(p);
      }
    }
    return { total, products };
  }
}

export function formatMoney(cents: number): string {
  return `$${(cents / 100).toFixed(2)} USD`;
}
