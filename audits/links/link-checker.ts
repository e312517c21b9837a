// Checks one URL the way a careful human would: HEAD first (cheap), GET when HEAD fails or is refused, redirects
// followed hop by hop, transient failures retried with backoff (Retry-After honoured on 429/503), and bot
// walls recognised as "could not verify" instead of being reported as broken links.
import { setTimeout as sleep } from 'node:timers/promises';
import { followRedirects, headerValue, readBody, type HttpClient, type HttpResponse, type RedirectHop } from '../shared/http-fetcher.ts';
import { FetchError, toFetchError, type FetchErrorKind } from '../shared/fetch-errors.ts';

import type { CheckOptions } from './links-options.ts';

export { DEFAULT_CHECK_OPTIONS, type CheckOptions } from './links-options.ts';

export type CheckOutcome =
  | {
      type: 'ok';
      status: number;
      hops: RedirectHop[];
      finalUrl: string;
      response: HttpResponse | null;
      /** The final answer's Content-Type (so a caller can tell a page from a file without the body). */
      contentType?: string;
    }
  | {
      type: 'broken';
      status: number | null;
      error: string | null;
      errorKind: FetchErrorKind | null;
      /** The system's or our error code (ECONNREFUSED, ERR_TOO_MANY_REDIRECTS…), for network failures. */
      errorCode?: string | null;
      hops: RedirectHop[];
      finalUrl: string;
      /** The error page itself, unread, when the caller asked for error bodies (GET only). */
      response?: HttpResponse | null;
    }
  | { type: 'unverified'; reason: string; hops: RedirectHop[]; finalUrl: string };

const CHALLENGE_BODY = /challenge-platform|cf-chl-|__cf_chl_|<title>Just a moment\.\.\.<\/title>|Attention Required! \| Cloudflare|cf-browser-verification/i;
// Every 5xx is worth another try (Cloudflare's 520–527 are origin hiccups that recover), and 429 is an explicit
// "later"; backoff is exponential, Retry-After honoured.
const isRetryStatus = (status: number): boolean => status === 429 || (status >= 500 && status <= 599);
// LinkedIn answers automated requests with a non-standard 999: a refusal to talk to bots, not a missing page.
const BOT_REFUSAL_STATUSES = new Map([[999, 'bot protection: HTTP 999 (LinkedIn refuses automated requests)']]);
const RETRY_ERRORS = new Set<FetchErrorKind>(['timeout', 'reset']);

/** Shopify sends bots to /challenge; Cloudflare marks managed challenges with cf-mitigated. */
function challengeReason(response: HttpResponse, hops: RedirectHop[]): string | null {
  if (headerValue(response.headers, 'cf-mitigated')?.toLowerCase() === 'challenge') return 'bot protection: Cloudflare challenge (cf-mitigated)';
  const path = new URL(response.url).pathname;
  if (hops.length > 0 && /^\/challenge(\/|$)/.test(path)) return 'bot protection: redirected to Shopify /challenge';
  return null;
}

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Reads the start of a 403/429/503 body to see whether it is a challenge page; the body is consumed. */
async function bodyLooksLikeChallenge(response: HttpResponse): Promise<boolean> {
  try {
    const { buffer } = await readBody(response, 32 * 1024, 'truncate');
    return CHALLENGE_BODY.test(buffer.toString('utf8'));
  } catch {
    return false;
  } finally {
    response.body.destroy();
  }
}

type Attempt =
  | { type: 'response'; hops: RedirectHop[]; response: HttpResponse }
  | { type: 'error'; error: FetchError };

async function attempt(client: HttpClient, url: string, method: 'GET' | 'HEAD', options: CheckOptions): Promise<Attempt> {
  try {
    const { hops, response } = await followRedirects(client, url, { method, signal: options.signal }, options.maxRedirects);
    return { type: 'response', hops, response };
  } catch (error) {
    options.signal?.throwIfAborted();
    return { type: 'error', error: toFetchError(error, url) };
  }
}

/**
 * Checks a URL. With wantBody, the GET response of a successful check is handed back unread (the crawler parses
 * it); otherwise every body is discarded.
 */
export async function checkUrl(client: HttpClient, url: string, wantBody: boolean, options: CheckOptions, keepErrorBody = false): Promise<CheckOutcome> {
  let method: 'GET' | 'HEAD' = wantBody ? 'GET' : 'HEAD';
  let last: CheckOutcome | null = null;
  for (let attemptNo = 0; attemptNo <= options.retries; attemptNo++) {
    const result = await attempt(client, url, method, options);
    if (result.type === 'error') {
      const { error } = result;
      last = { type: 'broken', status: null, error: error.message, errorKind: error.kind, errorCode: error.code ?? null, hops: [], finalUrl: error.url || url };
      if (method === 'HEAD' && error.kind !== 'dns' && error.kind !== 'blocked-private-address' && error.kind !== 'invalid-url') {
        method = 'GET'; // some servers drop HEAD; a real browser would GET
        attemptNo--;
        continue;
      }
      if (!RETRY_ERRORS.has(error.kind) || attemptNo === options.retries) return last;
      await sleep(options.retryBaseMs * 2 ** attemptNo, undefined, { signal: options.signal });
      continue;
    }
    const { hops, response } = result;
    const status = response.status;
    const challenge = challengeReason(response, hops);
    if (challenge) {
      await client.discard(response);
      return { type: 'unverified', reason: challenge, hops, finalUrl: response.url };
    }
    if (status < 300) {
      if (wantBody) return { type: 'ok', status, hops, finalUrl: response.url, response };
      await client.discard(response);
      return { type: 'ok', status, hops, finalUrl: response.url, response: null, contentType: headerValue(response.headers, 'content-type') };
    }
    if (method === 'HEAD') {
      // HEAD refused (405/501), or answered differently from GET on plenty of servers: confirm with GET.
      await client.discard(response);
      method = 'GET';
      attemptNo--;
      continue;
    }
    if (status >= 300 && status < 400) {
      // followRedirects hands back a 3xx only when it cannot be followed: a 304 to a request that was not
      // conditional, or a redirect without a Location. Neither gives the shopper a page.
      await client.discard(response);
      const error = status === 304 ? 'HTTP 304 Not Modified to an unconditional request' : `HTTP ${status} without a Location header`;
      return { type: 'broken', status, error, errorKind: null, hops, finalUrl: response.url };
    }
    const refusal = BOT_REFUSAL_STATUSES.get(status);
    if (refusal) {
      await client.discard(response);
      return { type: 'unverified', reason: refusal, hops, finalUrl: response.url };
    }
    const sniffed = status === 403 || status === 503 || status === 429;
    if (sniffed && (await bodyLooksLikeChallenge(response))) {
      return { type: 'unverified', reason: `bot protection: challenge page (HTTP ${status})`, hops, finalUrl: response.url };
    }
    last = { type: 'broken', status, error: null, errorKind: null, hops, finalUrl: response.url };
    if (!isRetryStatus(status) || attemptNo === options.retries) {
      if (keepErrorBody && !sniffed) return { ...last, response };
      await client.discard(response);
      return last;
    }
    await client.discard(response);
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headerValue(response.headers, 'retry-after')) : null;
    if (retryAfter !== null && retryAfter > options.maxRetryAfterMs) return last;
    await sleep(retryAfter ?? options.retryBaseMs * 2 ** attemptNo, undefined, { signal: options.signal });
  }
  return last!;
}
