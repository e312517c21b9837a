// The crawl: same-origin pages fetched and parsed as they stream in, every reference they make checked once,
// external URLs checked and never crawled. Seeds are the home page plus the sitemap's URLs (which also count as
// references, found on their sitemap file).
import { createHash } from 'node:crypto';
import type { LinksSection, Message, ResourceKind } from '../../src/report/schema.ts';
import { streamPageInto } from './stream-page.ts';
import { decodedBody, headerValue, type HttpClient, type HttpResponse } from '../shared/http-fetcher.ts';
import { checkUrl, type CheckOptions, type CheckOutcome } from './link-checker.ts';
import { createPageExtractor, type RawReference } from './extract-html.ts';
import type { Hash } from 'node:crypto';
import type { FetchedPage } from '../types.ts';
import { extractCssReferences } from './extract-css.ts';
import { fragmentFound, originOf, resolveReference, type Resolved } from './url-policy.ts';
import { TrapDetector, type TrapOptions } from './trap-detector.ts';
import { CHECK, HostScheduler, LINKED_PAGE, SEED_PAGE } from './host-scheduler.ts';
import { brokenText, pageCapText, pageTruncatedText, unverifiedText } from './finding-text.ts';
import { BROKEN, OK, PENDING, SlowPages, UNVERIFIED, buildSection, newRecord, type InvalidEntry, type UrlRecord } from './crawl-records.ts';
import { progressMessage } from '../shared/progress-message.ts';
import { count } from '../../src/report/message.ts';

export interface CrawlOptions {
  maxPages: number;
  concurrency: number;
  /** Connections to the store's own origin. */
  perHost: number;
  /** Connections to any other host (be polite to sites we only link to). */
  perExternalHost: number;
  checkExternal: boolean;
  checkFragments: boolean;
  /** Also check #fragments on external pages (fetches those pages with GET). Off by default, as in the peers. */
  checkExternalFragments: boolean;
  checkCss: boolean;
  maxPageBytes: number;
  slowPageMs: number;
  slowPagesLimit: number;
  /** Report chains with at least this many hops. */
  minRedirectHops: number;
  trap: Partial<TrapOptions>;
  check: Omit<CheckOptions, 'signal'>;
}

export interface CrawlInput {
  storeUrl: string;
  /** URLs to crawl from besides the home page, with where they were listed (a sitemap file) if anywhere. */
  seeds: { url: string; foundOn: string | null }[];
  isAllowedByRobots: (url: string) => boolean;
  progress: (message: string | Message) => void;
  signal?: AbortSignal;
  /** Pages discovery already fetched: crawled from these instead of fetching them again. */
  fetchedPages?: FetchedPage[];
}

const PAGINATED = /[?&](page|p|pg|paged)=\d/;
const ROOT_RELATIVE_CACHE = 20_000;

/** A copy of a string that does not share memory with the (large) string it was sliced from. */
function detach(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

export async function crawlStore(client: HttpClient, input: CrawlInput, options: CrawlOptions): Promise<LinksSection> {
  const origin = new URL(input.storeUrl).origin;
  const records = new Map<string, UrlRecord>();
  const invalid = new Map<string, InvalidEntry>();
  const anchors = new Map<string, Set<string>>();
  /** Where a page that redirected landed: its #fragments are looked up there (with checkFragments only). */
  const landedAt = new Map<string, string>();
  const fragmentRequests = new Map<string, Map<string, string[]>>();
  const trap = new TrapDetector(options.trap);
  const slow = new SlowPages(options.slowPagesLimit, options.slowPageMs);
  const checkOptions: CheckOptions = { ...options.check, signal: input.signal };
  const scheduler = new HostScheduler({
    concurrency: options.concurrency,
    perHost: options.perExternalHost,
    perHostFor: (host) => (host === origin ? options.perHost : options.perExternalHost),
  });
  let pagesStarted = 0;
  let pagesCrawled = 0;
  let linksChecked = 0;
  let skipped = 0;
  let pagesOverCap = 0;
  let errorPagesParsed = 0;
  let pagesReused = 0;
  const prefetched = new Map((input.fetchedPages ?? []).map((page) => [page.url, page]));
  /** Set once the cap is truly full (nothing in flight): parked pages are then checked, not crawled. */
  let capFinal = false;
  /** Pages met while the cap was full; crawled later if slots free up (pages that turn out not to be pages). */
  let parked: [string, UrlRecord][] = [];

  const discover = (url: string, kind: ResourceKind, navigable: boolean, foundOn: string | null, seed = false) => {
    let record = records.get(url);
    if (record) {
      if (foundOn && record.foundOn) record.foundOn.push(foundOn);
      if (navigable && !record.navigable && record.state === PENDING) record.navigable = true;
      return;
    }
    const host = originOf(url);
    if (host !== origin && !options.checkExternal) return;
    record = newRecord(kind, navigable);
    if (foundOn) record.foundOn!.push(foundOn);
    records.set(url, record);
    scheduler.add(host, () => visit(url, record!), host !== origin || !navigable ? CHECK : seed ? SEED_PAGE : LINKED_PAGE);
  };

  const settle = (url: string, record: UrlRecord, outcome: CheckOutcome) => {
    linksChecked++;
    const hops = outcome.hops;
    if (hops.length >= options.minRedirectHops) {
      record.chain = [...hops.map((hop) => hop.url), outcome.finalUrl];
      record.finalUrl = outcome.finalUrl;
    }
    if (outcome.type === 'ok') {
      record.state = OK;
      record.status = outcome.status;
      if (!record.chain) record.foundOn = null;
    } else if (outcome.type === 'broken') {
      record.state = BROKEN;
      record.status = outcome.status;
      record.error = outcome.error;
      record.text = brokenText(outcome, options.check.maxRedirects);
    } else {
      record.state = UNVERIFIED;
      record.reason = outcome.reason;
      record.text = unverifiedText(outcome.reason, url);
    }
  };

  // Root-relative references (the nav, the footer, theme assets, every product link) resolve the same way on
  // every page of the origin: each is resolved once (WHATWG URL: a path-absolute or scheme-relative reference
  // takes only the base's scheme, credentials, host and port). On a catalogue a page's ~30 references are
  // mostly ones seen before, so this saves a URL parse, and its garbage, per reference. Bounded; the keys are
  // copies, never slices of a page's chunk (a slice would keep the whole chunk alive).
  const rootRelative = new Map<string, Resolved>();
  const resolve = (raw: string, base: string): Resolved => {
    if (raw.charCodeAt(0) !== 47 /* / */ || originOf(base) !== origin) return resolveReference(raw, base);
    let resolved = rootRelative.get(raw);
    if (resolved === undefined) {
      resolved = resolveReference(raw, base);
      if (rootRelative.size >= ROOT_RELATIVE_CACHE) rootRelative.clear();
      rootRelative.set(detach(raw), resolved);
    }
    return resolved;
  };

  /** One reference found on a page (streamed, or replayed from a page discovery fetched). */
  const onReference = (pageUrl: string, base: string, ref: RawReference, seen: Set<string>, fingerprint: Hash | null) => {
    // Resolved immediately and never stored: attribute values are slices of the page's chunk strings and
    // keeping one would keep the whole chunk alive.
    const resolved = resolve(ref.raw, base);
    if (resolved.type === 'skipped') {
      skipped++;
      return;
    }
    if (resolved.type === 'invalid') {
      const raw = detach(ref.raw);
      const entry = invalid.get(raw) ?? { kind: ref.kind, message: resolved.message, noHost: resolved.noHost, foundOn: [] };
      if (!entry.foundOn.includes(pageUrl)) entry.foundOn.push(pageUrl);
      invalid.set(raw, entry);
      return;
    }
    const { url, fragment } = resolved;
    // Same-page fragments count too (`#missing-section` on the page itself); the empty fragment never misses.
    if (fragment && options.checkFragments && ref.navigable && (options.checkExternalFragments || originOf(url) === origin)) {
      let wanted = fragmentRequests.get(url);
      if (!wanted) fragmentRequests.set(url, (wanted = new Map()));
      const pages = wanted.get(fragment) ?? [];
      if (!pages.includes(pageUrl)) pages.push(pageUrl);
      wanted.set(fragment, pages);
    }
    // A page linking to itself (canonical, "#", "#top") adds nothing: it is being checked right now.
    if (url === pageUrl || seen.has(url)) return;
    seen.add(url);
    if (fingerprint && !PAGINATED.test(url)) fingerprint.update(url + '\n');
    discover(url, ref.kind, ref.navigable, pageUrl);
  };

  const parsePage = async (pageUrl: string, response: HttpResponse) => {
    const extractor = createPageExtractor(pageUrl, { css: options.checkCss, collectAnchors: options.checkFragments, getForms: true }, (ref) =>
      onReference(pageUrl, extractor.base, ref, seen, fingerprint),
    );
    const seen = new Set<string>();
    const fingerprint = PAGINATED.test(pageUrl) ? createHash('sha1') : null;
    const { bytes, truncated } = await streamPageInto(response, extractor, options.maxPageBytes);
    if (truncated) {
      trap.truncatedAt.set(`page-size:${pageUrl}`, `${pageUrl}: page larger than ${options.maxPageBytes} bytes, only the start was read`);
      trap.truncatedText.set(`page-size:${pageUrl}`, pageTruncatedText(pageUrl, options.maxPageBytes));
    }
    if (fingerprint) trap.observePage(pageUrl, fingerprint.digest('hex'));
    if (extractor.anchors) anchors.set(pageUrl, extractor.anchors);
    return bytes;
  };

  /** The store's error pages are pages shoppers see: their links are checked like any other page's. */
  const parseErrorPage = async (outcome: CheckOutcome) => {
    const response = outcome.type === 'broken' ? outcome.response : null;
    if (!response) return;
    const isHtml = (headerValue(response.headers, 'content-type') ?? '').includes('html');
    // Error pages have their own budget: they are not pages of the store's catalogue, and counting them
    // against maxPages is what left part of a store under the cap uncrawled.
    if (!isHtml || originOf(response.url) !== origin || errorPagesParsed >= options.maxPages) {
      await client.discard(response);
      return;
    }
    errorPagesParsed++;
    await parsePage(response.url, response);
  };

  const crawlPage = async (url: string, record: UrlRecord) => {
    const outcome = await checkUrl(client, url, true, checkOptions, true);
    settle(url, record, outcome);
    if (outcome.type !== 'ok' || !outcome.response) {
      pagesStarted--; // a broken URL is a finding, not a crawled page: it does not count against the cap
      return parseErrorPage(outcome);
    }
    const response = outcome.response;
    const finalUrl = outcome.finalUrl;
    const isHtml = (headerValue(response.headers, 'content-type') ?? '').includes('html');
    // A redirect onto another page we already know: that page is (or will be) crawled on its own.
    const redirectedToKnown = finalUrl !== url && records.has(finalUrl);
    if (finalUrl !== url && options.checkFragments) landedAt.set(url, finalUrl);
    if (!isHtml || originOf(finalUrl) !== origin || redirectedToKnown) {
      await client.discard(response);
      pagesStarted--; // not a page of ours to crawl: its slot under the cap goes back
      return;
    }
    if (finalUrl !== url) {
      const landed = newRecord('page', true);
      landed.state = OK;
      landed.foundOn = null;
      records.set(finalUrl, landed);
    }
    pagesCrawled++;
    const bytes = await parsePage(finalUrl, response);
    slow.add(finalUrl, response.ttfbMs, bytes);
    if (pagesCrawled % 500 === 0) input.progress(progressMessage('linksCrawled', { pages: count(pagesCrawled), urls: count(linksChecked) }));
  };

  /** A page discovery fetched: the same bookkeeping as crawlPage, without a second request. */
  const replayPage = (url: string, record: UrlRecord, page: FetchedPage) => {
    prefetched.delete(url);
    settle(url, record, { type: 'ok', status: page.status, hops: page.hops, finalUrl: page.finalUrl, response: null });
    const finalUrl = page.finalUrl;
    if (finalUrl !== url && options.checkFragments) landedAt.set(url, finalUrl);
    if (finalUrl !== url) {
      if (records.has(finalUrl)) {
        pagesStarted--;
        return;
      }
      const landed = newRecord('page', true);
      landed.state = OK;
      landed.foundOn = null;
      records.set(finalUrl, landed);
    }
    pagesCrawled++;
    pagesReused++;
    const seen = new Set<string>();
    const fingerprint = PAGINATED.test(finalUrl) ? createHash('sha1') : null;
    for (const ref of page.references) onReference(finalUrl, page.base, ref, seen, fingerprint);
    if (fingerprint) trap.observePage(finalUrl, fingerprint.digest('hex'));
    if (options.checkFragments) anchors.set(finalUrl, new Set(page.anchors));
    slow.add(finalUrl, page.ttfbMs, page.bytes);
  };

  const checkStylesheet = async (url: string, record: UrlRecord) => {
    const outcome = await checkUrl(client, url, true, checkOptions, true);
    settle(url, record, outcome);
    await parseErrorPage(outcome);
    if (outcome.type !== 'ok' || !outcome.response) return;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of decodedBody(outcome.response)) {
      size += (chunk as Buffer).length;
      if (size > options.maxPageBytes) break;
      chunks.push(chunk as Buffer);
    }
    outcome.response.body.destroy();
    for (const ref of extractCssReferences(Buffer.concat(chunks).toString('utf8')).references) {
      const resolved = resolveReference(ref.raw, outcome.finalUrl);
      if (resolved.type === 'url') discover(resolved.url, ref.kind, false, url);
      else if (resolved.type === 'invalid') invalid.set(detach(ref.raw), { kind: ref.kind, message: resolved.message, noHost: resolved.noHost, foundOn: [url] });
    }
  };

  const visit = async (url: string, record: UrlRecord) => {
    input.signal?.throwIfAborted();
    const sameOrigin = originOf(url) === origin;
    if (sameOrigin && record.navigable && input.isAllowedByRobots(url)) {
      if (pagesStarted >= options.maxPages) {
        if (!capFinal) return void parked.push([url, record]);
        // Checked, not crawled; counted as a page left out only if it is one (an HTML page of ours that is not
        // a redirect to a page already known), so the cap message does not count 404s, files and aliases.
        const outcome = await checkUrl(client, url, false, checkOptions, true);
        settle(url, record, outcome);
        if (outcome.type === 'ok' && (outcome.contentType ?? '').includes('html') && originOf(outcome.finalUrl) === origin) {
          if (outcome.finalUrl === url || !records.has(outcome.finalUrl)) pagesOverCap++;
        }
        return parseErrorPage(outcome);
      } else if (trap.admit(url).crawl) {
        pagesStarted++;
        const page = prefetched.get(url);
        return page ? replayPage(url, record, page) : crawlPage(url, record);
      }
    }
    if (sameOrigin && record.kind === 'stylesheet' && options.checkCss) return checkStylesheet(url, record);
    const outcome = await checkUrl(client, url, false, checkOptions, sameOrigin);
    settle(url, record, outcome);
    await parseErrorPage(outcome);
  };

  /** External pages some link wants a #fragment on: fetched (GET) after the crawl, only for their ids. */
  const fetchExternalAnchors = async () => {
    for (const url of fragmentRequests.keys()) {
      if (originOf(url) === origin || anchors.has(url) || records.get(url)?.state !== OK) continue;
      scheduler.add(
        originOf(url),
        async () => {
          const outcome = await checkUrl(client, url, true, checkOptions);
          if (outcome.type !== 'ok' || !outcome.response) return;
          if (!(headerValue(outcome.response.headers, 'content-type') ?? '').includes('html')) return client.discard(outcome.response);
          const extractor = createPageExtractor(outcome.finalUrl, { css: false, collectAnchors: true, getForms: false }, () => undefined);
          await streamPageInto(outcome.response, extractor, options.maxPageBytes);
          if (extractor.anchors) anchors.set(url, extractor.anchors);
        },
        CHECK,
      );
    }
    await scheduler.idle();
  };

  discover(new URL('/', origin).href, 'page', true, null);
  for (const seed of input.seeds) {
    const resolved = resolveReference(seed.url, origin);
    if (resolved.type === 'url') discover(resolved.url, 'page', true, seed.foundOn, true);
    else if (resolved.type === 'invalid') invalid.set(seed.url, { kind: 'page', message: resolved.message, noHost: resolved.noHost, foundOn: seed.foundOn ? [seed.foundOn] : [] });
  }
  await scheduler.idle();
  // pagesStarted counts pages in flight too, and some of those turn out not to be pages (a redirect to a page
  // already known, an image behind an <a>, a 404). Only with nothing in flight is the count exact: then parked
  // pages get the freed slots, and once the cap is truly full the rest are checked, not crawled.
  while (parked.length > 0) {
    capFinal = pagesStarted >= options.maxPages;
    const batch = parked;
    parked = [];
    for (const [url, record] of batch) scheduler.add(origin, () => visit(url, record), LINKED_PAGE);
    await scheduler.idle();
  }
  if (options.checkExternalFragments && options.checkFragments) await fetchExternalAnchors();
  if (pagesReused > 0) input.progress(progressMessage('linksReused', { pages: count(pagesReused) }));

  const truncatedAt = [...trap.truncatedAt.values()];
  const truncatedText = [...trap.truncatedText.values()];
  if (pagesOverCap > 0) {
    truncatedAt.unshift(`page cap of ${options.maxPages} reached: ${pagesOverCap} more pages were checked but not crawled`);
    truncatedText.unshift(pageCapText(options.maxPages, pagesOverCap));
  }
  const fragments: { url: string; fragment: string; foundOn: string[] }[] = [];
  for (const [url, wanted] of fragmentRequests) {
    const ids = anchors.get(landedAt.get(url) ?? url);
    if (!ids) continue; // not crawled as HTML: nothing to check against
    for (const [fragment, foundOn] of wanted) if (!fragmentFound(ids, fragment)) fragments.push({ url: `${url}#${fragment}`, fragment, foundOn });
  }
  return buildSection({ records, invalid, fragments, pagesCrawled, linksChecked, truncatedAt, truncatedText, slowPages: slow, skipped });
}
