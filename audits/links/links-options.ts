// The links audit's options and defaults, in a module that loads nothing heavy: the thread that starts the crawl
// (the CLI, the server, a job worker) needs them, and importing the crawler here would load undici, htmlparser2
// and postcss into that thread as well as into the crawl's own (start-up time before the first request).
import type { AuditContext } from '../types.ts';
import type { CrawlOptions } from './crawler.ts';
import { DEFAULT_TRAP_OPTIONS } from './trap-detector.ts';

export interface CheckOptions {
  /** Attempts after the first for transient failures. */
  retries: number;
  retryBaseMs: number;
  /** Longest Retry-After we are willing to wait; longer ones count as a failed attempt. */
  maxRetryAfterMs: number;
  maxRedirects: number;
  signal?: AbortSignal;
}

// 20 redirects, as browsers follow (Fetch standard; http-fetcher.ts MAX_REDIRECTS).
export const DEFAULT_CHECK_OPTIONS: CheckOptions = { retries: 3, retryBaseMs: 400, maxRetryAfterMs: 30_000, maxRedirects: 20 };

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

export type LinksContext = Pick<AuditContext, 'storeUrl' | 'headers' | 'allowPrivateAddresses' | 'progress' | 'signal' | 'allUrls' | 'fetchedPages'>;
