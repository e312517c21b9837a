// Edge cases on a demo store whose pages carry extra markup (through the store's embed hook): skipped schemes,
// a POST-only form, a malformed URL, a bot wall, a 500, a hanging page, a refused port, a missing #fragment,
// and app mode's refusal of private addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { FAULT_PATHS } from '../../src/demo-store/defects.ts';
import { checkStoreLinks, type LinksOptions } from '../../audits/links/index.ts';
import { DEFAULT_CHECK_OPTIONS } from '../../audits/links/link-checker.ts';
import type { LinksSection } from '../../src/report/schema.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { LOCALES } from '../../src/i18n/messages/define.ts';

const EMBED = `
<a href="mailto:help@northwind.example">Email us</a>
<a href="tel:+15555550100">Call us</a>
<a href="javascript:void(0)">Open chat</a>
<a href="http://[::1">Broken markup</a>
<form method="post" action="/pages/post-only-endpoint"><button>Subscribe</button></form>
<a href="${FAULT_PATHS.interstitial}">Members</a>
<a href="${FAULT_PATHS.serverError}">Status</a>
<a href="${FAULT_PATHS.hang}">Slow page</a>
<a href="http://127.0.0.2:9/">Intranet</a>
<a href="/pages/about#team">Our team</a>
<a href="/pages/about#MainContent">About</a>`;

const FAST: Partial<LinksOptions> = { timeoutMs: 1500, check: { ...DEFAULT_CHECK_OPTIONS, retries: 1, retryBaseMs: 20 } };

let store: DemoStore;
let section: LinksSection;
const context = () => ({ storeUrl: store.url, headers: {}, progress: () => undefined });

beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective', embedPlugin: true, embedHtml: EMBED });
  section = await checkStoreLinks({ ...context(), allowPrivateAddresses: true }, { ...FAST, checkFragments: true });
});

afterAll(async () => {
  await store?.close();
});

const abs = (path: string) => new URL(path, store.url).href;
const find = (url: string) => section.broken.find((b) => b.url === url);

describe('links audit edge cases', () => {
  it('skips mailto:, tel: and javascript: links without reporting them', () => {
    expect(section.skipped).toBeGreaterThanOrEqual(3);
    const everything = JSON.stringify(section);
    expect(everything).not.toMatch(/mailto:|tel:\+|javascript:/);
  });

  it('does not treat a POST-only form action as a link', () => {
    expect(store.requests.get('/pages/post-only-endpoint')).toBeUndefined();
    expect(everyUrl()).not.toContain(abs('/pages/post-only-endpoint'));
  });

  it('reports a malformed URL with the pages it is on, and carries on', () => {
    const entry = find('http://[::1');
    expect(entry).toMatchObject({ status: null, kind: 'page' });
    expect(entry!.error).toMatch(/malformed URL/);
    expect(entry!.foundOn).toContain(abs('/'));
    expect(section.pagesCrawled).toBeGreaterThan(48);
  });

  it('treats a bot challenge as "could not verify", not broken', () => {
    expect(find(abs(FAULT_PATHS.interstitial))).toBeUndefined();
    const entry = section.unverified!.find((u) => u.url === abs(FAULT_PATHS.interstitial));
    expect(entry?.reason).toMatch(/bot protection: Cloudflare/);
    expect(entry?.foundOn).toContain(abs('/'));
  });

  it('reports a persistent 500 after retrying, a hanging page as a timeout and a closed port as refused', () => {
    expect(find(abs(FAULT_PATHS.serverError))).toMatchObject({ status: 500, error: null });
    expect(store.requests.get(FAULT_PATHS.serverError)).toBe(2); // first try + one retry
    expect(find(abs(FAULT_PATHS.hang))).toMatchObject({ status: null, error: expect.stringMatching(/^timed out/) });
    expect(find('http://127.0.0.2:9/')).toMatchObject({ status: null, error: expect.stringMatching(/^connection refused/) });
  });

  it('says what went wrong on the network as a message per kind, in every language, with no English detail inside', () => {
    const texts = {
      malformed: find('http://[::1')!.text!,
      timeout: find(abs(FAULT_PATHS.hang))!.text!,
      refused: find('http://127.0.0.2:9/')!.text!,
    };
    expect(texts.malformed).toEqual({ id: 'links.malformedRaw', params: { raw: { kind: 'code', value: 'http://[::1' } } });
    expect(texts.timeout).toMatchObject({ id: 'links.fetchTimeout', params: { host: { kind: 'url', value: new URL(store.url).host } } });
    expect(texts.refused).toMatchObject({ id: 'links.fetchRefused', params: { host: { kind: 'url', value: '127.0.0.2:9' } } });
    for (const text of Object.values(texts)) {
      const english = formatMessage(text, 'en');
      // The old wording carried the library's English ("connection refused: connect ECONNREFUSED …").
      expect(english).not.toMatch(/connect ECONNREFUSED|Headers Timeout|timed out:/);
      for (const locale of LOCALES) {
        const rendered = formatMessage(text, locale);
        expect(rendered, `${text.id} in ${locale}`).not.toMatch(/[{}]|^links\./);
        if (locale !== 'en') expect(rendered, `${text.id} in ${locale}`).not.toBe(english);
      }
    }
  });

  it('checks #fragments on store pages when asked', () => {
    expect(find(abs('/pages/about#team'))).toMatchObject({ status: 200, kind: 'page', error: expect.stringMatching(/fragment/) });
    expect(find(abs('/pages/about#MainContent'))).toBeUndefined();
  });

  it('in app mode refuses the loopback store without sending it a single request', async () => {
    const before = totalRequests();
    const app = await checkStoreLinks({ ...context(), allowPrivateAddresses: false }, FAST);
    expect(totalRequests()).toBe(before);
    expect(app.pagesCrawled).toBe(0);
    expect(app.broken.find((b) => b.url === abs('/'))?.error).toMatch(/127\.0\.0\.1 is a loopback address, not allowed in app mode/);
    expect(app.broken.find((b) => b.url === abs('/'))?.text).toMatchObject({ id: 'links.fetchBlocked' });
  });

  it('in app mode refuses private targets linked from a (trusted) store, and respects the page cap', async () => {
    const app = await checkStoreLinks({ ...context(), allowPrivateAddresses: false }, { ...FAST, trustedAddresses: ['127.0.0.1'], maxPages: 5, useSitemap: false });
    expect(app.broken.find((b) => b.url === 'http://127.0.0.2:9/')?.error).toMatch(/127\.0\.0\.2 is a loopback address, not allowed in app mode/);
    expect(app.pagesCrawled).toBeLessThanOrEqual(5);
    expect(app.truncated).toBe(true);
    expect(app.truncatedAt![0]).toMatch(/^page cap of 5 reached: \d+ more pages were checked but not crawled/);
  });
});

function everyUrl(): string[] {
  return [...section.broken.map((b) => b.url), ...section.redirects.map((r) => r.url), ...(section.unverified ?? []).map((u) => u.url)];
}

function totalRequests(): number {
  let total = 0;
  for (const count of store.requests.values()) total += count;
  return total;
}
