// Sitemap reading details the demo store does not exercise: .xml.gz files, the per-file size cap, image:loc
// entries, nested indexes, and broken child sitemaps. A small local server stands in for a store's CDN.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../audits/shared/http-fetcher.ts';
import { readSitemaps } from '../../audits/shared/sitemap-reader.ts';

let server: http.Server;
let base: string;
let client: HttpClient;

const index = (children: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children.map((c) => `<sitemap><loc>${c}</loc></sitemap>`).join('')}</sitemapindex>`;
const urlset = (urls: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">${urls
    .map((u) => `<url><loc>${u}</loc><image:image><image:loc>${u}.jpg</image:loc></image:image></url>`)
    .join('')}</urlset>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const b = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const xml = (body: string | Buffer) => res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    switch (req.url) {
      case '/sitemap.xml':
        return xml(index([`${b}/sitemap_products_1.xml.gz`, `${b}/nested.xml`, `${b}/missing.xml`, `${b}/huge.xml`]));
      case '/sitemap_products_1.xml.gz':
        return xml(gzipSync(urlset([`${b}/products/a`, `${b}/products/b?x=1&amp;y=2`])));
      case '/nested.xml':
        return xml(index([`${b}/sitemap_pages_1.xml`, `${b}/sitemap.xml`]));
      case '/sitemap_pages_1.xml':
        return xml(urlset([`${b}/pages/about`, `${b}/products/a`]));
      case '/huge.xml':
        return xml(urlset(Array.from({ length: 3000 }, (_, i) => `${b}/products/p${i}`)));
      case '/bomb.xml.gz':
        return xml(gzipSync(urlset(Array.from({ length: 50_000 }, () => `${b}/products/q`)))); // ~5 MB → a few kB
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new HttpClient({ allowPrivateAddresses: true });
});

afterAll(async () => {
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('readSitemaps', () => {
  it('follows the index into gzip and nested children, ignores image:loc, dedupes, and notes failures', async () => {
    const result = await readSitemaps(client, [`${base}/sitemap.xml`], { maxBytes: 50_000 });
    const urls = result.entries.map((e) => e.url.slice(base.length));
    expect(urls).toEqual(['/products/a', '/products/b?x=1&y=2', '/pages/about']);
    expect(result.entries[0]!.sitemap).toBe(`${base}/sitemap_products_1.xml.gz`);
    expect(result.entries[2]!.sitemap).toBe(`${base}/sitemap_pages_1.xml`);
    expect(result.failures).toContainEqual({ url: `${base}/missing.xml`, status: 404, error: null });
    // huge.xml is ~200 kB, over the 50 kB cap: left out, noted, and the result marked truncated.
    expect(result.failures.find((f) => f.url === `${base}/huge.xml`)?.error).toMatch(/too large/);
    expect(result.truncated).toBe(true);
  });

  it('caps gzip sitemaps on their decompressed size (no gzip bombs)', async () => {
    const result = await readSitemaps(client, [`${base}/bomb.xml.gz`], { maxBytes: 100_000 });
    expect(result.entries).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/larger than 100000 bytes once decompressed/);
    expect(result.truncated).toBe(true);
  });

  it('caps the number of URLs and of sitemap files', async () => {
    const urls = await readSitemaps(client, [`${base}/sitemap.xml`], { maxUrls: 2 });
    expect(urls.entries).toHaveLength(2);
    expect(urls.truncated).toBe(true);
    const files = await readSitemaps(client, [`${base}/sitemap.xml`], { maxSitemaps: 1 });
    expect(files.sitemapUrls).toEqual([`${base}/sitemap.xml`]);
    expect(files.notes.join('\n')).toMatch(/sitemap cap of 1 files reached/);
  });
});
