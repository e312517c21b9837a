// Discovery against the demo store: sitemap index and children, classification, representatives, the page cap,
// the crawl fallback with the pagination trap, and clear errors for bad or unreachable stores.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { discoverStore, StoreUnreachableError, type DiscoveryResult } from '../../src/engine/discovery/index.ts';
import { UsageError } from '../../src/engine/errors.ts';

let store: DemoStore;
let result: DiscoveryResult;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective' });
  result = await discoverStore(store.url, { allowPrivateAddresses: true });
});

afterAll(async () => {
  await store?.close();
});

const abs = (path: string) => new URL(path, store.url).href;

describe('discoverStore on the demo store', () => {
  it('reads robots.txt, the sitemap index and every child sitemap', () => {
    expect(result.source).toBe('sitemap');
    expect(result.sitemapUrls[0]).toBe(abs('/sitemap.xml'));
    expect(result.sitemapUrls.slice(1).sort()).toEqual(
      ['/sitemap_blogs_1.xml', '/sitemap_collections_1.xml', '/sitemap_pages_1.xml', '/sitemap_products_1.xml'].map(abs),
    );
    expect(store.requests.get('/robots.txt')).toBeGreaterThanOrEqual(1);
  });

  it('classifies every page by template', () => {
    const byUrl = new Map(result.pages.map((p) => [p.url, p.template]));
    expect(byUrl.get(abs('/'))).toBe('home');
    expect(byUrl.get(abs('/collections/all'))).toBe('collection');
    expect(byUrl.get(abs('/pages/about'))).toBe('page');
    expect(byUrl.get(abs('/blogs/news'))).toBe('blog');
    expect(result.counts.product).toBeGreaterThanOrEqual(48);
    expect(result.counts.article).toBeGreaterThanOrEqual(4);
    expect(result.pages.filter((p) => p.template === 'other')).toEqual([]);
    expect(result.truncated).toBe(false);
  });

  it('picks a few representative pages per template', () => {
    const counts: Record<string, number> = {};
    for (const page of result.representative) counts[page.template] = (counts[page.template] ?? 0) + 1;
    expect(counts).toEqual({ home: 1, product: 2, collection: 2, page: 1, blog: 1, article: 1 });
    expect(result.representative[0]!.url).toBe(abs('/'));
  });

  it('keeps to the page cap, says it truncated, and keeps the representatives', async () => {
    const capped = await discoverStore(store.url, { allowPrivateAddresses: true, maxPages: 12 });
    expect(capped.pages).toHaveLength(12);
    expect(capped.truncated).toBe(true);
    expect(capped.notes.join('\n')).toMatch(/store has \d+ pages; kept 12 \(page cap\)/);
    for (const page of capped.representative) expect(capped.pages).toContainEqual(page);
  });

  it('falls back to crawling from the home page without a sitemap, and bounds the pagination trap', async () => {
    const before = store.requests.get(DEFECT_PATHS.paginationTrap) ?? 0;
    const crawled = await discoverStore(store.url, { allowPrivateAddresses: true, useSitemap: false, maxPages: 1000 });
    expect(crawled.source).toBe('crawl');
    expect(crawled.sitemapUrls).toEqual([]);
    expect(crawled.counts.product).toBeGreaterThanOrEqual(40);
    expect(crawled.counts.collection).toBeGreaterThanOrEqual(4);
    expect(crawled.truncated).toBe(true);
    expect(crawled.notes.join('\n')).toMatch(/\/collections\/everything\?page=N: endless pagination/);
    const trapFetches = (store.requests.get(DEFECT_PATHS.paginationTrap) ?? 0) - before;
    expect(trapFetches).toBeGreaterThan(3);
    expect(trapFetches).toBeLessThanOrEqual(10);
    // robots.txt disallows /cart: the crawl leaves it out.
    expect(crawled.pages.map((p) => p.url)).not.toContain(abs('/cart'));
  });

  it('caps the crawl fallback too', async () => {
    const crawled = await discoverStore(store.url, { allowPrivateAddresses: true, useSitemap: false, maxPages: 5 });
    expect(crawled.pages.length).toBeLessThanOrEqual(5);
    expect(crawled.truncated).toBe(true);
    expect(crawled.notes.join('\n')).toMatch(/page cap of 5/);
  });
});

describe('discoverStore errors', () => {
  it('refuses a malformed URL with a usage error', async () => {
    await expect(discoverStore('http://exa mple.com')).rejects.toThrow(UsageError);
    await expect(discoverStore('ftp://example.com')).rejects.toThrow(/not an http\(s\) URL/);
  });

  it('says in one line that an unreachable store cannot be reached', async () => {
    const port = await closedPort();
    const error = await discoverStore(`http://127.0.0.1:${port}`, { allowPrivateAddresses: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^Cannot reach the store at http://127.0.0.1:${port}/: connection refused`));
    expect((error as Error).message).not.toContain('\n');
  });

  it('in app mode refuses a store on a private address', async () => {
    await expect(discoverStore(store.url, { allowPrivateAddresses: false })).rejects.toThrow(/loopback address, not allowed in app mode/);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
