// The one HTTP client every plain-HTTP audit uses: keep-alive pools with a bounded number of connections per
// host, timeouts, a body-size cap, the caller's extra headers (signed requests, Authorization, Cookie) on
// requests to the store's own origins only, a browser-like cookie jar, and the SSRF guard in app mode.
// Redirects are never followed here: callers that care (the link crawler, discovery) walk them with
// followRedirects so each hop is visible and goes through the same guard.
import { createRequire } from 'node:module';
import type { CookieJar } from 'tough-cookie';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { assertPublicHost, publicOnlyLookup } from './address-guard.ts';
import { FetchError, toFetchError } from './fetch-errors.ts';

export interface HttpClientOptions {
  /** false in app mode: private, loopback, link-local, CGNAT, ULA and unspecified targets are refused. */
  allowPrivateAddresses: boolean;
  /**
   * Extra request headers (Web Bot Auth `Signature`/`Signature-Input`, `Authorization`, `Cookie`). They go only to
   * `headerOrigins` when that is set; a redirect chain that leaves those origins drops them for the rest of the
   * chain, as the Fetch standard drops `Authorization` on a cross-origin redirect. A signature handed to a site
   * the store links to could be replayed against the store.
   */
  headers?: Record<string, string>;
  /** The store's own origins (e.g. `https://shop.example.com`). Unset: `headers` go everywhere (the old behaviour). */
  headerOrigins?: string[];
  /**
   * Keep cookies the own origins (headerOrigins, or every origin when unset) set, and send them back, as a browser
   * would. Default true. Other origins' cookies live only for one redirect chain (see followRedirects).
   */
  cookies?: boolean;
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
  /** false: leave out the client's extra headers (followRedirects sets it once a chain has left the own origins). */
  extraHeaders?: boolean;
  /** Cookie jar for this request; default: the client's jar for its own origins, none elsewhere. */
  jar?: CookieJar | null;
}

/** What callers do with a body: read it as it streams, drain it, or drop it. */
export interface ResponseBody extends AsyncIterable<Buffer> {
  dump(options?: { limit?: number }): Promise<unknown>;
  destroy(): unknown;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Milliseconds from sending the request to receiving the response headers. */
  ttfbMs: number;
  body: Dispatcher.ResponseData['body'] | typeof NO_BODY;
}

/**
 * The body of every HEAD answer: there is none (RFC 9110 §9.3.2), so none is built. A link check sends
 * thousands of HEADs; undici's request API gives each a Readable stream, a promise chain and a drain, which
 * were a fifth of the crawl's HTTP cost for nothing (test/bench/links.ts, the floor).
 */
export const NO_BODY: ResponseBody = Object.freeze({
  dump: () => Promise.resolve(),
  destroy: () => undefined,
  [Symbol.asyncIterator]: (): AsyncIterator<Buffer> => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
});

// tough-cookie is loaded on the first cookie a store sets, not at start-up (most crawls never need it).
const load = createRequire(import.meta.url);
// undici's Agent from its own module, not the package index: the index also loads fetch, WebSocket,
// EventSource, the cache and the mocks (109 modules, about 3× the time of the Agent's 22), all before an
// audit's first request, which has 0.5 s from process start (docs/cli.md, start-up). Same class, same
// diagnostics channels; undici 8 has no `exports` map, so this path is part of its published files.
// The index also puts the request API on Dispatcher's prototype; the one method used here is put there the same
// way (the same function from the same module, so loading the index later changes nothing).
const Agent = load('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
(load('undici/lib/dispatcher/dispatcher.js') as { prototype: { request?: unknown } }).prototype.request ??= load('undici/lib/api/api-request.js');
let CookieJarClass: typeof CookieJar | null = null;
function newJar(): CookieJar {
  CookieJarClass ??= (load('tough-cookie') as typeof import('tough-cookie')).CookieJar;
  return new CookieJarClass();
}

function storeCookies(jar: CookieJar, setCookie: string | string[], url: string): void {
  for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) jar.setCookieSync(line, url, { ignoreError: true });
}

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; StorefrontAuditor/0.1; +https://github.com/storefront-auditor)';

export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class HttpClient {
  readonly options: Required<Omit<HttpClientOptions, 'headers' | 'userAgent' | 'trustedAddresses' | 'headerOrigins' | 'cookies'>> & {
    headers: Record<string, string>;
    userAgent: string;
  };
  readonly #agent: UndiciAgent;
  readonly #trusted: ReadonlySet<string>;
  readonly #ownOrigins: Set<string> | null;
  /** Whether cookies are kept at all (HttpClientOptions.cookies). */
  readonly cookiesEnabled: boolean;
  #jar: CookieJar | null = null;

  constructor(options: HttpClientOptions) {
    this.options = {
      allowPrivateAddresses: options.allowPrivateAddresses,
      // Lower-cased once, so a caller's `Cookie` and the jar's `cookie` merge instead of going out twice.
      headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      connectionsPerHost: options.connectionsPerHost ?? 16,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 20_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 20_000,
      maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    };
    this.#trusted = new Set(options.trustedAddresses ?? []);
    this.#ownOrigins = options.headerOrigins ? new Set(options.headerOrigins.map((origin) => new URL(origin).origin)) : null;
    this.cookiesEnabled = options.cookies !== false;
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

  /** The cookies the own origins set so far; null until the first one (or when cookies are off). */
  get jar(): CookieJar | null {
    return this.#jar;
  }

  /** Whether an origin is one of the store's own (all are when headerOrigins is unset). */
  isOwnOrigin(origin: string): boolean {
    return this.#ownOrigins === null || this.#ownOrigins.has(origin);
  }

  /** Adds an origin the store answers on (e.g. its www. host after the home page redirected there). */
  addOwnOrigin(origin: string): void {
    this.#ownOrigins?.add(new URL(origin).origin);
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
      const own = this.isOwnOrigin(parsed.origin);
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: '*/*' };
      if (own && init.extraHeaders !== false) Object.assign(headers, this.options.headers);
      Object.assign(headers, init.headers);
      const jar = init.jar !== undefined ? init.jar : own ? this.#jar : null;
      const cookie = jar ? jar.getCookieStringSync(parsed.href) : '';
      if (cookie) headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie;
      const options = {
        origin: parsed.origin,
        path: parsed.pathname + parsed.search,
        method: init.method ?? 'GET',
        headers,
        // undici closes the connection after every HEAD by default (for servers that wrongly send a body);
        // a link checker sends thousands of HEADs, so keep the connection like browsers do.
        reset: false,
      };
      const response = options.method === 'HEAD' ? await this.#head(options, init.signal) : await this.#agent.request({ ...options, signal: init.signal });
      const setCookie = response.headers['set-cookie'];
      if (setCookie) {
        const target = init.jar !== undefined ? init.jar : own && this.cookiesEnabled ? (this.#jar ??= newJar()) : null;
        if (target) storeCookies(target, setCookie, parsed.href);
      }
      return { url: parsed.href, status: response.statusCode, headers: response.headers, ttfbMs: performance.now() - started, body: response.body };
    } catch (error) {
      throw toFetchError(error, parsed.href);
    }
  }

  /** A HEAD through undici's dispatch API: status and headers, no body stream (see NO_BODY). */
  #head(options: Dispatcher.DispatchOptions, signal: AbortSignal | undefined): Promise<{ statusCode: number; headers: HttpResponse['headers']; body: typeof NO_BODY }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let answer: { statusCode: number; headers: HttpResponse['headers']; body: typeof NO_BODY } | null = null;
      let onAbort: (() => void) | null = null;
      const settle = (error: Error | null) => {
        if (onAbort) signal!.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else if (answer) resolve(answer);
        else reject(new Error('HEAD ended without a response'));
      };
      this.#agent.dispatch(options, {
        onRequestStart(controller) {
          if (!signal) return;
          onAbort = () => controller.abort(signal.reason as Error);
          signal.addEventListener('abort', onAbort, { once: true });
        },
        onResponseStart(_controller, statusCode, headers) {
          // 1xx answers are interim (RFC 9110 §15.2); the final one follows on the same request.
          if (statusCode >= 200) answer = { statusCode, headers, body: NO_BODY };
        },
        onResponseData: () => undefined,
        onResponseEnd: () => settle(null),
        onResponseError: (_controller, error) => settle(error),
      });
    });
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
export function decodedBody(response: HttpResponse): ResponseBody | Readable {
  const { body } = response;
  if (!('pipe' in body)) return body; // NO_BODY: a HEAD's Content-Encoding describes a body that is not there
  const encoding = headerValue(response.headers, 'content-encoding')?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return body.pipe(createGunzip());
  if (encoding === 'br') return body.pipe(createBrotliDecompress());
  if (encoding === 'deflate') return body.pipe(createInflate());
  return body;
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

/** Browsers follow 20 redirects (Fetch standard, HTTP-redirect fetch). */
export const MAX_REDIRECTS = 20;

/**
 * Follows up to maxRedirects 3xx answers, each hop through the same client and therefore the same guard. A 3xx
 * without a Location (and a 304) is returned as the answer: the caller decides what it means.
 * Once a hop leaves the client's own origins the extra headers stay off for the rest of the chain, even if it
 * comes back (Fetch: "the moment another origin is seen ... the Authorization header is removed"). Cookies set
 * on other origins' hops are kept for this chain only, so a redirect that sets a cookie and expects it on the
 * next hop works as in a browser.
 */
export async function followRedirects(client: HttpClient, url: string, init: RequestInit = {}, maxRedirects = MAX_REDIRECTS): Promise<FollowedResponse> {
  const hops: RedirectHop[] = [];
  let current = url;
  let left = init.extraHeaders === false;
  let chainJar: CookieJar | null = null;
  for (;;) {
    const own = client.isOwnOrigin(originOfHref(current));
    if (!own) left = true;
    const response = await client.request(current, { ...init, extraHeaders: !left, jar: own ? undefined : chainJar });
    const setCookie = response.headers['set-cookie'];
    if (!own && !chainJar && client.cookiesEnabled && setCookie) {
      // Created on the first cookie only: most external checks never see one.
      chainJar = newJar();
      storeCookies(chainJar, setCookie, response.url);
    }
    const location = headerValue(response.headers, 'location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return { hops, response };
    await client.discard(response);
    hops.push({ url: current, status: response.status });
    if (hops.length > maxRedirects) throw new FetchError('other', url, `too many redirects (more than ${maxRedirects})`, 'ERR_TOO_MANY_REDIRECTS');
    try {
      current = new URL(location, current).href;
    } catch {
      throw new FetchError('invalid-url', current, `redirect to an invalid URL: ${location}`, 'ERR_INVALID_REDIRECT');
    }
  }
}

function originOfHref(href: string): string {
  try {
    return new URL(href).origin;
  } catch {
    return href;
  }
}
