import { gradientPng, noisePng } from './png.ts';
import type { DemoVariant } from './options.ts';

/** Images under /cdn/shop/files/, generated once per (kind, width) and kept in memory. */
export const HERO_SIZE = { width: 3000, height: 1800 } as const;
export const FIXED_HERO_SIZE = { width: 1500, height: 900 } as const;
export const PRODUCT_IMAGE_SIZE = 800;
export const RESPONSIVE_WIDTHS = [165, 360, 533, 720, 940, 1066, 1500] as const;

const COLOURS: [number, number, number][] = [
  [214, 198, 177], [176, 196, 222], [199, 219, 190], [230, 190, 190], [205, 195, 230], [240, 220, 160],
  [190, 220, 220], [220, 200, 220], [180, 180, 180], [245, 210, 180], [170, 200, 170], [210, 180, 160],
];

let heavyHero: Buffer | undefined;
const cache = new Map<string, Buffer>();
const CACHE_LIMIT = 400;

function cached(key: string, make: () => Buffer): Buffer {
  let b = cache.get(key);
  if (!b) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    b = make();
    cache.set(key, b);
  }
  return b;
}

function clampWidth(requested: number | undefined, natural: number): number {
  if (!requested || !Number.isFinite(requested) || requested <= 0) return natural;
  return Math.max(16, Math.min(natural, Math.round(requested)));
}

function shade(c: [number, number, number], f: number): [number, number, number] {
  return [Math.round(c[0] * f), Math.round(c[1] * f), Math.round(c[2] * f)];
}

/** The image bytes for a file name under /cdn/shop/files/, or undefined for a 404. */
export function shopFile(name: string, width: number | undefined, variant: DemoVariant): Buffer | undefined {
  if (name === 'hero-banner.png') {
    if (variant === 'defective') return (heavyHero ??= noisePng(HERO_SIZE.width, HERO_SIZE.height, 0x5eed));
    const w = clampWidth(width, FIXED_HERO_SIZE.width);
    const h = Math.round((w * FIXED_HERO_SIZE.height) / FIXED_HERO_SIZE.width);
    return cached(`hero:${w}`, () => gradientPng(w, h, [38, 52, 74], [214, 168, 120], [245, 236, 220]));
  }
  const banner = /^(collection-banner|lookbook)\.png$/.exec(name);
  if (banner) {
    const w = clampWidth(width, 1600);
    return cached(`${banner[1]}:${w}`, () => gradientPng(w, Math.round(w / 3), [90, 110, 90], [200, 210, 190], [250, 250, 245]));
  }
  const product = /^product-(\d+)(?:-(\d))?\.png$/.exec(name);
  if (product) {
    const colour = COLOURS[Number(product[1]) % COLOURS.length]!;
    const view = Number(product[2] ?? 0);
    const w = clampWidth(width, PRODUCT_IMAGE_SIZE);
    return cached(`p:${Number(product[1]) % COLOURS.length}:${view}:${w}`, () =>
      gradientPng(w, w, colour, shade(colour, 0.8 - view * 0.1), shade(colour, 0.45)));
  }
  const article = /^article-(\d+)\.png$/.exec(name);
  if (article) {
    const w = clampWidth(width, 1200);
    const colour = COLOURS[Number(article[1]) % COLOURS.length]!;
    return cached(`a:${article[1]}:${w}`, () => gradientPng(w, Math.round(w / 2), shade(colour, 0.6), colour, [255, 255, 255]));
  }
  return undefined;
}

/** Product image file names by product index: colour picks the look, index keeps URLs distinct. */
export function productImageFile(index: number, view = 0): string {
  return view === 0 ? `product-${index}.png` : `product-${index}-${view}.png`;
}
