import { gzipSync } from 'node:zlib';
import { themeAssets } from '../assets.ts';
import { shopFile } from '../images.ts';
import { IMMUTABLE, send } from '../http.ts';
import { THEME_ID } from '../theme.ts';
import { themeOf } from '../themes/index.ts';
import type { Route } from './state.ts';

/** Shopify CDN paths: theme assets under /cdn/shop/t/<id>/assets/, images under /cdn/shop/files/. */
const gzipped = new WeakMap<Map<string, string>, Map<string, Buffer>>();

export const assetRoutes: Route = (req, res, url, state) => {
  const path = url.pathname;
  if (!path.startsWith('/cdn/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  // A zoo theme's own files (its assets, compiled assets, fonts, Shopify's scripts) at their CDN paths.
  const own = themeOf(state.ctx).files?.(state.ctx).get(path);
  if (own) {
    send(req, res, 200, own.type, own.body, { 'cache-control': IMMUTABLE, 'access-control-allow-origin': '*', 'timing-allow-origin': '*' });
    return true;
  }
  if (!path.startsWith('/cdn/shop/')) return false;
  const theme = new RegExp(`^/cdn/shop/t/${THEME_ID}/assets/([\\w.-]+)$`).exec(path);
  if (theme) {
    const files = themeAssets(state.ctx.opts.variant);
    const body = files.get(theme[1]!);
    if (body === undefined) return false;
    const type = theme[1]!.endsWith('.css') ? 'text/css; charset=utf-8' : 'application/javascript; charset=utf-8';
    let zipped = gzipped.get(files);
    if (!zipped) gzipped.set(files, (zipped = new Map()));
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip) {
      let z = zipped.get(theme[1]!);
      if (!z) zipped.set(theme[1]!, (z = gzipSync(body)));
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': z.length, 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' });
      res.end(req.method === 'HEAD' ? undefined : z);
    } else {
      send(req, res, 200, type, body, { 'cache-control': IMMUTABLE });
    }
    return true;
  }
  const file = /^\/cdn\/shop\/files\/([\w.-]+)$/.exec(path);
  if (file) {
    const width = url.searchParams.has('width') ? Number(url.searchParams.get('width')) : undefined;
    const bytes = shopFile(file[1]!, width, state.ctx.opts.variant);
    if (!bytes) return false;
    send(req, res, 200, 'image/png', bytes, { 'cache-control': IMMUTABLE, 'access-control-allow-origin': '*', 'timing-allow-origin': '*' });
    return true;
  }
  return false;
};
