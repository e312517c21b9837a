// The one interface every audit module implements, after Lighthouse's gatherer/audit split: an audit gets the
// pages discovery chose plus shared resources, and returns its own report section. Nothing here knows Shopify.
import type { Template } from '../src/report/schema.ts';
import type { BrowserPool } from './shared/browser.ts';

export interface AuditPage {
  url: string;
  template: Template;
}

export interface AuditContext {
  /** Store origin, e.g. https://example.myshopify.com */
  storeUrl: string;
  /** Pages discovery picked, already classified by template. */
  pages: AuditPage[];
  /** Every URL discovery found (for the link crawler's seeds). */
  allUrls?: string[];
  /** Extra headers sent with every request to the store (e.g. Web Bot Auth signature headers). */
  headers: Record<string, string>;
  /** When false (app mode), requests to private, loopback and link-local addresses are refused. */
  allowPrivateAddresses: boolean;
  /** Shared Chromium, launched lazily and relaunched after a crash. */
  browser: BrowserPool;
  /** Where screenshots and other binary artefacts go. */
  artifactsDir: string;
  progress: (message: string) => void;
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
}
