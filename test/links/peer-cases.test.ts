// The numbered cases of issue 15, each with the ground truth the peers' suites (linkinator, lychee, muffet) and
// the standards they follow (HTML fragment rules, Fetch redirects) give. Two local origins stand in for the store
// and for a site it links to; both log every request they receive, so "no extra header reaches another origin"
// is proved from what the other origin actually saw, not from our own code's bookkeeping.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlLinks, DEFAULT_LINKS_OPTIONS, type LinksOptions } from '../../audits/links/crawl-links.ts';
import { DEFAULT_CHECK_OPTIONS } from '../../audits/links/link-checker.ts';
import { linksSectionSchema, type LinksSection } from '../../src/report/schema.ts';
import { formatMessage, hasMessage } from '../../src/i18n/format-message.ts';
import { LOCALES } from '../../src/i18n/messages/define.ts';
import { runAudit } from '../../src/engine/run-audit.ts';

interface Logged {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

interface Site {
  origin: string;
  log: Logged[];
  close: () => Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, count?: number) => void;

async function serve(routes: (path: string) => Route | undefined): Promise<Site> {
  const log: Logged[] = [];
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    const route = routes(path);
    if (route) return route(req, res, count);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    log,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const html = (body: string): Route => (_req, res) =>
  void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
const redirect = (location: string, status = 302, extra: http.OutgoingHttpHeaders = {}): Route => (_req, res) =>
  void res.writeHead(status, { location, ...extra }).end();
const cookieOf = (req: http.IncomingMessage) => req.headers.cookie ?? '';

const SECRET_HEADERS = {
  Authorization: 'Bearer store-secret',
  Cookie: 'merchant_session=store-secret',
  Signature: 'sig1=:c3RvcmUtc2VjcmV0:',
  'Signature-Input': 'sig1=("@authority");keyid="store-key"',
};
const SECRET_NAMES = ['authorization', 'signature', 'signature-input'];

let store: Site;
let external: Site;
let section: LinksSection;

const FAST: Partial<LinksOptions> = { timeoutMs: 2000, check: { ...DEFAULT_CHECK_OPTIONS, retries: 3, retryBaseMs: 10 } };

async function crawl(site: Site, overrides: Partial<LinksOptions> = {}, headers: Record<string, string> = {}): Promise<LinksSection> {
  return crawlLinks(
    { storeUrl: site.origin + '/', headers, allowPrivateAddresses: true, progress: () => undefined },
    { ...DEFAULT_LINKS_OPTIONS, useSitemap: false, ...FAST, ...overrides },
  );
}

beforeAll(async () => {
  external = await serve((path) => {
    const E = external.origin;
    switch (path) {
      case '/landing':
        return html('<p id="exists">external</p>');
      case '/bounce':
        return redirect(`${store.origin}/bounced`);
      case '/in/merchant':
        return (_req, res) => void res.writeHead(999, { 'content-type': 'text/html' }).end('<html>Request denied</html>');
      case '/gate':
        return redirect(`${E}/gate-check`, 302, { 'set-cookie': 'passed=1; Path=/' });
      case '/gate-check':
        return (req, res) => (cookieOf(req).includes('passed=1') ? html('ok')(req, res) : redirect(`${E}/gate`)(req, res));
      default:
        return undefined;
    }
  });
  store = await serve((path) => {
    const S = store.origin;
    if (/^\/chain\/\d+$/.test(path)) {
      const n = Number(path.split('/')[2]);
      return redirect(n <= 1 ? '/about' : `/chain/${n - 1}`, 301);
    }
    if (/^\/collections\/all\?page=\d+$/.test(path)) {
      const n = Number(path.split('=')[1]);
      // Dawn's country selector is an <a href="#">; every listing page carries one.
      return html(`<a href="#">Country</a><a href="/products/item-${n}">Item ${n}</a>${n < 3 ? `<a href="/collections/all?page=${n + 1}">Next</a>` : ''}`);
    }
    if (/^\/products\/item-\d+$/.test(path)) return html('<p>item</p>');
    switch (path) {
      case '/':
        return (req, res) =>
          void res
            .writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'store_session=s1; Path=/; HttpOnly' })
            .end(
              `<!doctype html><html><head>
                <link rel="stylesheet" href="/disabled.css" disabled>
                <meta property="og:image" content="/images/og-missing.png">
              </head><body>
                <a href="#">Country selector</a>
                <a href="#missing-section">Jump</a>
                <a href="#present">Jump</a>
                <h2 id="present">Here</h2>
                <a href="/fragments">Fragments</a>
                <a href="/collections/all?page=1">All</a>
                <a href="/old#team">Team (moved)</a>
                <a href="/old#nobody">Nobody (moved)</a>
                <a href="/flaky-522">Flaky</a>
                <a href="/always-520">Down</a>
                <a href="/cookie-gate">Gate</a>
                <a href="/members">Members</a>
                <a href="/not-modified">304</a>
                <a href="/choices">300</a>
                <a href="/chain/15">Long chain</a>
                <a href="/chain/25">Too long chain</a>
                <a href="/bounce">Bounce</a>
                <a href="${external.origin}/landing#exists">Ext ok</a>
                <a href="${external.origin}/landing#gone">Ext gone</a>
                <a href="${external.origin}/bounce">Ext bounce</a>
                <a href="${external.origin}/in/merchant">LinkedIn</a>
                <a href="${external.origin}/gate">External gate</a>
              </body></html>`,
            );
      case '/fragments':
        return html(`
          <h2 id="café">Café</h2><h2 id="a%20b">Literal percent</h2><a name="legacy"></a>
          <a href="#caf%C3%A9">encoded</a><a href="#café">raw</a><a href="#a%20b">literal</a>
          <a href="#caf%C3%A8">wrong accent</a><a href="#legacy">name</a><a href="#TOP">top</a>
          <a href="#:~:text=Caf%C3%A9">text fragment</a><a href="/about#team:~:text=Our%20team">id plus text</a>
          <a href="#:~:text=nothing">text fragment nowhere</a>`);
      case '/about':
        return html('<h2 id="team">Team</h2>');
      case '/old':
        return redirect('/about', 301);
      case '/flaky-522':
        return (req, res, count) => (count === 1 ? void res.writeHead(522).end() : html('recovered')(req, res));
      case '/always-520':
        return (_req, res) => void res.writeHead(520).end();
      case '/cookie-gate':
        return redirect('/cookie-check', 302, { 'set-cookie': 'gate=1; Path=/' });
      case '/cookie-check':
        return (req, res) => (cookieOf(req).includes('gate=1') ? html('through')(req, res) : redirect('/cookie-gate')(req, res));
      case '/members':
        // Only a visitor who kept the home page's session cookie gets in; anyone else goes round in circles.
        return (req, res) => (cookieOf(req).includes('store_session=s1') ? html('members')(req, res) : redirect('/members')(req, res));
      case '/not-modified':
        return redirect('/about', 304);
      case '/choices':
        return (_req, res) => void res.writeHead(300, { 'content-type': 'text/html' }).end('<a href="/about">one</a>');
      case '/bounce':
        return redirect(`${external.origin}/landing`);
      case '/bounced':
        return html('back home');
      default:
        return undefined;
    }
  });
  section = await crawl(store, { checkFragments: true }, SECRET_HEADERS);
});

afterAll(async () => {
  await store?.close();
  await external?.close();
});

const S = (path: string) => store.origin + path;
const brokenUrls = () => section.broken.map((entry) => entry.url);
const gets = (site: Site, path: string) => site.log.filter((entry) => entry.path === path && entry.method === 'GET').length;

describe('issue 15 case 1: extra headers stay with the store', () => {
  it('sends the merchant headers to the store', () => {
    const home = store.log.find((entry) => entry.path === '/')!;
    expect(home.headers.authorization).toBe(SECRET_HEADERS.Authorization);
    expect(home.headers.signature).toBe(SECRET_HEADERS.Signature);
    expect(home.headers['signature-input']).toBe(SECRET_HEADERS['Signature-Input']);
    expect(home.headers.cookie).toContain('merchant_session=store-secret');
  });

  it('never sends them, nor the store cookies, to another origin: not on links, not on redirect hops', () => {
    expect(external.log.length).toBeGreaterThan(4);
    expect(external.log.some((entry) => entry.path === '/landing')).toBe(true); // reached through the store's /bounce too
    for (const entry of external.log) {
      for (const name of SECRET_NAMES) expect(entry.headers[name], `${name} on ${entry.path}`).toBeUndefined();
      expect(entry.headers.cookie ?? '', `cookie on ${entry.path}`).not.toMatch(/merchant_session|store_session|gate=/);
    }
  });

  it('drops them for the rest of a chain that left the store, even when it comes back', () => {
    const bounced = store.log.filter((entry) => entry.path === '/bounced');
    expect(bounced.length).toBeGreaterThan(0);
    for (const entry of bounced) for (const name of SECRET_NAMES) expect(entry.headers[name]).toBeUndefined();
  });
});

describe('issue 15 cases 2–6: fragments', () => {
  it('2: checks same-page fragments', () => {
    expect(brokenUrls()).toContain(S('/#missing-section'));
    expect(brokenUrls()).not.toContain(S('/#present'));
    expect(brokenUrls()).toContain(S('/fragments#caf%C3%A8')); // a page without href="#" on it
  });

  it('3: href="#" does not crawl the page again nor feed the pagination trap', () => {
    expect(gets(store, '/')).toBe(1);
    for (const n of [1, 2, 3]) expect(gets(store, `/collections/all?page=${n}`)).toBe(1);
    expect(section.truncatedAt).toEqual([]);
    expect(brokenUrls().some((url) => url.endsWith('#'))).toBe(false);
  });

  it('4: looks a redirected link’s fragment up on the page it lands on', () => {
    expect(brokenUrls()).not.toContain(S('/old#team'));
    expect(brokenUrls()).toContain(S('/old#nobody'));
  });

  it('5: text fragments are directives, not anchors', () => {
    const broken = brokenUrls().filter((url) => url.includes(':~:'));
    expect(broken).toEqual([]);
  });

  it('6: tries the fragment as written, then percent-decoded (HTML), and knows #top and <a name>', () => {
    const onFragments = section.broken.filter((entry) => entry.url.startsWith(S('/fragments#'))).map((entry) => entry.url);
    expect(onFragments).toEqual([S('/fragments#caf%C3%A8')]);
  });
});

describe('issue 15 cases 7–10: statuses, cookies, redirects, markup', () => {
  it('7: retries any 5xx with backoff: a 522 that recovers is fine, a 520 that stays is broken', () => {
    expect(brokenUrls()).not.toContain(S('/flaky-522'));
    expect(section.broken.find((entry) => entry.url === S('/always-520'))).toMatchObject({ status: 520 });
    expect(store.log.filter((entry) => entry.path === '/always-520' && entry.method === 'GET').length).toBe(1 + 3);
  });

  it('8: LinkedIn’s 999 is "could not verify", not broken', () => {
    const url = `${external.origin}/in/merchant`;
    expect(brokenUrls()).not.toContain(url);
    expect(section.unverified?.find((entry) => entry.url === url)?.reason).toMatch(/999/);
  });

  it('9: keeps cookies across redirect hops (store and other sites) and for the store across the crawl', () => {
    expect(brokenUrls()).not.toContain(S('/cookie-gate'));
    expect(brokenUrls()).not.toContain(`${external.origin}/gate`);
    expect(brokenUrls()).not.toContain(S('/members'));
  });

  it('10: a 304 and a 300 without Location are broken', () => {
    expect(section.broken.find((entry) => entry.url === S('/not-modified'))).toMatchObject({ status: 304 });
    expect(section.broken.find((entry) => entry.url === S('/choices'))).toMatchObject({ status: 300 });
  });

  it('10: a disabled stylesheet is not fetched; a relative og:image is checked', () => {
    expect(store.log.some((entry) => entry.path === '/disabled.css')).toBe(false);
    expect(brokenUrls()).toContain(S('/images/og-missing.png'));
  });

  it('10: follows 20 redirects like a browser; more is broken', () => {
    expect(brokenUrls()).not.toContain(S('/chain/15'));
    expect(section.broken.find((entry) => entry.url === S('/chain/25'))?.error).toMatch(/too many redirects/);
  });

  it('external fragments are not checked by default', () => {
    expect(brokenUrls()).not.toContain(`${external.origin}/landing#gone`);
  });
});

describe('issue 15: finding text is messages in every language', () => {
  it('gives every broken and unverifiable URL a defined links.* message that formats in en, zh-CN, he and fa', () => {
    expect(() => linksSectionSchema.parse(section)).not.toThrow();
    const texts = [...section.broken, ...(section.unverified ?? [])].map((entry) => entry.text);
    expect(texts.every(Boolean)).toBe(true);
    const ids = new Set(texts.map((text) => text!.id));
    for (const id of ['links.missingFragment', 'links.httpStatus', 'links.notModified', 'links.redirectWithoutLocation', 'links.tooManyRedirects', 'links.botRefusal']) {
      expect(ids).toContain(id);
    }
    for (const text of texts) {
      expect(hasMessage(text!.id), text!.id).toBe(true);
      for (const locale of LOCALES) {
        const rendered = formatMessage(text!, locale);
        expect(rendered, `${text!.id} in ${locale}`).not.toContain('{');
        expect(rendered).not.toBe(text!.id);
      }
    }
    expect(formatMessage(section.broken.find((entry) => entry.url === S('/always-520'))!.text!, 'en')).toMatch(/HTTP 520/);
  });
});

describe('issue 15: external fragments, on request', () => {
  it('checks #fragments on external pages with checkExternalFragments', async () => {
    const withExternal = await crawl(store, { checkFragments: true, checkExternalFragments: true });
    const urls = withExternal.broken.map((entry) => entry.url);
    expect(urls).toContain(`${external.origin}/landing#gone`);
    expect(urls).not.toContain(`${external.origin}/landing#exists`);
  });
});

describe('issue 15: the page cap counts pages, not URLs', () => {
  // 60 pages (home + /p/1…59), plus what a real store links that is not a page: 30 missing products (404
  // template pages), 20 old URLs redirecting to pages already linked, 10 PDFs behind <a href>.
  let capStore: Site;
  beforeAll(async () => {
    const links = [
      ...Array.from({ length: 59 }, (_, i) => `/p/${i + 1}`),
      ...Array.from({ length: 30 }, (_, i) => `/gone/${i}`),
      ...Array.from({ length: 20 }, (_, i) => `/alias/${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `/files/${i}.pdf`),
    ];
    const nav = links.map((href) => `<a href="${href}">x</a>`).join('');
    capStore = await serve((path) => {
      if (path === '/' || /^\/p\/\d+$/.test(path)) return html(`<h1>${path}</h1>${path === '/' ? nav : '<a href="/">home</a>'}`);
      if (/^\/gone\//.test(path)) return (_req, res) => void res.writeHead(404, { 'content-type': 'text/html' }).end('<a href="/">Continue shopping</a>');
      if (/^\/alias\//.test(path)) return redirect(`/p/${path.split('/')[2]}`, 301);
      if (/^\/files\//.test(path)) return (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
      return undefined;
    });
  });
  afterAll(async () => {
    await capStore?.close();
  });

  it('crawls a store of exactly the cap completely', async () => {
    const result = await crawl(capStore, { maxPages: 60 });
    expect(result.pagesCrawled).toBe(60);
    expect(result.truncated).toBe(false);
    for (let i = 1; i < 60; i++) expect(gets(capStore, `/p/${i}`), `/p/${i}`).toBeGreaterThanOrEqual(1);
    expect(result.broken.filter((entry) => entry.url.includes('/gone/'))).toHaveLength(30);
  });

  it('under a smaller cap, says how many pages (not 404s, files or aliases) were left uncrawled', async () => {
    const result = await crawl(capStore, { maxPages: 50 });
    expect(result.pagesCrawled).toBe(50);
    expect(result.truncatedAt).toContain('page cap of 50 reached: 10 more pages were checked but not crawled');
    expect(formatMessage(result.truncatedText![0]!, 'en')).toMatch(/Page cap of 50 reached: 10 more pages were checked/);
    expect(formatMessage(result.truncatedText![0]!, 'he')).toMatch(/10/);
    expect(result.broken.filter((entry) => entry.url.includes('/gone/'))).toHaveLength(30);
  });
});

describe('issue 15: discovery and the link crawl share the pages of a store without a sitemap', () => {
  let plain: Site;
  beforeAll(async () => {
    plain = await serve((path) => {
      const match = /^\/(?:|p\/(\d+))$/.exec(path);
      if (!match) return undefined;
      const n = Number(match[1] ?? 0);
      const next = [1, 2, 3].map((k) => `<a href="/p/${(n * 3 + k) % 40}">p</a>`).join('');
      return html(`<h1>${n}</h1>${next}<img src="/img/${n}.png"><a href="/p/${n}#reviews">Reviews</a>`);
    });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('fetches each page once across discovery and the link audit, with the same findings', async () => {
    const report = await runAudit(plain.origin, { only: ['links'], allowPrivateAddresses: true, artifactsDir: '/tmp/sa-peer-cases' });
    expect(report.pages.length).toBeGreaterThanOrEqual(40);
    expect(report.links!.pagesCrawled).toBe(41); // home and /p/0 … /p/39
    for (let n = 0; n < 40; n++) expect(gets(plain, `/p/${n}`), `/p/${n}`).toBe(1);
    expect(gets(plain, '/')).toBe(2); // discovery's reachability check of the home page, then its crawl
    // The images were never fetched by discovery; the link audit checked each (and found them missing).
    expect(report.links!.broken.filter((entry) => entry.url.includes('/img/'))).toHaveLength(40);
    expect(report.links!.broken.filter((entry) => entry.url.includes('#reviews'))).toEqual([]);
  });
});
