// The links audit: fills the report's `links` section. Plain HTTP and a streaming HTML parser, no browser.
// The crawl runs in a worker thread with its own heap budget, so a store too big for it ends that audit with an
// error instead of taking the server or worker process down, and its young generation stays small.
import type { Audit } from '../types.ts';
import type { LinksSection } from '../../src/report/schema.ts';
import { DEFAULT_LINKS_OPTIONS, type LinksContext, type LinksOptions } from './links-options.ts';
import { crawlInWorker } from './crawl-in-worker.ts';

export { DEFAULT_LINKS_OPTIONS, type LinksContext, type LinksOptions };

/** Runs the crawl outside the audit framework (benchmark, scripts): same code path as the audit. */
export function checkStoreLinks(context: LinksContext, overrides: Partial<LinksOptions> = {}): Promise<LinksSection> {
  return crawlInWorker(context, { ...DEFAULT_LINKS_OPTIONS, ...overrides });
}

export const linksAudit: Audit<LinksOptions, LinksSection> = {
  id: 'links',
  section: 'links',
  title: 'Broken links',
  defaults: DEFAULT_LINKS_OPTIONS,
  run: (context, options) => checkStoreLinks(context, options),
  // The crawl thread's start, then about 50 ms a page (79 demo-store pages in 5 s, docs/links-audit.md); the
  // pages discovery found are the floor of what it will crawl.
  expectedMs: (context, options) => 1_500 + 50 * Math.min(Math.max(context.allUrls?.length ?? 0, context.pages.length), options.maxPages),
};

export default linksAudit;
