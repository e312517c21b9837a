import { productAt } from '../catalog.ts';
import type { StoreContext } from '../context.ts';
import { isDefective } from '../context.ts';
import { COLLECTIONS } from '../collections.ts';
import { DEFECT_PATHS } from '../defects.ts';
import { esc } from '../http.ts';
import { productImageFile } from '../images.ts';
import { ARTICLES } from './blog.ts';
import { imageUrl } from './media.ts';
import { PAGES } from './page.ts';

/** Shopify's sitemap layout: an index, then per-type children; products split in files of 5,000. */
export const PRODUCTS_PER_SITEMAP = 5000;
const LASTMOD = '2026-11-01T09:00:00-05:00';

export function productSitemapCount(ctx: StoreContext): number {
  return Math.max(1, Math.ceil(ctx.catalog.productCount / PRODUCTS_PER_SITEMAP));
}

export function sitemapIndex(ctx: StoreContext, base: string): string {
  const children = [
    ...Array.from({ length: productSitemapCount(ctx) }, (_, i) => `/sitemap_products_${i + 1}.xml`),
    '/sitemap_pages_1.xml', '/sitemap_collections_1.xml', '/sitemap_blogs_1.xml',
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${children.map((c) => `<sitemap><loc>${base}${c}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
}

function urlset(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${entries.join('\n')}
</urlset>
`;
}

const entry = (loc: string, extra = ''): string => `<url><loc>${esc(loc)}</loc><lastmod>${LASTMOD}</lastmod><changefreq>daily</changefreq>${extra}</url>`;

/** Child sitemap by kind and number, or undefined when it does not exist. */
export function childSitemap(ctx: StoreContext, base: string, kind: string, n: number): string | undefined {
  if (kind === 'products') {
    if (n < 1 || n > productSitemapCount(ctx)) return undefined;
    const entries: string[] = n === 1 ? [entry(`${base}/`)] : [];
    const end = Math.min(ctx.catalog.productCount, n * PRODUCTS_PER_SITEMAP);
    for (let i = (n - 1) * PRODUCTS_PER_SITEMAP; i < end; i++) {
      const p = productAt(i);
      entries.push(entry(`${base}/products/${p.handle}`, `<image:image><image:loc>${esc(base + imageUrl(productImageFile(i)))}</image:loc><image:title>${esc(p.title)}</image:title></image:image>`));
    }
    // D12: a product that was deleted but is still listed.
    if (n === 1 && isDefective(ctx)) entries.push(entry(`${base}${DEFECT_PATHS.sitemapBrokenEntry}`));
    return urlset(entries);
  }
  if (n !== 1) return undefined;
  if (kind === 'pages') return urlset(Object.keys(PAGES).map((h) => entry(`${base}/pages/${h}`)));
  if (kind === 'collections') return urlset(COLLECTIONS.map((c) => entry(`${base}/collections/${c.handle}`)));
  if (kind === 'blogs') return urlset([entry(`${base}/blogs/news`), ...ARTICLES.map((a) => entry(`${base}/blogs/news/${a.handle}`))]);
  return undefined;
}

export function robotsTxt(base: string): string {
  return `# we use Shopify as our ecommerce platform

# Checkouts are for humans
User-agent: *
Disallow: /a/downloads/-/*
Disallow: /admin
Disallow: /cart
Disallow: /orders
Disallow: /checkouts/
Disallow: /checkout
Disallow: /carts
Disallow: /account
Disallow: /collections/*sort_by*
Disallow: /*/collections/*sort_by*
Disallow: /collections/*+*
Disallow: /collections/*%2B*
Disallow: /collections/*%2b*
Disallow: /blogs/*+*
Disallow: /blogs/*%2B*
Disallow: /blogs/*%2b*
Disallow: /*?*oseid=*
Disallow: /*preview_theme_id*
Disallow: /*preview_script_id*
Disallow: /policies/
Disallow: /*/policies/
Disallow: /*?*ls=*&ls=*
Disallow: /search
Allow: /search/
Disallow: /search/?*
Disallow: /apple-app-site-association
Disallow: /.well-known/shopify/monorail
Disallow: /cdn/wpm/*.js
Disallow: /recommendations/products
Disallow: /*/recommendations/products
Sitemap: ${base}/sitemap.xml

# Google adsbot ignores robots.txt unless specifically named!
User-agent: adsbot-google
Disallow: /checkouts/
Disallow: /checkout
Disallow: /carts
Disallow: /orders
Disallow: /*?*oseid=*
Disallow: /*preview_theme_id*
Disallow: /*preview_script_id*

User-agent: Nutch
Disallow: /

User-agent: AhrefsBot
Crawl-delay: 10
Disallow: /a/downloads/-/*
Disallow: /admin
Disallow: /cart
Disallow: /orders
Disallow: /checkouts/
Disallow: /checkout
Sitemap: ${base}/sitemap.xml

User-agent: MJ12bot
Crawl-Delay: 10

User-agent: Pinterest
Crawl-delay: 1
`;
}
