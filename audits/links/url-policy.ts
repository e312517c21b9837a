// What a reference resolves to: an http(s) URL to check (without its #fragment, so each resource is checked
// once), a scheme we deliberately skip (mailto:, tel:, javascript:, data:...), or a malformed URL to report.

export type Resolved =
  | { type: 'url'; url: string; fragment: string | null }
  | { type: 'skipped'; scheme: string }
  | { type: 'invalid'; message: string; noHost: boolean };

export function resolveReference(raw: string, base: string): Resolved {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { type: 'invalid', message: `malformed URL: ${JSON.stringify(raw.length > 200 ? raw.slice(0, 200) + '…' : raw)}`, noHost: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { type: 'skipped', scheme: url.protocol.slice(0, -1) };
  if (!url.hostname) return { type: 'invalid', message: `URL without a host: ${JSON.stringify(raw)}`, noHost: true };
  // Cut at '#' in the serialised href, not through url.hash: `href="#"` has an empty hash but its href still
  // ends in '#', which would make the page a second, different URL (and crawl it twice).
  const href = url.href;
  const hash = href.indexOf('#');
  if (hash === -1) return { type: 'url', url: href, fragment: null };
  return { type: 'url', url: href.slice(0, hash), fragment: href.slice(hash + 1) };
}

/**
 * Whether a page with these ids (and <a name>s) has the target a fragment points at, by the HTML standard's
 * "find a potential indicated element": the empty fragment and "top" are the top of the page; the fragment as
 * written (percent-encoded) is tried first, then its percent-decoded form. A text fragment (`#:~:text=…`, or
 * `#id:~:text=…`) is a directive for the browser, not an id: only the part before `:~:` is looked up.
 */
export function fragmentFound(ids: ReadonlySet<string>, fragment: string): boolean {
  const directive = fragment.indexOf(':~:');
  const target = directive === -1 ? fragment : fragment.slice(0, directive);
  if (target === '' || ids.has(target)) return true;
  const decoded = safeDecode(target);
  return ids.has(decoded) || decoded.toLowerCase() === 'top';
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
