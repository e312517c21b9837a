// No false alarms: the fixed demo store has no broken links, no chains, no trap; the crawler must say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { checkStoreLinks } from '../../audits/links/index.ts';
import type { LinksSection } from '../../src/report/schema.ts';

let store: DemoStore;
let section: LinksSection;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed' });
  section = await checkStoreLinks({ storeUrl: store.url, headers: {}, allowPrivateAddresses: true, progress: () => undefined });
});

afterAll(async () => {
  await store?.close();
});

describe('links audit on the fixed demo store', () => {
  it('reports nothing broken, redirected, unverifiable or truncated', () => {
    expect(section.broken).toEqual([]);
    expect(section.redirects).toEqual([]);
    expect(section.unverified).toEqual([]);
    expect(section.truncated).toBe(false);
    expect(section.truncatedAt).toEqual([]);
  });

  it('still crawled the whole store: every product page from the sitemap', () => {
    expect(section.pagesCrawled).toBeGreaterThanOrEqual(48 + 3 + 4);
    expect(store.requests.get('/sitemap.xml')).toBe(1);
  });
});
