// Pages that cannot be measured are reported with the reason, and the audit goes on: a server that never
// answers, a 500, a bot challenge, and a Chromium killed with SIGKILL in the middle of a run (relaunched, the
// next page measured). Also: signed-request headers reach the store's own requests and no other origin's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { FAULT_PATHS } from '../../src/demo-store/defects.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { loadTimeAudit } from '../../audits/load-time/index.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import type { AuditPage } from '../../audits/types.ts';
import { loadTimeSectionSchema, type LoadTimeSection, type Message } from '../../src/report/schema.ts';
import { englishText } from '../../src/i18n/format-message.ts';

let store: DemoStore;
let pool: BrowserPool;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed' });
  pool = new BrowserPool();
});

afterAll(async () => {
  await pool?.close();
  await store?.close();
});

function run(pages: AuditPage[], progress: (m: string | Message) => void = () => undefined, headers: Record<string, string> = {}): Promise<LoadTimeSection> {
  return loadTimeAudit.run(
    { storeUrl: store.url, pages, headers, allowPrivateAddresses: true, browser: pool, artifactsDir: '/tmp', progress },
    // A short "no response" watchdog so the hanging page costs seconds, not the default 20 s.
    { ...loadTimeAudit.defaults, runs: 1, documentTimeoutMs: 4000 },
  );
}

describe('load-time audit failures', () => {
  it('reports a hanging page, a 500 and a bot challenge with their reasons, and measures the page after them', async () => {
    const started = Date.now();
    const section = await run([
      { url: `${store.url}${FAULT_PATHS.hang}`, template: 'page' },
      { url: `${store.url}${FAULT_PATHS.serverError}`, template: 'page' },
      { url: `${store.url}${FAULT_PATHS.interstitial}`, template: 'page' },
      { url: `${store.url}/`, template: 'home' },
    ]);
    expect(() => loadTimeSectionSchema.parse(section)).not.toThrow();
    const [hang, serverError, interstitial, home] = section.pages;
    expect(hang?.error).toMatch(/^timeout: the server sent no response within 4 s/);
    expect(serverError?.error).toBe('http-error: the page answered HTTP 500');
    expect(interstitial?.error).toMatch(/^interstitial: a bot challenge answered instead of the page \(HTTP 403/);
    for (const failed of [hang, serverError, interstitial]) {
      expect(failed?.score).toBeNull();
      expect(failed?.metrics.lcpMs).toBeNull();
    }
    expect(home?.error).toBeNull();
    expect(home?.score).toBeGreaterThan(0);
    // Only home counts towards the store score; the note says how the weights were renormalised.
    expect(section.weights).toEqual({ home: 1 });
    expect(section.notes?.some((n) => n.includes('no measured product, collection page'))).toBe(true);
    expect(section.notes?.some((n) => n.startsWith('3 of 4 page measurements failed'))).toBe(true);
    // The hang was abandoned by the watchdog, not by Lighthouse's minutes of protocol timeouts.
    expect(Date.now() - started).toBeLessThan(150_000);
  }, 180_000);

  it('reports the page whose run lost Chromium to SIGKILL, relaunches it, and measures the next page', async () => {
    await pool.get();
    const launchesBefore = pool.launches;
    const victim = pool.pid();
    expect(victim).toBeTypeOf('number');
    let killed = false;
    const progress = (message: string | Message): void => {
      const line = typeof message === 'string' ? message : englishText(message);
      if (killed || !line.includes('/products/')) return;
      killed = true;
      // Mid-run: Lighthouse has started the product page; give it a moment to be navigating, then kill.
      setTimeout(() => process.kill(victim as number, 'SIGKILL'), 1500);
    };
    const section = await run(
      [
        { url: `${store.url}/products/${productAt(2).handle}`, template: 'product' },
        { url: `${store.url}/collections/all`, template: 'collection' },
      ],
      progress,
    );
    expect(killed).toBe(true);
    const [crashed, next] = section.pages;
    expect(crashed?.error).toMatch(/^crash: /);
    expect(next?.error).toBeNull();
    expect(next?.score).toBeGreaterThan(0);
    expect(pool.launches).toBe(launchesBefore + 1);
    expect(pool.pid()).not.toBe(victim);
  }, 180_000);

  it("sends the signed-request headers with the store's document and subresources, and to no other origin", async () => {
    type Seen = { host: string; path: string; signature: string | undefined; authorization: string | undefined };
    const seen: Seen[] = [];
    const record = (host: string, req: http.IncomingMessage): void => {
      seen.push({ host, path: req.url ?? '', signature: req.headers['signature'] as string | undefined, authorization: req.headers['authorization'] as string | undefined });
    };
    // A third-party host (a CDN, an app) on another origin: localhost instead of 127.0.0.1.
    const other = http.createServer((req, res) => {
      record('other', req);
      res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.vendor = 1;');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://localhost:${(other.address() as AddressInfo).port}`;
    const site = http.createServer((req, res) => {
      record('store', req);
      if (req.url === '/app.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end('document.title = "signed";');
        return;
      }
      // A store redirect that leaves the store: the hop to the other origin must go without the secrets.
      if (req.url === '/away.js') {
        res.writeHead(302, { location: `${otherUrl}/landed.js` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(
        `<!doctype html><title>t</title><script src="/app.js"></script><script src="${otherUrl}/vendor.js"></script><script src="/away.js"></script><h1>Signed</h1>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    try {
      const section = await run([{ url, template: 'home' }], undefined, {
        Signature: 'sig1=:abc:',
        'Signature-Input': 'sig1=("@authority")',
        Authorization: 'Bearer staging-secret',
      });
      expect(section.pages[0]?.error).toBeNull();
      const store = seen.filter((r) => r.host === 'store' && ['/', '/app.js', '/away.js'].includes(r.path));
      expect(store.map((r) => r.path)).toEqual(expect.arrayContaining(['/', '/app.js', '/away.js']));
      expect(store.every((r) => r.signature === 'sig1=:abc:' && r.authorization === 'Bearer staging-secret')).toBe(true);
      const elsewhere = seen.filter((r) => r.host === 'other');
      expect(elsewhere.map((r) => r.path)).toEqual(expect.arrayContaining(['/vendor.js', '/landed.js']));
      expect(elsewhere.filter((r) => r.signature !== undefined || r.authorization !== undefined)).toEqual([]);
    } finally {
      for (const server of [site, other]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }
  }, 120_000);
});
