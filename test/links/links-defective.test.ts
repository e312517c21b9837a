// The link crawler against the defective demo store: every planted link defect (SPEC D7–D15) found with its
// source pages, nothing else reported, the transient 503 recovered, the pagination trap bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { linksAudit } from '../../audits/links/index.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { linksSectionSchema, type LinksSection } from '../../src/report/schema.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { LOCALES } from '../../src/i18n/messages/define.ts';

let store: DemoStore;
let section: LinksSection;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective' });
  store.resetTransient();
  store.requests.clear();
  const browser = new BrowserPool(); // never launched: the links audit is plain HTTP
  section = await linksAudit.run(
    { storeUrl: store.url, pages: [], headers: {}, allowPrivateAddresses: true, browser, artifactsDir: '/tmp', progress: () => undefined },
    linksAudit.defaults,
  );
});

afterAll(async () => {
  await store?.close();
});

const abs = (path: string) => new URL(path, store.url).href;
const brokenEntry = (url: string) => section.broken.find((b) => b.url === url);

describe('links audit on the defective demo store', () => {
  it('returns a section that matches the report schema', () => {
    expect(() => linksSectionSchema.parse(section)).not.toThrow();
    expect(section.pagesCrawled).toBeGreaterThan(48);
    expect(section.linksChecked).toBeGreaterThan(section.pagesCrawled);
  });

  it.each([
    ['D7 broken internal link', DEFECT_PATHS.brokenProductLink, 'page', '/'],
    ['D8 broken image', DEFECT_PATHS.brokenImage, 'image', '/'],
    ['D9 broken srcset candidate', DEFECT_PATHS.brokenSrcsetCandidate, 'image', '/'],
    ['D10 broken stylesheet', `${DEFECT_PATHS.brokenStylesheet}?v=1`, 'stylesheet', DEFECT_PATHS.brokenStylesheetFoundOn],
    ['D12 sitemap entry', DEFECT_PATHS.sitemapBrokenEntry, 'page', DEFECT_PATHS.sitemapWithBrokenEntry],
  ])('finds %s with its kind and source page', (_name, path, kind, foundOn) => {
    const entry = brokenEntry(abs(path));
    expect(entry, `${path} not reported`).toBeDefined();
    expect(entry!.status).toBe(404);
    expect(entry!.kind).toBe(kind);
    expect(entry!.foundOn).toContain(abs(foundOn));
  });

  it('D11 finds the broken external link, checked but never crawled', () => {
    const entry = brokenEntry(new URL(DEFECT_PATHS.externalBrokenLink, store.externalUrl).href);
    expect(entry).toMatchObject({ status: 404, kind: 'page' });
    expect(entry!.foundOn).toEqual([abs(DEFECT_PATHS.externalBrokenLinkFoundOn)]);
    // The external site's home page is linked too: one check, and none of its links followed.
    expect(store.requests.get('external:/')).toBe(1);
  });

  it('D13 reports the 2-hop redirect chain with its final status and source pages', () => {
    const [first, second, last] = DEFECT_PATHS.redirectChain.map(abs);
    const chain = section.redirects.find((r) => r.url === first);
    expect(chain).toMatchObject({ chain: [first, second, last], finalUrl: last, finalStatus: 200 });
    expect(chain!.foundOn).toContain(abs('/'));
    expect(section.redirects).toHaveLength(1);
  });

  it('D14 does not report the transient 503: it was retried after Retry-After and recovered', () => {
    expect(brokenEntry(abs(DEFECT_PATHS.transient503))).toBeUndefined();
    expect(store.requests.get(DEFECT_PATHS.transient503)).toBeGreaterThanOrEqual(2);
  });

  it('D15 bounds the pagination trap and says where it truncated', () => {
    expect(section.truncated).toBe(true);
    expect(section.truncatedAt!.join('\n')).toMatch(/\/collections\/everything\?page=N: endless pagination/);
    // The same cut as a message (no English detail inside), one per truncatedAt line, in the same order.
    expect(section.truncatedText).toHaveLength(section.truncatedAt!.length);
    const trap = section.truncatedText!.find((text) => text.id === 'links.trapEndlessPagination');
    expect(trap?.params).toMatchObject({ family: { kind: 'code', value: '/collections/everything?page=N' }, page: expect.any(Number) });
    for (const locale of LOCALES) expect(formatMessage(trap!, locale), locale).toContain('/collections/everything?page=N');
    expect(formatMessage(trap!, 'fa')).not.toMatch(/endless|pagination|[{}]/);
    // 48 products are 4 real pages; the crawl stops a couple of repeats later, not at some huge cap.
    expect(store.requests.get(DEFECT_PATHS.paginationTrap)).toBeLessThanOrEqual(10);
  });

  it('D5 lists the slow collection among the slow pages with its TTFB', () => {
    const slow = section.slowPages.find((p) => p.url === abs(DEFECT_PATHS.slowCollection));
    expect(slow?.ttfbMs).toBeGreaterThanOrEqual(1150);
    expect(slow?.bytes).toBeGreaterThan(0);
  });

  it('checks each URL once, however many pages link to it', () => {
    // theme.js is on every page: one HEAD for the whole run.
    expect(store.requests.get(DEFECT_PATHS.themeScript)).toBe(1);
    expect(store.requests.get(DEFECT_PATHS.brokenImage)).toBe(2); // HEAD 404, confirmed once by GET
  });

  it('has precision and recall 1.0 against the planted set', () => {
    const planted = new Set(
      [
        DEFECT_PATHS.brokenProductLink,
        DEFECT_PATHS.brokenImage,
        DEFECT_PATHS.brokenSrcsetCandidate,
        `${DEFECT_PATHS.brokenStylesheet}?v=1`,
        DEFECT_PATHS.sitemapBrokenEntry,
      ]
        .map(abs)
        .concat(new URL(DEFECT_PATHS.externalBrokenLink, store.externalUrl).href),
    );
    // The store's 404 template carries <link rel=canonical> to the requested path without its query, so the
    // 404 page served for legacy-theme.css?v=1 links legacy-theme.css: a real broken reference, found only on
    // that error page (linkinator reports it too). It is a consequence of D10, not a false alarm.
    const consequence = abs(DEFECT_PATHS.brokenStylesheet);
    const reported = section.broken.map((b) => b.url).filter((url) => url !== consequence);
    const consequenceEntry = brokenEntry(consequence);
    if (consequenceEntry) expect(consequenceEntry.foundOn).toEqual([abs(`${DEFECT_PATHS.brokenStylesheet}?v=1`)]);
    const truePositives = reported.filter((url) => planted.has(url)).length;
    const precision = truePositives / reported.length;
    const recall = truePositives / planted.size;
    expect({ precision, recall, reported }).toEqual({ precision: 1, recall: 1, reported: expect.any(Array) });
    expect(section.unverified).toEqual([]);
  });
});
