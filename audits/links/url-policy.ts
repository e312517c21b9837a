// What a reference resolves to: an http(s) URL to check (without its #fragment, so each resource is checked
// once), a scheme we deliberately skip (mailto:, tel:, javascript:, data:...), or a malformed URL to report.

export type Resolved =
  | { type: 'url'; url: string; fragment: string | null }
  | { type: 'skipped'; scheme: string }
  | { type: 'invalid'; message: string };

export function resolveReference(raw: string, base: string): Resolved {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { type: 'invalid', message: `malformed URL: ${JSON.stringify(raw.length > 200 ? raw.slice(0, 200) + '…' : raw)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { type: 'skipped', scheme: url.protocol.slice(0, -1) };
  if (!url.hostname) return { type: 'invalid', message: `URL without a host: ${JSON.stringify(raw)}` };
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : null;
  if (url.hash) url.hash = '';
  return { type: 'url', url: url.href, fragment };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function originOf(url: string): string {
  // Faster than new URL(url).origin for the already-normalised hrefs the crawler handles.
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash === -1 ? url : url.slice(0, slash);
}
