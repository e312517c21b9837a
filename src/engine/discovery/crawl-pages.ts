// Fallback when a store has no usable sitemap: breadth-first over same-origin anchors from the home page, up to
// the page cap, with the link crawler's trap detector so ?page=N+1 forever cannot eat the budget.
import { createHash } from 'node:crypto';
import { followRedirects, headerValue, type HttpClient } from '../../../audits/shared/http-fetcher.ts';
import { createPageExtractor } from '../../../audits/links/extract-html.ts';
import { streamPageInto } from '../../../audits/links/stream-page.ts';
import { resolveReference } from '../../../audits/links/url-policy.ts';
import { TrapDetector, type TrapOptions } from '../../../audits/links/trap-detector.ts';
import type { FetchedPage } from '../../../audits/types.ts';

export interface PageCrawlOptions {
  maxPages: number;
  concurrency: number;
  maxPageBytes: number;
  isAllowed: (url: string) => boolean;
  trap?: Partial<TrapOptions>;
  signal?: AbortSignal;
}

export interface PageCrawlResult {
  urls: string[];
  /** The cap stopped the crawl with pages still to visit. */
  capped: boolean;
  /** Trap families cut, e.g. "/collections/everything?page=N: endless pagination …". */
  traps: string[];
  /** Every page fetched and parsed, with all its references, for the link crawl to reuse. */
  pages: FetchedPage[];
}

const PAGINATED = /[?&](page|p|pg|paged)=\d/;

export async function crawlPages(client: HttpClient, homeUrl: string, options: PageCrawlOptions): Promise<PageCrawlResult> {
  const origin = new URL(homeUrl).origin;
  const trap = new TrapDetector(options.trap);
  const seen = new Set<string>([homeUrl]);
  const queue: string[] = [homeUrl];
  const urls: string[] = [];
  const pages: FetchedPage[] = [];
  let head = 0;
  let capped = false;

  const visit = async (pageUrl: string) => {
    let response;
    let hops: FetchedPage['hops'];
    try {
      ({ response, hops } = await followRedirects(client, pageUrl, { signal: options.signal }));
    } catch {
      return; // an unreachable page is the link audit's finding, not discovery's
    }
    const finalOrigin = new URL(response.url).origin;
    if (response.status >= 400 || finalOrigin !== origin || !(headerValue(response.headers, 'content-type') ?? '').includes('html')) {
      await client.discard(response);
      if (response.status < 400 && finalOrigin === origin) urls.push(pageUrl);
      return;
    }
    urls.push(pageUrl);
    const fingerprint = PAGINATED.test(pageUrl) ? createHash('sha1') : null;
    // Everything the link crawl would extract (CSS, GET forms, anchors), so it can reuse this page unfetched.
    const references: FetchedPage['references'] = [];
    const extractor = createPageExtractor(response.url, { css: true, collectAnchors: true, getForms: true }, (ref) => {
      references.push({ raw: Buffer.from(ref.raw, 'utf8').toString('utf8'), kind: ref.kind, navigable: ref.navigable });
      if (!ref.navigable) return;
      const resolved = resolveReference(ref.raw, extractor.base);
      if (resolved.type !== 'url' || new URL(resolved.url).origin !== origin) return;
      if (fingerprint && !PAGINATED.test(resolved.url)) fingerprint.update(resolved.url + '\n');
      if (seen.has(resolved.url)) return;
      seen.add(resolved.url);
      queue.push(resolved.url);
    });
    const { bytes } = await streamPageInto(response, extractor, options.maxPageBytes);
    if (fingerprint) trap.observePage(pageUrl, fingerprint.digest('hex'));
    pages.push({
      url: pageUrl,
      finalUrl: response.url,
      status: response.status,
      hops,
      ttfbMs: response.ttfbMs,
      bytes,
      base: extractor.base,
      references,
      anchors: [...(extractor.anchors ?? [])],
    });
  };

  let started = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      options.signal?.throwIfAborted();
      if (head >= queue.length) return;
      if (started >= options.maxPages) {
        capped = true;
        return;
      }
      const next = queue[head++]!;
      if (!options.isAllowed(next) || !trap.admit(next).crawl) continue;
      started++;
      await visit(next);
    }
  };
  // Workers exit when the queue is momentarily empty; restart them while pages in flight added more.
  while (head < queue.length && started < options.maxPages) {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  }
  if (head < queue.length) capped = true;
  return { urls, capped, traps: [...trap.truncatedAt.values()], pages };
}
