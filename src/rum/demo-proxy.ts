// What Shopify does for a real storefront, done for the demo store: the app embed's script tag, its assets, and
// an app proxy that forwards /apps/storefront-auditor/* to the app server with Shopify's app-proxy signature
// (sorted `key=value` pairs, HMAC-SHA256 with the app secret, hex) so the app verifies it exactly as in production.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

export const PLUGIN_ASSETS_DIR = fileURLToPath(new URL('../../plugin/theme-app-extension/assets/', import.meta.url));
const PROXY_PREFIX = '/apps/storefront-auditor';
const ASSET_PREFIX = `${PROXY_PREFIX}/assets/`;
const ASSETS = new Set(['vitals-loader.js', 'web-vitals.attribution.iife.js']);
const MAX_FORWARD_BYTES = 64 * 1024;

/** The tag the Liquid block renders, for a storefront without Liquid (data-t empty: the loader reads the template from the body class). */
export function embedScriptTag(options: { sampleRate?: number; pageType?: string } = {}): string {
  return `<script src="${ASSET_PREFIX}vitals-loader.js" defer data-sample="${options.sampleRate ?? 100}" data-t="${options.pageType ?? ''}" `
    + `data-wv="${ASSET_PREFIX}web-vitals.attribution.iife.js" data-u="${PROXY_PREFIX}/beacon"></script>`;
}

export function signProxyQuery(params: Record<string, string>, secret: string): URLSearchParams {
  const message = Object.keys(params).sort().map((key) => `${key}=${params[key]}`).join('');
  const signed = new URLSearchParams(params);
  signed.set('signature', createHmac('sha256', secret).update(message).digest('hex'));
  return signed;
}

async function readBounded(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORWARD_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface DemoProxyOptions {
  appUrl: string;
  shop: string;
  secret: string;
  /** Counts what the proxy forwarded (tests). */
  onForward?: (path: string, status: number) => void;
}

/** An app-proxy handler for startDemoStore({ appProxy }). */
export function demoAppProxy(options: DemoProxyOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(`${PROXY_PREFIX}/`)) return false;
    if (url.pathname.startsWith(ASSET_PREFIX)) {
      const name = url.pathname.slice(ASSET_PREFIX.length);
      if (!ASSETS.has(name)) return false;
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=3600' });
      res.end(await readFile(`${PLUGIN_ASSETS_DIR}${name}`));
      return true;
    }
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBounded(req);
    if (body === null) {
      res.writeHead(413).end();
      return true;
    }
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    Object.assign(params, { shop: options.shop, path_prefix: PROXY_PREFIX, timestamp: String(Math.floor(Date.now() / 1000)), logged_in_customer_id: '' });
    const target = `${options.appUrl}${url.pathname}?${signProxyQuery(params, options.secret)}`;
    const upstream = await fetch(target, { method: req.method, body: body ? new Uint8Array(body) : undefined, headers: { 'content-type': String(req.headers['content-type'] ?? 'text/plain') } });
    options.onForward?.(url.pathname, upstream.status);
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
    return true;
  };
}
