import { describe, expect, it } from 'vitest';
import { classifyTemplate, stripLocale } from '../../src/engine/discovery/classify-template.ts';
import { pickRepresentatives } from '../../src/engine/discovery/representatives.ts';

const S = 'https://shop.example.com';

describe('classifyTemplate', () => {
  it.each([
    ['/', 'home'],
    ['/fr', 'home'],
    ['/fr/', 'home'],
    ['/collections', 'collection'],
    ['/collections/all', 'collection'],
    ['/collections/all?page=3', 'collection'],
    ['/collections/shirts/linen', 'collection'],
    ['/products/linen-shirt', 'product'],
    ['/products/linen-shirt?variant=123', 'product'],
    ['/collections/shirts/products/linen-shirt', 'product'],
    ['/fr/products/chemise-lin', 'product'],
    ['/en-ca/collections/all', 'collection'],
    ['/pages/about', 'page'],
    ['/de/pages/ueber-uns', 'page'],
    ['/blogs/news', 'blog'],
    ['/blogs/news/tagged/summer', 'blog'],
    ['/blogs/news/how-we-source-linen', 'article'],
    ['/cart', 'cart'],
    ['/search', 'search'],
    ['/search?q=linen', 'search'],
    ['/products/linen-shirt.js', 'other'],
    ['/cart.js', 'other'],
    ['/policies/refund-policy', 'other'],
    ['/account/login', 'other'],
    ['/ab/unknown', 'other'],
  ])('%s → %s', (path, template) => {
    expect(classifyTemplate(S + path)).toBe(template);
  });

  it('treats a two-letter first segment as a locale only before a Shopify route', () => {
    expect(stripLocale('/fr/products/x')).toBe('/products/x');
    expect(stripLocale('/go/somewhere')).toBe('/go/somewhere');
  });
});

describe('pickRepresentatives', () => {
  const pages = [
    { url: `${S}/`, template: 'home' as const },
    { url: `${S}/collections/all?page=2`, template: 'collection' as const },
    { url: `${S}/collections/all`, template: 'collection' as const },
    { url: `${S}/collections/sale`, template: 'collection' as const },
    { url: `${S}/collections/summer`, template: 'collection' as const },
    { url: `${S}/products/a`, template: 'product' as const },
    { url: `${S}/products/b`, template: 'product' as const },
    { url: `${S}/products/c`, template: 'product' as const },
    { url: `${S}/policies/x`, template: 'other' as const },
  ];

  it('takes the default count per template, plain URLs before paginated ones, in discovery order', () => {
    expect(pickRepresentatives(pages).map((p) => p.url.slice(S.length))).toEqual(['/', '/collections/all', '/collections/sale', '/products/a', '/products/b']);
  });

  it('honours configured counts', () => {
    expect(pickRepresentatives(pages, { product: 3, collection: 0, home: 0 }).map((p) => p.url.slice(S.length))).toEqual(['/products/a', '/products/b', '/products/c']);
  });
});
