// The one HTTP client every plain-HTTP audit uses: keep-alive pools with a bounded number of connections per
// host, timeouts, a body-size cap, the caller's extra headers on every request (signed requests), and the SSRF
// guard in app mode. Redirects are never followed here: callers that care (the link crawler, discovery) walk
// them with followRedirects so each hop is visible and goes through the same guard.
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { assertPublicHost, publicOnlyLookup } from './address-guard.ts';
import { FetchError, toFetchError } from './fetch-errors.ts';

export interface HttpClientOptions {
  /** false in app mode: private, loopback, link-local, CGNAT, ULA and unspecified targets are refused. */
  allowPrivateAddresses: boolean;
  /** Sent with every request (e.g. Web Bot Auth signature headers). */
  headers?: Record<string, string>;
  userAgent?: string;
  /** Keep-alive connections per origin. */
  connectionsPerHost?: number;
  connectTimeoutMs?: number;
  /** Time to response headers. */
  headersTimeoutMs?: number;
  /** Longest silence between two body chunks. */
  bodyTimeoutMs?: number;
  /** Default cap for readBody. */
  maxBodyBytes?: number;
  /** Addresses treated as public although in a private range (tests; a deliberately internal store). */
  trustedAddresses?: string[];
}

export interface RequestInit {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Milliseconds from sending the request to receiving the response headers. */
  ttfbMs: number;
  body: Dispatcher.ResponseData['body'];
}

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; StorefrontAuditor/0.1; +https://github.com/storefront-auditor)';

export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class HttpClient {
  readonly options: Required<Omit<HttpClientOptions, 'headers' | 'userAgent' | 'trustedAddresses'>> & { headers: Record<string, string>; userAgent: string };
  readonly #agent: Agent;
  readonly #trusted: ReadonlySet<string>;

  constructor(options: HttpClientOptions) {
    this.options = {
      allowPrivateAddresses: options.allowPrivateAddresses,
      headers: options.headers ?? {},
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      connectionsPerHost: options.connectionsPerHost ?? 16,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 20_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 20_000,
      maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    };
    this.#trusted = new Set(options.trustedAddresses ?? []);
    this.#agent = new Agent({
      connections: this.options.connectionsPerHost,
      keepAliveTimeout: 10_000,
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
      connect: {
        timeout: this.options.connectTimeoutMs,
        ...(this.options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup(this.#trusted) }),
      },
    });
  }

  /** One request, no redirect following. Throws FetchError; the caller must consume or dump the body. */
  async request(url: string, init: RequestInit = {}): Promise<HttpResponse> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchError('invalid-url', url, `invalid URL: ${url}`, 'ERR_INVALID_URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new FetchError('invalid-url', url, `not an http(s) URL: ${url}`, 'ERR_INVALID_URL');
    }
    const started = performance.now();
    try {
      if (!this.options.allowPrivateAddresses) assertPublicHost(parsed.hostname, this.#trusted);
      const response = await this.#agent.request({
        origin: parsed.origin,
        path: parsed.pathname + parsed.search,
        method: init.method ?? 'GET',
        headers: { 'user-agent': this.options.userAgent, accept: '*/*', ...this.options.headers, ...init.headers },
        signal: init.signal,
        // undici closes the connection after every HEAD by default (for servers that wrongly send a body);
        // a link checker sends thousands of HEADs, so keep the connection like browsers do.
        reset: false,
      });
      return { url: parsed.href, status: response.statusCode, headers: response.headers, ttfbMs: performance.now() - started, body: response.body };
    } catch (error) {
      throw toFetchError(error, parsed.href);
    }
  }

  /** Discards a body without reading it into memory; closes the connection for large leftovers. */
  async discard(response: HttpResponse): Promise<void> {
    try {
      await response.body.dump({ limit: 64 * 1024 });
    } catch {
      // A body we do not want may fail to drain; the socket is simply not reused.
    }
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

/** The body as a stream, decompressed when the server compressed it anyway. */
export function decodedBody(response: HttpResponse): Readable {
  const encoding = headerValue(response.headers, 'content-encoding')?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.body.pipe(createGunzip());
  if (encoding === 'br') return response.body.pipe(createBrotliDecompress());
  if (encoding === 'deflate') return response.body.pipe(createInflate());
  return response.body;
}

/**
 * Reads a body up to maxBytes. With onTooLarge 'throw' a bigger body is a FetchError('too-large'); with
 * 'truncate' the first maxBytes are returned and `truncated` says so.
 */
export async function readBody(
  response: HttpResponse,
  maxBytes: number,
  onTooLarge: 'throw' | 'truncate' = 'throw',
): Promise<{ buffer: Buffer; truncated: boolean }> {
  const declared = Number(headerValue(response.headers, 'content-length'));
  if (onTooLarge === 'throw' && Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw new FetchError('too-large', response.url, `response too large: ${declared} bytes > cap ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decodedBody(response);
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      if (total + buffer.length > maxBytes) {
        stream.destroy();
        response.body.destroy();
        if (onTooLarge === 'throw') throw new FetchError('too-large', response.url, `response too large: more than cap ${maxBytes} bytes`);
        chunks.push(buffer.subarray(0, maxBytes - total));
        return { buffer: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(buffer);
      total += buffer.length;
    }
  } catch (error) {
    throw toFetchError(error, response.url);
  }
  return { buffer: Buffer.concat(chunks), truncated: false };
}

export interface RedirectHop {
  url: string;
  status: number;
}

export interface FollowedResponse {
  /** Every hop that answered with a redirect, in order; empty when the first answer was final. */
  hops: RedirectHop[];
  response: HttpResponse;
}

/** Follows up to maxRedirects 3xx answers, each hop through the same client and therefore the same guard. */
export async function followRedirects(client: HttpClient, url: string, init: RequestInit = {}, maxRedirects = 10): Promise<FollowedResponse> {
  const hops: RedirectHop[] = [];
  let current = url;
  for (;;) {
    const response = await client.request(current, init);
    const location = headerValue(response.headers, 'location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return { hops, response };
    await client.discard(response);
    hops.push({ url: current, status: response.status });
    if (hops.length > maxRedirects) throw new FetchError('other', url, `too many redirects (more than ${maxRedirects})`, 'ERR_TOO_MANY_REDIRECTS');
    try {
      current = new URL(location, current).href;
    } catch {
      throw new FetchError('invalid-url', current, `redirect to an invalid URL: ${location}`, 'ERR_INVALID_URL');
    }
  }
}
