// The whole links audit on the current thread: robots.txt, the sitemaps, then the crawl. index.ts runs it in a
// worker thread (crawl-in-worker.ts starts crawl-thread.ts, which calls this).
import type { AuditContext } from '../types.ts';
import type { LinksSection } from '../../src/report/schema.ts';
import { HttpClient } from '../shared/http-fetcher.ts';
import { readRobots } from '../shared/robots.ts';
import { readSitemaps } from '../shared/sitemap-reader.ts';
import { crawlStore, type CrawlOptions } from './crawler.ts';
import { DEFAULT_CHECK_OPTIONS } from './link-checker.ts';
import { DEFAULT_TRAP_OPTIONS } from './trap-detector.ts';

export interface LinksOptions extends CrawlOptions {
  /** Read /robots.txt's Sitemap: lines (or /sitemap.xml) and check every URL listed. */
  useSitemap: boolean;
  /** Do not crawl pages robots.txt disallows (they are still checked). */
  respectRobots: boolean;
  /** Per-request timeout for headers and body silence. */
  timeoutMs: number;
  /** Addresses treated as public in app mode (tests, deliberately internal stores). */
  trustedAddresses: string[];
  /** Heap budget of the crawl's worker thread; a crawl that needs more stops with an error, the process lives on. */
  memoryLimitMb: number;
}

export const DEFAULT_LINKS_OPTIONS: LinksOptions = {
  maxPages: 50_000,
  concurrency: 48,
  perHost: 24,
  perExternalHost: 4,
  checkExternal: true,
  checkFragments: false,
  checkExternalFragments: false,
  checkCss: true,
  maxPageBytes: 5 * 1024 * 1024,
  slowPageMs: 800,
  slowPagesLimit: 20,
  minRedirectHops: 2,
  trap: DEFAULT_TRAP_OPTIONS,
  check: DEFAULT_CHECK_OPTIONS,
  useSitemap: true,
  respectRobots: true,
  timeoutMs: 15_000,
  trustedAddresses: [],
  memoryLimitMb: 1024,
};

export type LinksContext = Pick<AuditContext, 'storeUrl' | 'headers' | 'allowPrivateAddresses' | 'progress' | 'signal' | 'allUrls'>;

/** The crawl on this thread. */
export async function crawlLinks(
  context: LinksContext,
  options: LinksOptions,
): Promise<LinksSection> {
  const client = new HttpClient({
    allowPrivateAddresses: context.allowPrivateAddresses,
    headers: context.headers,
    // The extra headers (signatures, Authorization, Cookie) are for the store only, never for sites it links to.
    headerOrigins: [new URL(context.storeUrl).origin],
    connectionsPerHost: Math.max(options.perHost, options.perExternalHost),
    headersTimeoutMs: options.timeoutMs,
    bodyTimeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxPageBytes,
    trustedAddresses: options.trustedAddresses,
  });
  try {
    const origin = new URL(context.storeUrl).origin;
    const robots = await readRobots(client, origin, undefined, context.signal);
    const seeds: { url: string; foundOn: string | null }[] = [];
    const notes: string[] = [];
    if (options.useSitemap) {
      const start = robots.sitemaps.length > 0 ? robots.sitemaps : [new URL('/sitemap.xml', origin).href];
      const sitemaps = await readSitemaps(client, start, { signal: context.signal });
      for (const entry of sitemaps.entries) seeds.push({ url: entry.url, foundOn: entry.sitemap });
      notes.push(...sitemaps.notes);
    }
    for (const url of context.allUrls ?? []) seeds.push({ url, foundOn: null });
    const section = await crawlStore(
      client,
      {
        storeUrl: context.storeUrl,
        seeds,
        isAllowedByRobots: options.respectRobots ? robots.isAllowed : () => true,
        progress: context.progress,
        signal: context.signal,
      },
      options,
    );
    if (notes.length > 0) section.notes = notes;
    return section;
  } finally {
    await client.close();
  }
}
