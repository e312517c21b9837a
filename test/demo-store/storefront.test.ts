import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPS, appAssetPath } from '../../src/demo-store/apps.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { SOLD_OUT_HANDLE } from '../../src/demo-store/defects.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { DemoStore } from '../../src/demo-store/server.ts';
import { THEME_ID } from '../../src/demo-store/theme.ts';
import { all, endsWith, get, hasClass, includes, one, textOf } from './dom.ts';

let store: DemoStore;
beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective' });
});
afterAll(async () => {
  await store.close();
});

describe('templates', () => {
  it('home has header, nav, footer, hero and product cards linking to products', async () => {
    const page = await get(store.url + '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(all(page.doc, 'body', { class: hasClass('template-index') })).toHaveLength(1);
    expect(all(page.doc, 'header', { class: hasClass('header') })).toHaveLength(1);
    expect(all(page.doc, 'footer', { class: hasClass('footer') })).toHaveLength(1);
    const cards = all(page.doc, 'a', { id: (v) => (v ?? '').startsWith('CardLink-') });
    expect(cards).toHaveLength(8);
    expect(cards[0]!.attribs.href).toBe(`/products/${productAt(0).handle}`);
    const cardImg = one(page.doc, 'img', { srcset: includes('&width=165 165w') });
    expect(cardImg.attribs.width).toBe('800');
    for (const href of ['/collections/all', '/pages/about', '/blogs/news', '/blogs/news/how-we-source-our-linen']) {
      expect(all(page.doc, 'a', { href }).length, href).toBeGreaterThan(0);
    }
  });

  it('collection pages paginate 12 products with rel=next/prev', async () => {
    const first = await get(store.url + '/collections/all');
    expect(all(first.doc, 'li', { class: hasClass('grid__item') }).filter((li) => all(li, 'h3', { class: hasClass('card__heading') }).length > 0)).toHaveLength(12);
    expect(one(first.doc, 'link', { rel: 'next' }).attribs.href).toBe('/collections/all?page=2');
    expect(all(first.doc, 'link', { rel: 'prev' })).toHaveLength(0);
    const last = await get(store.url + '/collections/all?page=4');
    expect(one(last.doc, 'link', { rel: 'prev' }).attribs.href).toBe('/collections/all?page=3');
    expect(all(last.doc, 'link', { rel: 'next' })).toHaveLength(0);
    expect(textOf(one(last.doc, 'span', { class: hasClass('pagination__item--current') }))).toBe('4');
    expect((await get(store.url + '/collections/no-such-collection')).status).toBe(404);
  });

  it('product pages carry the add-to-cart form with a numeric variant id, and a JSON twin', async () => {
    const p = productAt(7);
    const page = await get(`${store.url}/products/${p.handle}`);
    expect(page.status).toBe(200);
    const form = one(page.doc, 'form', { action: endsWith('/cart/add') });
    expect(one(form, 'input', { name: 'id' }).attribs.value).toBe(String(p.variantId));
    expect(one(form, 'input', { name: 'id' }).attribs.value).toMatch(/^\d+$/);
    expect(one(form, 'button', { name: 'add' }).attribs.disabled).toBeUndefined();
    const links = all(page.doc, 'a', { href: (v) => !!v }).length + all(page.doc, 'img').length;
    expect(links).toBeGreaterThanOrEqual(25);
    const js = (await (await fetch(`${store.url}/products/${p.handle}.js`)).json()) as { handle: string; variants: { id: number }[] };
    expect(js.handle).toBe(p.handle);
    expect(js.variants[0]!.id).toBe(p.variantId);
  });

  it('the sold-out product has a disabled add button', async () => {
    const page = await get(`${store.url}/products/${SOLD_OUT_HANDLE}`);
    const button = one(page.doc, 'button', { name: 'add' });
    expect(button.attribs.disabled).toBeDefined();
    expect(textOf(button)).toBe('Sold out');
  });

  it('pages, blog, articles and search render their templates', async () => {
    for (const [path, template] of [['/pages/about', 'page'], ['/pages/contact', 'page'], ['/blogs/news', 'blog'], ['/blogs/news/caring-for-wool', 'article'], ['/collections', 'list-collections'], ['/policies/refund-policy', 'policy']] as const) {
      const page = await get(store.url + path);
      expect(page.status, path).toBe(200);
      expect(all(page.doc, 'body', { class: hasClass(`template-${template}`) }), path).toHaveLength(1);
    }
    const blog = await get(store.url + '/blogs/news');
    expect(all(blog.doc, 'a', { href: (v) => (v ?? '').startsWith('/blogs/news/') }).length).toBeGreaterThanOrEqual(4);
    const search = await get(`${store.url}/search?q=${encodeURIComponent('<script>linen')}`);
    expect(search.body).not.toContain('<script>linen');
    const hits = await get(`${store.url}/search?q=${encodeURIComponent(productAt(0).title)}`);
    expect(all(hits.doc, 'a', { href: `/products/${productAt(0).handle}` }).length).toBeGreaterThan(0);
  });

  it('cart page has the checkout form hook once something is in the cart', async () => {
    const empty = await get(store.url + '/cart');
    expect(all(empty.doc, 'button', { name: 'checkout' })).toHaveLength(0);
    const cookie = `cart=${encodeURIComponent(`${'a'.repeat(32)}|${productAt(0).variantId}:2`)}`;
    const full = await get(store.url + '/cart', { headers: { cookie } });
    one(one(full.doc, 'form', { action: '/cart' }), 'button', { name: 'checkout' });
    expect(one(full.doc, 'input', { name: 'updates[]' }).attribs.value).toBe('2');
  });

  it('unknown URLs answer a 404 page in the theme', async () => {
    const page = await get(store.url + '/no/such/page');
    expect(page.status).toBe(404);
    expect(all(page.doc, 'body', { class: hasClass('template-404') })).toHaveLength(1);
  });
});

describe('Shopify-style serving', () => {
  it('sitemap index lists the four child sitemaps, each well-formed with absolute URLs', async () => {
    const index = await get(store.url + '/sitemap.xml');
    expect(index.headers.get('content-type')).toContain('application/xml');
    const locs = all(index.doc, 'loc').map(textOf);
    expect(locs.map((l) => new URL(l).pathname)).toEqual(['/sitemap_products_1.xml', '/sitemap_pages_1.xml', '/sitemap_collections_1.xml', '/sitemap_blogs_1.xml']);
    const products = await get(locs[0]!);
    const urls = all(products.doc, 'loc').map(textOf);
    expect(urls).toContain(`${store.url}/products/${productAt(47).handle}`);
    expect(urls.length).toBe(1 + 48 + 1); // home, products, and D12's retired product
    const pages = all((await get(locs[1]!)).doc, 'loc').map(textOf);
    expect(pages).toContain(`${store.url}/pages/about`);
    const gz = await fetch(store.url + '/sitemap_blogs_1.xml.gz');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toContain('/blogs/news/caring-for-wool');
    expect((await get(store.url + '/sitemap_products_2.xml')).status).toBe(404);
  });

  it("robots.txt is Shopify's: disallows cart and checkout, names the sitemap", async () => {
    const robots = await get(store.url + '/robots.txt');
    expect(robots.headers.get('content-type')).toContain('text/plain');
    for (const line of ['Disallow: /cart', 'Disallow: /checkout', 'Disallow: /checkouts/', 'Disallow: /orders', `Sitemap: ${store.url}/sitemap.xml`]) {
      expect(robots.body.split('\n')).toContain(line);
    }
    expect(robots.body).toContain('Checkouts are for humans');
  });

  it('theme assets are immutable-cached and gzipped; images honour ?width=', async () => {
    const css = await fetch(`${store.url}/cdn/shop/t/${THEME_ID}/assets/base.css`, { headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers.get('cache-control')).toContain('max-age=31536000');
    expect(css.headers.get('content-encoding')).toBe('gzip');
    const png = async (w: number): Promise<Buffer> => Buffer.from(await (await fetch(`${store.url}/cdn/shop/files/product-3.png?width=${w}`)).arrayBuffer());
    const small = await png(165);
    expect(small.subarray(1, 4).toString()).toBe('PNG');
    expect(small.readUInt32BE(16)).toBe(165); // IHDR width
    expect((await png(720)).readUInt32BE(16)).toBe(720);
  });

  it('app-embed scripts come from the app CDN origin under /extensions/<uuid>/<version>/assets/', async () => {
    const home = await get(store.url + '/');
    for (const app of DEMO_APPS) {
      const src = `${store.appCdnUrl}${appAssetPath(app)}`;
      expect(all(home.doc, 'script', { src }), app.name).toHaveLength(1);
      const res = await fetch(src);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('javascript');
    }
    expect(new URL(store.appCdnUrl).origin).not.toBe(new URL(store.url).origin);
    expect((await fetch(`${store.appCdnUrl}/extensions/nope/1/assets/x.js`)).status).toBe(404);
  });

  it('HTML is gzipped for clients that accept it, and keep-alive is on', async () => {
    const res = await fetch(store.url + '/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('connection') ?? 'keep-alive').toBe('keep-alive');
  });

  it('counts requests per path on each origin', async () => {
    const before = store.requests.get('/pages/about') ?? 0;
    await get(store.url + '/pages/about');
    expect(store.requests.get('/pages/about')).toBe(before + 1);
    await fetch(`${store.externalUrl}/northwind`);
    expect(store.requests.get('external:/northwind')).toBeGreaterThan(0);
  });
});

describe('fault pages', () => {
  it('server-error answers 500 and interstitial a 403 bot challenge', async () => {
    expect((await get(store.url + '/pages/server-error')).status).toBe(500);
    const challenge = await get(store.url + '/pages/interstitial');
    expect(challenge.status).toBe(403);
    expect(challenge.headers.get('cf-mitigated')).toBe('challenge');
    expect(textOf(one(challenge.doc, 'title'))).toBe('Just a moment...');
  });

  it('fault pages are linked from nowhere', async () => {
    for (const path of ['/', '/pages/about', '/pages/contact', '/collections/all']) {
      const body = (await get(store.url + path)).body;
      expect(body).not.toMatch(/\/pages\/(hang|server-error|interstitial)/);
    }
  });
});
