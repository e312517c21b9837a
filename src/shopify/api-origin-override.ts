// Points the Shopify library's outbound traffic (token exchange, refresh, GraphQL) at a local stand-in.
// shopify-api sends every request through one replaceable fetch (`setAbstractFetchFunc`, the same hook its
// platform adapters use), so the override lives there rather than in each call site. The stand-in learns which
// shop a request was for from the X-Stand-In-Shop header, because the host name is replaced.
import { setAbstractFetchFunc } from './library.ts';

export const STAND_IN_SHOP_HEADER = 'x-stand-in-shop';

export class ApiOriginRefusedError extends Error {
  override name = 'ApiOriginRefusedError';
}

const nativeFetch = globalThis.fetch.bind(globalThis);
let activeOrigin: string | undefined;

/**
 * Routes requests for *.myshopify.com (and other Shopify admin hosts) to `origin`, or restores direct traffic
 * when `origin` is undefined. Process-wide, because the library's fetch hook is: one stand-in per process.
 */
export function overrideShopifyApiOrigin(origin: string | undefined, options: { production: boolean }): void {
  if (origin && options.production) {
    throw new ApiOriginRefusedError('SHOPIFY_API_ORIGIN is for development and tests only; it is refused when NODE_ENV=production');
  }
  if (origin) {
    const parsed = new URL(origin);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ApiOriginRefusedError(`SHOPIFY_API_ORIGIN must be an http(s) URL, got ${origin}`);
    }
  }
  activeOrigin = origin ? new URL(origin).origin : undefined;
  setAbstractFetchFunc(activeOrigin ? redirectingFetch : nativeFetch);
}

/**
 * The storefront origins app-mode audits may reach although private (SHOPIFY_DEV_STOREFRONT_ORIGINS), as
 * exact origins. Refused in production and without a stand-in: the allowance exists only for the stand-in's
 * shops on localhost, and is never implied by SHOPIFY_API_ORIGIN alone.
 */
export function devStorefrontOrigins(values: readonly string[] | undefined, options: { production: boolean; apiOrigin: string | undefined }): string[] {
  if (!values?.length) return [];
  if (options.production) {
    throw new ApiOriginRefusedError('SHOPIFY_DEV_STOREFRONT_ORIGINS is for development against the Shopify stand-in; it is refused when NODE_ENV=production');
  }
  if (!options.apiOrigin) throw new ApiOriginRefusedError('SHOPIFY_DEV_STOREFRONT_ORIGINS needs SHOPIFY_API_ORIGIN (the Shopify stand-in)');
  return values.map((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ApiOriginRefusedError(`SHOPIFY_DEV_STOREFRONT_ORIGINS: not a URL: ${value}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ApiOriginRefusedError(`SHOPIFY_DEV_STOREFRONT_ORIGINS must hold http(s) origins, got ${value}`);
    return url.origin;
  });
}

export function currentApiOrigin(): string | undefined {
  return activeOrigin;
}

const redirectingFetch: typeof fetch = async (input, init) => {
  const original = new URL(input instanceof Request ? input.url : String(input));
  if (!activeOrigin || !isShopifyHost(original.hostname)) return nativeFetch(input, init);
  const target = new URL(`${original.pathname}${original.search}`, activeOrigin);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set(STAND_IN_SHOP_HEADER, original.hostname);
  return nativeFetch(target, { ...init, headers });
};

function isShopifyHost(hostname: string): boolean {
  return /\.(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)$/i.test(hostname);
}
