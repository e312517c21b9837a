import { UsageError } from './errors.ts';

/**
 * Accepts what a merchant types ("mystore.com", "https://mystore.com/collections/all") and returns the store
 * origin. Anything that is not http(s) with a host is refused before a single request is made.
 */
export function parseStoreUrl(input: string): URL {
  const trimmed = input.trim();
  if (!trimmed) throw new UsageError('No store URL given. Example: storefront-audit audit https://your-store.com');
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`"${input}" is not a valid URL. Example: https://your-store.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${input}" is not an http(s) URL.`);
  }
  if (!url.hostname || (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('['))) {
    throw new UsageError(`"${input}" has no valid host name.`);
  }
  return new URL(url.origin + '/');
}
