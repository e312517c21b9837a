// The whole links audit on the current thread: robots.txt, the sitemaps, then the crawl. index.ts runs it in a
// worker thread (crawl-in-worker.ts starts crawl-thread.ts, which calls this).
import type { LinksSection } from '../../src/report/schema.ts';
import { HttpClient } from '../shared/http-fetcher.ts';
import { readRobots } from '../shared/robots.ts';
import { readSitemaps } from '../shared/sitemap-reader.ts';
import { crawlStore } from './crawler.ts';
import type { LinksContext, LinksOptions } from './links-options.ts';

export { DEFAULT_LINKS_OPTIONS, type LinksContext, type LinksOptions } from './links-options.ts';


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
        fetchedPages: context.fetchedPages,
      },
      options,
    );
    if (notes.length > 0) section.notes = notes;
    return section;
  } finally {
    await client.close();
  }
}
