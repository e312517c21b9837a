// Streaming reference extraction from HTML with htmlparser2: one parser per page, fed chunk by chunk as the body
// arrives, no DOM kept. Emits every outgoing reference with the kind of resource it points at. The attribute
// table follows what browsers fetch (and what linkinator checks), so both tools see the same links.
import { Parser } from 'htmlparser2';
import { parseSrcset } from 'srcset';
import type { ResourceKind } from '../../src/report/schema.ts';
import { extractCssReferences } from './extract-css.ts';

export interface RawReference {
  /** The attribute value as written. */
  raw: string;
  kind: ResourceKind;
  /** A page to crawl if it is on the store's origin (anchors, not images or GET-form targets). */
  navigable: boolean;
}

export interface ExtractOptions {
  /** url() and @import inside <style> and style="" (external stylesheets are parsed by the crawler). */
  css: boolean;
  /** Collect id/name anchors, for #fragment checking. */
  collectAnchors: boolean;
  /** Include GET form actions as links. POST forms are never links. */
  getForms: boolean;
}

export interface PageExtractor {
  write(chunk: string): void;
  end(): void;
  /** Base URL in effect (the page URL, or <base href>). */
  readonly base: string;
  readonly anchors: Set<string> | null;
}

// Schema.org properties whose values are URLs, for JSON-LD blocks (product images, offers, logos).
const JSON_LD_URL_KEYS = new Set(['url', 'image', 'logo', 'contentUrl', 'thumbnailUrl', 'embedUrl', 'sameAs', 'photo']);
const SKIPPED_LINK_RELS = new Set(['dns-prefetch', 'preconnect']);
const ICON_RELS = /(^|\s)(icon|apple-touch-icon|apple-touch-icon-precomposed|mask-icon)(\s|$)/i;
const URL_META = /^(og:(image|video|audio)(:(url|secure_url))?|og:url|twitter:(image|player)(:src)?)$/;
const PAGE_RELS = /(^|\s)(canonical|alternate|next|prev|previous|author|help|license)(\s|$)/i;

function kindOfPreload(as: string | undefined): ResourceKind {
  switch ((as ?? '').toLowerCase()) {
    case 'style':
      return 'stylesheet';
    case 'script':
      return 'script';
    case 'image':
      return 'image';
    case 'video':
    case 'audio':
    case 'track':
      return 'media';
    case 'document':
      return 'page';
    default:
      return 'other';
  }
}

function linkKind(attribs: Record<string, string>): { kind: ResourceKind; navigable: boolean } | null {
  const rel = (attribs.rel ?? '').toLowerCase();
  const tokens = rel.split(/[\t\n\f\r ]+/).filter(Boolean);
  if (tokens.length > 0 && tokens.every((token) => SKIPPED_LINK_RELS.has(token))) return null;
  // A disabled stylesheet is never fetched by browsers (HTML: "the link element's disabled attribute").
  if (tokens.includes('stylesheet')) return 'disabled' in attribs ? null : { kind: 'stylesheet', navigable: false };
  if (tokens.includes('preload') || tokens.includes('prefetch')) return { kind: kindOfPreload(attribs.as), navigable: false };
  if (tokens.includes('modulepreload')) return { kind: 'script', navigable: false };
  if (ICON_RELS.test(rel)) return { kind: 'image', navigable: false };
  if (PAGE_RELS.test(rel)) return { kind: 'page', navigable: !attribs.type || attribs.type.includes('html') };
  return { kind: 'other', navigable: false };
}

function metaRefreshUrl(content: string): string | null {
  const match = /^\s*\d+(?:\.\d*)?\s*[;,]\s*url\s*=\s*(.+)$/i.exec(content);
  if (!match?.[1]) return null;
  const value = match[1].trim();
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    return value.slice(1, close === -1 ? undefined : close);
  }
  return value;
}

function jsonLdUrls(value: unknown, key: string | null, out: string[], depth = 0): void {
  if (depth > 20 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (key && JSON_LD_URL_KEYS.has(key) && /^https?:\/\//i.test(value)) out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) jsonLdUrls(item, key, out, depth + 1);
    return;
  }
  if (typeof value === 'object') for (const [k, v] of Object.entries(value)) jsonLdUrls(v, k, out, depth + 1);
}

export function createPageExtractor(pageUrl: string, options: ExtractOptions, emit: (ref: RawReference) => void): PageExtractor {
  let base = pageUrl;
  let baseSet = false;
  let styleText: string | null = null;
  let jsonLdText: string | null = null;
  let mediaDepth = 0; // inside <video>/<audio>, <source> is media; inside <picture>, an image
  const anchors = options.collectAnchors ? new Set<string>() : null;

  const push = (raw: string | undefined, kind: ResourceKind, navigable = false) => {
    if (raw === undefined) return;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') && !navigable) return;
    emit({ raw: trimmed, kind, navigable });
  };
  const pushSrcset = (value: string | undefined) => {
    if (!value) return;
    for (const candidate of parseSrcset(value)) push(candidate.url, 'image');
  };
  const pushCss = (css: string, declarationsOnly: boolean) => {
    for (const ref of extractCssReferences(css, declarationsOnly).references) push(ref.raw, ref.kind);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (anchors) {
          if (attribs.id) anchors.add(attribs.id);
          if (name === 'a' && attribs.name) anchors.add(attribs.name);
        }
        if (options.css && attribs.style) pushCss(attribs.style, true);
        switch (name) {
          case 'a':
          case 'area':
            push(attribs.href, 'page', true);
            break;
          case 'base':
            if (!baseSet && attribs.href) {
              baseSet = true;
              try {
                base = new URL(attribs.href, pageUrl).href;
              } catch {
                // An invalid <base> is ignored by browsers too.
              }
            }
            break;
          case 'img':
            push(attribs.src, 'image');
            pushSrcset(attribs.srcset);
            break;
          case 'picture':
            break;
          case 'video':
          case 'audio':
            mediaDepth++;
            push(attribs.src, 'media');
            push(attribs.poster, 'image');
            break;
          case 'source':
            push(attribs.src, mediaDepth > 0 ? 'media' : 'image');
            pushSrcset(attribs.srcset);
            break;
          case 'track':
            push(attribs.src, 'media');
            break;
          case 'script':
            if (attribs.src) push(attribs.src, 'script');
            else if ((attribs.type ?? '').toLowerCase() === 'application/ld+json') jsonLdText = '';
            break;
          case 'link': {
            const kind = linkKind(attribs);
            if (kind) push(attribs.href, kind.kind, kind.navigable);
            break;
          }
          case 'style':
            if (options.css) styleText = '';
            break;
          case 'iframe':
          case 'frame':
          case 'embed':
            push(attribs.src, 'other');
            break;
          case 'object':
            push(attribs.data, 'other');
            break;
          case 'input':
            if ((attribs.type ?? '').toLowerCase() === 'image') push(attribs.src, 'image');
            break;
          case 'body':
            push(attribs.background, 'image');
            break;
          case 'blockquote':
          case 'q':
          case 'del':
          case 'ins':
            push(attribs.cite, 'page');
            break;
          case 'form':
            // A POST form's action is an endpoint, not a link; a GET form (search) is a link a shopper follows.
            if (options.getForms && (attribs.method ?? 'get').toLowerCase() === 'get' && attribs.action) push(attribs.action, 'page');
            break;
          case 'meta': {
            const content = attribs.content;
            if (!content) break;
            if ((attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
              const target = metaRefreshUrl(content);
              if (target) push(target, 'page', true);
            } else {
              const property = (attribs.property ?? attribs.name ?? '').toLowerCase();
              // Open Graph / Twitter URL properties are URLs even when written relative (crawlers resolve them
              // against the page); any other meta counts only when it is an absolute URL.
              if (URL_META.test(property) || /^https?:\/\//i.test(content.trim())) {
                push(content, property.includes('image') ? 'image' : property.endsWith(':url') || property === 'og:url' ? 'page' : 'other');
              }
            }
            break;
          }
        }
      },
      ontext(text) {
        if (styleText !== null) styleText += text;
        else if (jsonLdText !== null) jsonLdText += text;
      },
      onclosetag(name) {
        if (name === 'style' && styleText !== null) {
          pushCss(styleText, false);
          styleText = null;
        } else if (name === 'script' && jsonLdText !== null) {
          const urls: string[] = [];
          try {
            jsonLdUrls(JSON.parse(jsonLdText), null, urls);
          } catch {
            // Invalid JSON-LD is a structured-data problem, not a link problem.
          }
          for (const url of urls) push(url, 'other');
          jsonLdText = null;
        } else if ((name === 'video' || name === 'audio') && mediaDepth > 0) mediaDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  return {
    write: (chunk) => parser.write(chunk),
    end: () => parser.end(),
    get base() {
      return base;
    },
    anchors,
  };
}
