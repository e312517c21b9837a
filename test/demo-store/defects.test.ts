import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHATLY, PROMO_BAR, REVIEWS_PRO, appAssetPath } from '../../src/demo-store/apps.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { DemoStore } from '../../src/demo-store/server.ts';
import { shopperWithCart, ADDRESS } from './checkout-flow.ts';
import { all, get, hasClass, includes, one } from './dom.ts';
import type { El, Page } from './dom.ts';

// One store per variant: every defect must be present in 'defective' and absent in 'fixed'.
let defective: DemoStore;
let fixed: DemoStore;
beforeAll(async () => {
  [defective, fixed] = await Promise.all([
    startDemoStore({ variant: 'defective', slowCollectionMs: 1200 }),
    startDemoStore({ variant: 'fixed' }),
  ]);
});
afterAll(async () => {
  await Promise.all([defective.close(), fixed.close()]);
});

const headOf = (page: Page): El => one(page.doc, 'head');
const productPath = `/products/${productAt(4).handle}`;

async function status(url: string): Promise<number> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.arrayBuffer();
  return res.status;
}

/** Every href/src/srcset URL of a page, resolved against the page URL. */
function referencedUrls(page: Page, pageUrl: string): string[] {
  const urls: string[] = [];
  for (const [tag, attr] of [['a', 'href'], ['link', 'href'], ['img', 'src'], ['script', 'src']] as const) {
    for (const el of all(page.doc, tag, { [attr]: (v) => !!v })) urls.push(el.attribs[attr]!);
  }
  for (const img of all(page.doc, 'img', { srcset: (v) => !!v })) {
    for (const candidate of img.attribs.srcset!.split(/,\s+/)) urls.push(candidate.trim().split(/\s+/)[0]!);
  }
  return urls.map((u) => new URL(u, pageUrl).href).filter((u) => u.startsWith('http'));
}

describe('D1 heavy lazy hero', () => {
  it('defective: 3000×1800 PNG over 2 MB, lazy, no srcset, no dimensions', async () => {
    const img = one((await get(defective.url + '/')).doc, 'img', { class: hasClass('banner__image') });
    expect(img.attribs).toMatchObject({ src: DEFECT_PATHS.heroImage, loading: 'lazy' });
    expect(img.attribs.srcset).toBeUndefined();
    expect(img.attribs.width).toBeUndefined();
    const bytes = Buffer.from(await (await fetch(defective.url + DEFECT_PATHS.heroImage)).arrayBuffer());
    expect(bytes.length).toBeGreaterThan(2_000_000);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3000, 1800]);
  });
  it('fixed: sized, responsive, eager, fetchpriority=high and small', async () => {
    const img = one((await get(fixed.url + '/')).doc, 'img', { class: hasClass('banner__image') });
    expect(img.attribs).toMatchObject({ loading: 'eager', fetchpriority: 'high', width: '1500', height: '900' });
    expect(img.attribs.srcset).toContain('375w');
    const bytes = await (await fetch(fixed.url + img.attribs.src!)).arrayBuffer();
    expect(bytes.byteLength).toBeLessThan(100_000);
  });
});

describe('D2/D3/D4 render-blocking and app scripts', () => {
  it('defective: theme.js and reviews-pro.js block in <head>, two large stylesheets, Chatly has the long task', async () => {
    const head = headOf(await get(defective.url + '/collections/all'));
    const theme = one(head, 'script', { src: includes(DEFECT_PATHS.themeScript) });
    expect(theme.attribs.defer ?? theme.attribs.async).toBeUndefined();
    const reviews = one(head, 'script', { src: `${defective.appCdnUrl}${appAssetPath(REVIEWS_PRO)}` });
    expect(reviews.attribs.defer ?? reviews.attribs.async).toBeUndefined();
    const sheets = all(head, 'link', { rel: 'stylesheet' });
    expect(sheets.map((s) => new URL(s.attribs.href!, defective.url).pathname)).toEqual([...DEFECT_PATHS.themeStylesheets]);
    for (const s of sheets) expect((await (await fetch(new URL(s.attribs.href!, defective.url))).text()).length).toBeGreaterThan(50_000);
    const chatly = await (await fetch(defective.appCdnUrl + appAssetPath(CHATLY))).text();
    expect(chatly).toMatch(/while \(performance\.now\(\) - started < 350\)/);
  });
  it('fixed: inline CSS, every script deferred, no long task', async () => {
    const head = headOf(await get(fixed.url + '/collections/all'));
    expect(all(head, 'link', { rel: 'stylesheet' })).toHaveLength(0);
    for (const s of all(head, 'script', { src: (v) => !!v })) expect(s.attribs.defer, s.attribs.src).toBeDefined();
    const chatly = await (await fetch(fixed.appCdnUrl + appAssetPath(CHATLY))).text();
    expect(chatly).not.toContain('performance.now()');
  });
});

describe('D5 slow collection', () => {
  it(`defective: ${DEFECT_PATHS.slowCollection} waits ≥ 1200 ms; fixed answers at once`, async () => {
    let t = performance.now();
    expect(await status(defective.url + DEFECT_PATHS.slowCollection)).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(1190);
    t = performance.now();
    expect(await status(fixed.url + DEFECT_PATHS.slowCollection)).toBe(200);
    expect(performance.now() - t).toBeLessThan(800);
  });
});

describe('D6 layout shift on product pages', () => {
  it('defective: unsized media and a Promo Bar that inserts above the page after load', async () => {
    const page = await get(defective.url + productPath);
    const media = all(page.doc, 'img', { class: hasClass('image-magnify-none') });
    expect(media.length).toBeGreaterThan(0);
    for (const img of media) expect(img.attribs.width).toBeUndefined();
    expect(all(page.doc, 'div', { class: hasClass('promo-bar-slot') })).toHaveLength(0);
    const promo = await (await fetch(defective.appCdnUrl + appAssetPath(PROMO_BAR))).text();
    expect(promo).toContain('insertBefore(bar, document.body.firstChild)');
    expect(promo).toContain('setTimeout(inject, 800)');
  });
  it('fixed: sized media and a reserved promo slot', async () => {
    const page = await get(fixed.url + productPath);
    for (const img of all(page.doc, 'img')) expect([img.attribs.width, img.attribs.height], img.attribs.src).not.toContain(undefined);
    expect(all(page.doc, 'div', { class: hasClass('promo-bar-slot') })).toHaveLength(1);
  });
});

describe('D7–D12 broken links, images, srcset, stylesheet, external link, sitemap entry', () => {
  it('defective: each planted reference is on its page and answers 404', async () => {
    const home = await get(defective.url + '/');
    const homeUrls = referencedUrls(home, defective.url + '/');
    for (const path of [DEFECT_PATHS.brokenProductLink, DEFECT_PATHS.brokenImage, DEFECT_PATHS.brokenSrcsetCandidate]) {
      expect(homeUrls, path).toContain(defective.url + path);
      expect(await status(defective.url + path), path).toBe(404);
    }
    const about = referencedUrls(await get(defective.url + DEFECT_PATHS.brokenStylesheetFoundOn), defective.url);
    const sheet = about.find((u) => u.includes(DEFECT_PATHS.brokenStylesheet))!;
    expect(await status(sheet)).toBe(404);
    const contact = referencedUrls(await get(defective.url + DEFECT_PATHS.externalBrokenLinkFoundOn), defective.url);
    expect(contact).toContain(defective.externalUrl + DEFECT_PATHS.externalBrokenLink);
    expect(await status(defective.externalUrl + DEFECT_PATHS.externalBrokenLink)).toBe(404);
    const sitemap = await (await fetch(defective.url + DEFECT_PATHS.sitemapWithBrokenEntry)).text();
    expect(sitemap).toContain(`<loc>${defective.url}${DEFECT_PATHS.sitemapBrokenEntry}</loc>`);
    expect(await status(defective.url + DEFECT_PATHS.sitemapBrokenEntry)).toBe(404);
  });

  it('fixed: nothing referenced from the main templates is broken or redirected, sitemap included', async () => {
    const pages = ['/', '/pages/about', '/pages/contact', '/pages/shipping-info', productPath, '/collections/all', '/blogs/news', '/blogs/news/caring-for-wool', '/cart'];
    const urls = new Set<string>();
    for (const path of pages) for (const u of referencedUrls(await get(fixed.url + path), fixed.url + path)) urls.add(u);
    const sitemap = await (await fetch(fixed.url + '/sitemap_products_1.xml')).text();
    for (const m of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.add(m[1]!);
    expect(urls.size).toBeGreaterThan(60);
    const bad: string[] = [];
    for (const u of urls) {
      const s = await status(u);
      if (s !== 200) bad.push(`${s} ${u}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('D13 redirect chain', () => {
  it('defective: footer → old-summer → 301 → 301 → 200', async () => {
    const [first, second, final] = DEFECT_PATHS.redirectChain;
    expect(referencedUrls(await get(defective.url + '/'), defective.url)).toContain(defective.url + first);
    const hop1 = await fetch(defective.url + first, { redirect: 'manual' });
    expect([hop1.status, hop1.headers.get('location')]).toEqual([301, second]);
    const hop2 = await fetch(defective.url + second, { redirect: 'manual' });
    expect([hop2.status, hop2.headers.get('location')]).toEqual([301, final]);
    expect(await status(defective.url + final)).toBe(200);
  });
  it('fixed: the footer links the final URL directly', async () => {
    const urls = referencedUrls(await get(fixed.url + '/'), fixed.url);
    expect(urls).not.toContain(fixed.url + DEFECT_PATHS.redirectChain[0]);
    expect(urls).toContain(fixed.url + DEFECT_PATHS.redirectChain[2]);
  });
});

describe('D14 transient 503', () => {
  it('defective: first request 503 with Retry-After: 1, then 200; resetTransient re-arms it', async () => {
    defective.resetTransient();
    const first = await fetch(defective.url + DEFECT_PATHS.transient503);
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '1']);
    expect(await status(defective.url + DEFECT_PATHS.transient503)).toBe(200);
    expect(await status(defective.url + DEFECT_PATHS.transient503)).toBe(200);
    defective.resetTransient();
    expect(await status(defective.url + DEFECT_PATHS.transient503)).toBe(503);
  });
  it('fixed: always 200', async () => {
    fixed.resetTransient();
    expect(await status(fixed.url + DEFECT_PATHS.transient503)).toBe(200);
  });
});

describe('D15 pagination trap', () => {
  it('defective: any page N links page N+1, far past the end', async () => {
    for (const n of [1, 4, 5, 1000]) {
      const page = await get(`${defective.url}${DEFECT_PATHS.paginationTrap}?page=${n}`);
      expect(page.status).toBe(200);
      expect(one(page.doc, 'a', { rel: 'next' }).attribs.href).toBe(`${DEFECT_PATHS.paginationTrap}?page=${n + 1}`);
    }
  });
  it('fixed: the last page has no next link', async () => {
    for (const n of [4, 1000]) {
      const page = await get(`${fixed.url}${DEFECT_PATHS.paginationTrap}?page=${n}`);
      expect(all(page.doc, 'a', { rel: 'next' })).toHaveLength(0);
      expect(all(page.doc, 'link', { rel: 'next' })).toHaveLength(0);
    }
  });
});

describe('D16/D17 checkout errors', () => {
  async function steps(store: DemoStore): Promise<{ information: Page; shipping: Page }> {
    const { shopper, checkoutPath } = await shopperWithCart(store.url);
    const information = await shopper.request(checkoutPath);
    const next = await shopper.post(checkoutPath, ADDRESS);
    return { information, shipping: await shopper.request(next.headers.get('location')!) };
  }
  it('defective: information fetches the tracking endpoint (500), shipping reads a missing node', async () => {
    const { information, shipping } = await steps(defective);
    expect(information.body).toContain(`fetch('${DEFECT_PATHS.checkoutTracking}'`);
    expect((await fetch(defective.url + DEFECT_PATHS.checkoutTracking, { method: 'POST' })).status).toBe(500);
    expect(shipping.body).toContain("document.querySelector('[data-shipping-rate-selected]')");
    expect(all(shipping.doc, 'input', { 'data-shipping-rate-selected': (v) => v !== undefined })).toHaveLength(0);
  });
  it('fixed: neither script is there and the endpoint answers 204', async () => {
    const { information, shipping } = await steps(fixed);
    expect(information.body).not.toContain(DEFECT_PATHS.checkoutTracking);
    expect(shipping.body).not.toContain('data-shipping-rate-selected');
    expect((await fetch(fixed.url + DEFECT_PATHS.checkoutTracking, { method: 'POST' })).status).toBe(204);
  });
  it('no test here placed an order', () => {
    expect([...defective.orders(), ...fixed.orders()]).toEqual([]);
  });
});
