// Store discovery: which pages a store has and which template renders each. robots.txt → sitemap index →
// child sitemaps; a crawl from the home page when there is no sitemap. Every URL is classified by Shopify
// template and a few representatives per template are picked for the expensive audits.
import { HttpClient, followRedirects } from '../../../audits/shared/http-fetcher.ts';
import { toFetchError } from '../../../audits/shared/fetch-errors.ts';
import type { Template } from '../../report/schema.ts';
import type { FetchedPage } from '../../../audits/types.ts';
import { parseStoreUrl } from '../store-url.ts';
import { classifyTemplate } from './classify-template.ts';
import { StoreUnreachableError } from './errors.ts';
import { pickRepresentatives, type DiscoveredPage, type PerTemplate } from './representatives.ts';

export interface DiscoveryOptions {
  headers?: Record<string, string>;
  /** false in app mode: the store and everything it links must resolve to public addresses. */
  allowPrivateAddresses?: boolean;
  /** Addresses treated as public in app mode (tests; deliberately internal stores). */
  trustedAddresses?: string[];
  /** Pages kept in `pages`; more are counted and `truncated` is set. Default 500. */
  maxPages?: number;
  /** Representatives per template; defaults: home 1, product 2, collection 2, page/blog/article/cart 1. */
  perTemplate?: PerTemplate;
  /** Skip the sitemap and crawl from the home page (also what happens when there is none). */
  useSitemap?: boolean;
  /** Bytes read per sitemap file (after gunzip). Default 50 MB, the sitemaps.org limit. */
  maxSitemapBytes?: number;
  maxSitemaps?: number;
  crawlConcurrency?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DiscoveryResult {
  /** The store origin actually audited (after the home page's redirects, e.g. to www.). */
  storeUrl: string;
  pages: DiscoveredPage[];
  representative: DiscoveredPage[];
  /** More pages exist than `pages` holds (page cap, sitemap caps, or a crawler trap cut). */
  truncated: boolean;
  /** Sitemap files read, index first. Empty when the pages came from crawling. */
  sitemapUrls: string[];
  source: 'sitemap' | 'crawl';
  /** Pages per template before the cap. */
  counts: Partial<Record<Template, number>>;
  /** Human-readable remarks: caps reached, traps cut, sitemap problems. */
  notes: string[];
  /** Pages discovery fetched and parsed (crawl source only), for the link crawl to reuse instead of refetching. */
  fetchedPages?: FetchedPage[];
}

export async function discoverStore(storeUrl: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const requested = parseStoreUrl(storeUrl);
  const maxPages = options.maxPages ?? 500;
  const client = new HttpClient({
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    headers: options.headers,
    // Extra headers (signatures, Authorization, Cookie) go to the store only, never to a host it redirects to.
    headerOrigins: [requested.origin],
    trustedAddresses: options.trustedAddresses,
    connectionsPerHost: options.crawlConcurrency ?? 8,
    headersTimeoutMs: options.timeoutMs ?? 20_000,
    bodyTimeoutMs: options.timeoutMs ?? 20_000,
  });
  try {
    const notes: string[] = [];
    const home = await reachHome(client, requested.href, options.signal);
    // Loaded once the home page answered, not before: the parsers (htmlparser2, robots-parser, the link
    // extractor) would otherwise hold back an audit's first request, which has 0.5 s from process start.
    const [{ readRobots }, { readSitemaps }, { crawlPages }] = await Promise.all([
      import('../../../audits/shared/robots.ts'),
      import('../../../audits/shared/sitemap-reader.ts'),
      import('./crawl-pages.ts'),
    ]);
    if (home.origin !== requested.origin) notes.push(`${requested.origin} redirects to ${home.origin}; auditing ${home.origin}`);
    const origin = home.origin;
    // The store's own redirect of its home page (to www., to its primary domain) names its canonical origin.
    client.addOwnOrigin(origin);
    const robots = await readRobots(client, origin, undefined, options.signal);

    let urls: string[] = [];
    let sitemapUrls: string[] = [];
    let truncated = false;
    let source: DiscoveryResult['source'] = 'sitemap';
    let fetchedPages: FetchedPage[] | undefined;
    if (options.useSitemap !== false) {
      const start = robots.sitemaps.length > 0 ? robots.sitemaps : [new URL('/sitemap.xml', origin).href];
      const sitemaps = await readSitemaps(client, start, { maxBytes: options.maxSitemapBytes, maxSitemaps: options.maxSitemaps, signal: options.signal });
      notes.push(...sitemaps.notes);
      truncated ||= sitemaps.truncated;
      sitemapUrls = sitemaps.sitemapUrls;
      let foreign = 0;
      for (const entry of sitemaps.entries) {
        if (sameOrigin(entry.url, origin)) urls.push(entry.url);
        else foreign++;
      }
      if (foreign > 0) notes.push(`${foreign} sitemap URLs on other hosts ignored`);
    }
    if (urls.length === 0) {
      source = 'crawl';
      if (options.useSitemap !== false) notes.push('no usable sitemap: pages found by crawling from the home page');
      const crawl = await crawlPages(client, home.url, {
        maxPages,
        concurrency: options.crawlConcurrency ?? 8,
        maxPageBytes: 5 * 1024 * 1024,
        isAllowed: robots.isAllowed,
        signal: options.signal,
      });
      urls = crawl.urls;
      fetchedPages = crawl.pages;
      notes.push(...crawl.traps);
      if (crawl.capped) notes.push(`crawl stopped at the page cap of ${maxPages}`);
      truncated ||= crawl.capped || crawl.traps.length > 0;
    }

    const homeUrl = new URL('/', origin).href;
    const unique = new Set<string>([homeUrl]);
    let disallowed = 0;
    for (const url of urls) {
      if (!robots.isAllowed(url)) disallowed++;
      else unique.add(stripHash(url));
    }
    if (disallowed > 0) notes.push(`${disallowed} URLs disallowed by robots.txt left out`);
    const all: DiscoveredPage[] = [...unique].map((url) => ({ url, template: classifyTemplate(url) }));
    const counts: Partial<Record<Template, number>> = {};
    for (const page of all) counts[page.template] = (counts[page.template] ?? 0) + 1;
    const representative = pickRepresentatives(all, options.perTemplate);
    let pages = all;
    if (all.length > maxPages) {
      truncated = true;
      notes.push(`store has ${all.length} pages; kept ${maxPages} (page cap)`);
      // Representatives always survive the cap; the rest keep discovery order.
      const keep = new Set(representative);
      pages = [...representative, ...all.filter((page) => !keep.has(page)).slice(0, Math.max(0, maxPages - representative.length))];
    }
    return { storeUrl: homeUrl, pages, representative, truncated, sitemapUrls, source, counts, notes, ...(fetchedPages ? { fetchedPages } : {}) };
  } finally {
    await client.close();
  }
}

async function reachHome(client: HttpClient, url: string, signal?: AbortSignal): Promise<{ url: string; origin: string }> {
  try {
    const { response } = await followRedirects(client, url, { signal });
    await client.discard(response);
    if (response.status >= 500) throw new StoreUnreachableError(url, `the home page answers HTTP ${response.status}`);
    const final = new URL(response.url);
    // A password-protected store redirects / to /password: still the same store, audit what is public.
    return { url: new URL('/', final.origin).href, origin: final.origin };
  } catch (error) {
    if (error instanceof StoreUnreachableError) throw error;
    signal?.throwIfAborted();
    throw new StoreUnreachableError(url, toFetchError(error, url).message);
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function stripHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
