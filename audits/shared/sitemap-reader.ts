// Reads a sitemap index and its child sitemaps (plain or gzip), per sitemaps.org: <sitemapindex><sitemap><loc>
// and <urlset><url><loc>. Caps the bytes read per sitemap, the number of sitemaps and the number of URLs, and
// says what it left out instead of failing. Nothing here is Shopify-specific; Shopify's layout
// (/sitemap.xml → /sitemap_products_1.xml?from=..&to=.. etc.) is just one index with children.
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { followRedirects, readBody, type HttpClient } from './http-fetcher.ts';
import { FetchError, toFetchError } from './fetch-errors.ts';

export interface SitemapEntry {
  url: string;
  /** The sitemap file that lists it. */
  sitemap: string;
}

export interface SitemapReadOptions {
  /** Bytes per sitemap file, after decompression (sitemaps.org allows 50 MB). */
  maxBytes?: number;
  maxSitemaps?: number;
  maxUrls?: number;
  signal?: AbortSignal;
}

export interface SitemapReadResult {
  entries: SitemapEntry[];
  /** Every sitemap file read successfully, index first. */
  sitemapUrls: string[];
  /** A cap was reached: some sitemaps or URLs were not read. */
  truncated: boolean;
  notes: string[];
  /** Sitemap files that could not be read: HTTP status or network error. */
  failures: { url: string; status: number | null; error: string | null }[];
}

function parseSitemapXml(xml: string): { children: string[]; urls: string[] } {
  const children: string[] = [];
  const urls: string[] = [];
  // Only a <loc> directly inside <url> or <sitemap> counts: <image:loc> and <video:content_loc> inside a <url>
  // (Shopify lists product images that way) are not pages.
  const stack: string[] = [];
  let inLoc = false;
  let text = '';
  const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
  const parser = new Parser(
    {
      onopentag(name) {
        const parent = stack[stack.length - 1];
        stack.push(name.toLowerCase());
        if (local(name) === 'loc' && parent && (local(parent) === 'url' || local(parent) === 'sitemap')) {
          inLoc = true;
          text = '';
        }
      },
      ontext(data) {
        if (inLoc) text += data;
      },
      onclosetag() {
        stack.pop();
        if (inLoc) {
          inLoc = false;
          const loc = text.trim();
          const parent = stack[stack.length - 1] ?? '';
          if (loc) (local(parent) === 'sitemap' ? children : urls).push(loc);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { children, urls };
}

async function fetchSitemap(client: HttpClient, url: string, maxBytes: number, signal?: AbortSignal): Promise<{ status: number; xml: string | null }> {
  const { response } = await followRedirects(client, url, { signal, headers: { accept: 'application/xml,text/xml,*/*' } });
  if (response.status !== 200) {
    await client.discard(response);
    return { status: response.status, xml: null };
  }
  const { buffer } = await readBody(response, maxBytes, 'throw');
  // .xml.gz files arrive as gzip bytes without a content-encoding header: sniff the magic number.
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) {
    try {
      return { status: 200, xml: gunzipSync(buffer, { maxOutputLength: maxBytes }).toString('utf8') };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new FetchError('too-large', url, `sitemap larger than ${maxBytes} bytes once decompressed`);
      throw new FetchError('other', url, `sitemap is not valid gzip: ${(error as Error).message}`);
    }
  }
  return { status: 200, xml: buffer.toString('utf8') };
}

/** Reads the given sitemaps (usually robots.txt's Sitemap: lines, or /sitemap.xml) breadth first. */
export async function readSitemaps(client: HttpClient, startUrls: string[], options: SitemapReadOptions = {}): Promise<SitemapReadResult> {
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const maxSitemaps = options.maxSitemaps ?? 200;
  const maxUrls = options.maxUrls ?? 100_000;
  const result: SitemapReadResult = { entries: [], sitemapUrls: [], truncated: false, notes: [], failures: [] };
  const queue = [...new Set(startUrls)];
  const seenSitemaps = new Set(queue);
  const seenUrls = new Set<string>();
  for (let index = 0; index < queue.length; index++) {
    options.signal?.throwIfAborted();
    const sitemapUrl = queue[index]!;
    if (result.sitemapUrls.length >= maxSitemaps) {
      result.truncated = true;
      result.notes.push(`sitemap cap of ${maxSitemaps} files reached; ${queue.length - index} not read`);
      break;
    }
    let fetched: { status: number; xml: string | null };
    try {
      fetched = await fetchSitemap(client, sitemapUrl, maxBytes, options.signal);
    } catch (error) {
      const failure = toFetchError(error, sitemapUrl);
      result.failures.push({ url: sitemapUrl, status: null, error: failure.message });
      result.notes.push(`sitemap ${sitemapUrl} not read: ${failure.message}`);
      if (failure.kind === 'too-large') result.truncated = true;
      continue;
    }
    if (fetched.xml === null) {
      result.failures.push({ url: sitemapUrl, status: fetched.status, error: null });
      continue;
    }
    result.sitemapUrls.push(sitemapUrl);
    const { children, urls } = parseSitemapXml(fetched.xml);
    for (const child of children) {
      const absolute = resolve(child, sitemapUrl);
      if (absolute && !seenSitemaps.has(absolute)) {
        seenSitemaps.add(absolute);
        queue.push(absolute);
      }
    }
    for (const url of urls) {
      const absolute = resolve(url, sitemapUrl) ?? url;
      if (seenUrls.has(absolute)) continue;
      if (result.entries.length >= maxUrls) {
        if (!result.truncated) result.notes.push(`sitemap URL cap of ${maxUrls} reached`);
        result.truncated = true;
        break;
      }
      seenUrls.add(absolute);
      result.entries.push({ url: absolute, sitemap: sitemapUrl });
    }
  }
  return result;
}

function resolve(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}
