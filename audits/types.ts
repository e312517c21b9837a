// The one interface every audit module implements, after Lighthouse's gatherer/audit split: an audit gets the
// pages discovery chose plus shared resources, and returns its own report section. Nothing here knows Shopify.
import type { Message, Template } from '../src/report/schema.ts';
import type { BrowserPool } from './shared/browser.ts';

export interface AuditPage {
  url: string;
  template: Template;
}

/**
 * A store page discovery already fetched and parsed (when the store has no sitemap, discovery crawls), handed to
 * the audits so the link crawl does not fetch the same pages a second time. Every reference is kept as written,
 * with the kind of resource it points at, in document order.
 */
export interface FetchedPage {
  /** The URL as requested, and where its redirects (if any) landed. */
  url: string;
  finalUrl: string;
  status: number;
  /** Redirect hops before the page, as followRedirects reported them. */
  hops: { url: string; status: number }[];
  ttfbMs: number;
  bytes: number;
  /** Base URL in effect (the page URL, or <base href>). */
  base: string;
  references: { raw: string; kind: 'page' | 'image' | 'script' | 'stylesheet' | 'media' | 'other'; navigable: boolean }[];
  /** id and <a name> values, for #fragment checks. */
  anchors: string[];
}

export interface AuditContext {
  /** Store origin, e.g. https://example.myshopify.com */
  storeUrl: string;
  /** Pages discovery picked, already classified by template. */
  pages: AuditPage[];
  /** Every URL discovery found (for the link crawler's seeds). */
  allUrls?: string[];
  /** Pages discovery fetched and parsed already (no-sitemap stores); the link crawl reuses them. */
  fetchedPages?: FetchedPage[];
  /** Extra headers sent with every request to the store (e.g. Web Bot Auth signature headers). */
  headers: Record<string, string>;
  /** When false (app mode), requests to private, loopback and link-local addresses are refused. */
  allowPrivateAddresses: boolean;
  /** Shared Chromium, launched lazily and relaunched after a crash. */
  browser: BrowserPool;
  /** Where screenshots and other binary artefacts go. */
  artifactsDir: string;
  /** A line for a person: a message (audits/shared/progress-message.ts) the reader's language renders. */
  progress: (message: string | Message) => void;
  signal?: AbortSignal;
}

export interface Audit<Options, Section> {
  /** Short id used by `--only`: load, checkout, links. */
  id: 'load' | 'checkout' | 'links';
  /** The report key this audit fills. */
  section: 'loadTime' | 'checkout' | 'links';
  title: string;
  defaults: Options;
  run(context: AuditContext, options: Options): Promise<Section>;
  /**
   * Roughly how long `run` takes on this context, in ms on a 2-core machine: the progress a person sees is
   * weighted by it (src/engine/progress-plan.ts). A guide, never a limit.
   */
  expectedMs?(context: AuditContext, options: Options): number;
}
