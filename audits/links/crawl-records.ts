// What the crawl remembers per URL, kept small on purpose: a URL that checks out fine forgets where it was found
// (only broken, redirected and unverifiable URLs need their source pages), so memory tracks the number of
// distinct URLs, not the number of links.
import type { LinksSection, Message, ResourceKind } from '../../src/report/schema.ts';
import { malformedText, missingFragmentText } from './finding-text.ts';

export const PENDING = 0;
export const OK = 1;
export const BROKEN = 2;
export const UNVERIFIED = 3;

export interface UrlRecord {
  kind: ResourceKind;
  /** Crawl it as a page if it is on the store's origin. */
  navigable: boolean;
  state: number;
  /** Pages (or sitemap/stylesheet URLs) linking here; null once the URL is known good. */
  foundOn: string[] | null;
  status: number | null;
  error: string | null;
  /** Redirect chain, start URL first, final URL last; only kept for chains worth reporting. */
  chain: string[] | null;
  finalUrl: string | null;
  reason: string | null;
  /** The finding as a message (broken and unverifiable URLs only). */
  text: Message | null;
}

export function newRecord(kind: ResourceKind, navigable: boolean): UrlRecord {
  return { kind, navigable, state: PENDING, foundOn: [], status: null, error: null, chain: null, finalUrl: null, reason: null, text: null };
}

export class SlowPages {
  readonly #limit: number;
  readonly #thresholdMs: number;
  readonly pages: { url: string; ttfbMs: number; bytes: number }[] = [];

  constructor(limit: number, thresholdMs: number) {
    this.#limit = limit;
    this.#thresholdMs = thresholdMs;
  }

  add(url: string, ttfbMs: number, bytes: number): void {
    if (ttfbMs < this.#thresholdMs) return;
    const last = this.pages[this.pages.length - 1];
    if (this.pages.length >= this.#limit && last && last.ttfbMs >= ttfbMs) return;
    this.pages.push({ url, ttfbMs: Math.round(ttfbMs), bytes });
    this.pages.sort((a, b) => b.ttfbMs - a.ttfbMs);
    if (this.pages.length > this.#limit) this.pages.pop();
  }
}

/** A reference that is not a URL: the English message for the report's `error`, and whether it lacked a host. */
export interface InvalidEntry {
  kind: ResourceKind;
  message: string;
  noHost: boolean;
  foundOn: string[];
}

export interface SectionInputs {
  records: Map<string, UrlRecord>;
  invalid: Map<string, InvalidEntry>;
  fragments: { url: string; fragment: string; foundOn: string[] }[];
  pagesCrawled: number;
  linksChecked: number;
  truncatedAt: string[];
  truncatedText: Message[];
  slowPages: SlowPages;
  pageTimes?: { count: number; totalTtfbMs: number; totalBytes: number };
  skipped: number;
}

export function buildSection(inputs: SectionInputs): LinksSection {
  const broken: LinksSection['broken'] = [];
  const redirects: LinksSection['redirects'] = [];
  const unverified: NonNullable<LinksSection['unverified']> = [];
  for (const [url, record] of inputs.records) {
    const foundOn = record.foundOn ?? [];
    const text = record.text ? { text: record.text } : {};
    if (record.state === BROKEN) broken.push({ url, status: record.status, error: record.error, kind: record.kind, foundOn, ...text });
    if (record.state === UNVERIFIED) unverified.push({ url, reason: record.reason ?? 'could not verify', foundOn, ...text });
    if (record.chain) {
      redirects.push({ url, chain: record.chain, finalUrl: record.finalUrl ?? url, finalStatus: record.status, foundOn });
    }
  }
  for (const [raw, entry] of inputs.invalid) {
    broken.push({ url: raw, status: null, error: entry.message, kind: entry.kind, foundOn: entry.foundOn, text: malformedText(raw, entry.noHost) });
  }
  for (const fragment of inputs.fragments) {
    broken.push({
      url: fragment.url,
      status: 200,
      error: 'missing #fragment target on the page',
      kind: 'page',
      foundOn: fragment.foundOn,
      text: missingFragmentText(fragment.fragment),
    });
  }
  broken.sort((a, b) => a.url.localeCompare(b.url));
  redirects.sort((a, b) => a.url.localeCompare(b.url));
  return {
    pagesCrawled: inputs.pagesCrawled,
    linksChecked: inputs.linksChecked,
    truncated: inputs.truncatedAt.length > 0,
    truncatedAt: inputs.truncatedAt,
    truncatedText: inputs.truncatedText,
    broken,
    redirects,
    unverified,
    slowPages: inputs.slowPages.pages,
    skipped: inputs.skipped,
  };
}
