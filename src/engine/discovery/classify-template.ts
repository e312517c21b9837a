// Which Shopify theme template renders a URL, from its path alone (Online Store 2.0 routes). Locale prefixes
// from Shopify Markets (/fr/, /en-ca/) are stripped first, so /fr/products/x is a product like /products/x.
import type { Template } from '../../report/schema.ts';

const LOCALE_PREFIX = /^\/[a-z]{2}(?:-[a-z]{2,4})?(?=\/|$)/i;
const KNOWN_ROOTS = new Set(['collections', 'products', 'pages', 'blogs', 'cart', 'search', 'account', 'policies']);

/** The path with any Shopify Markets locale prefix removed, e.g. /fr-ca/products/x → /products/x. */
export function stripLocale(pathname: string): string {
  const match = LOCALE_PREFIX.exec(pathname);
  if (!match) return pathname;
  const rest = pathname.slice(match[0].length) || '/';
  const root = rest.split('/')[1] ?? '';
  // Only a prefix followed by a Shopify route (or nothing: the localized home page) is a locale.
  return rest === '/' || KNOWN_ROOTS.has(root) ? rest : pathname;
}

export function classifyTemplate(url: string | URL): Template {
  let pathname: string;
  try {
    pathname = (typeof url === 'string' ? new URL(url) : url).pathname;
  } catch {
    return 'other';
  }
  const segments = stripLocale(decodeSafe(pathname))
    .split('/')
    .filter(Boolean);
  const [root, second, third, fourth] = segments;
  if (!root) return 'home';
  // Data endpoints (/products/x.js, /cart.json, .atom feeds) share page routes but are not pages.
  const last = segments[segments.length - 1] ?? '';
  if (/\.(js|json|xml|atom|oembed)$/i.test(last)) return 'other';
  switch (root) {
    case 'products':
      return second && segments.length === 2 ? 'product' : 'other';
    case 'collections':
      if (second && third === 'products' && fourth) return 'product';
      return segments.length <= 3 ? 'collection' : 'other'; // /collections, /collections/x, /collections/x/<tag>
    case 'pages':
      return second && segments.length === 2 ? 'page' : 'other';
    case 'blogs':
      if (!second) return 'other';
      if (segments.length === 2 || third === 'tagged') return 'blog';
      return segments.length === 3 ? 'article' : 'other';
    case 'cart':
      return segments.length === 1 ? 'cart' : 'other';
    case 'search':
      return segments.length === 1 ? 'search' : 'other';
    default:
      return 'other';
  }
}

function decodeSafe(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}
