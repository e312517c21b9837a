import { gzipSync } from 'node:zlib';
import { send, text } from '../http.ts';
import { childSitemap, robotsTxt, sitemapIndex } from '../templates/sitemap.ts';
import type { Route } from './state.ts';
import { baseOf } from './state.ts';

/** /robots.txt, /sitemap.xml and its children (also as .xml.gz). */
export const seoRoutes: Route = (req, res, url, state) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const base = baseOf(req);
  const path = url.pathname;
  if (path === '/robots.txt') return (text(req, res, 200, robotsTxt(base), { 'cache-control': 'public, max-age=3600' }), true);
  if (path === '/sitemap.xml') return (send(req, res, 200, 'application/xml; charset=utf-8', sitemapIndex(state.ctx, base), { 'cache-control': 'public, max-age=3600' }), true);
  const child = /^\/sitemap_(products|pages|collections|blogs)_(\d+)\.xml(\.gz)?$/.exec(path);
  if (!child) return false;
  const xml = childSitemap(state.ctx, base, child[1]!, Number(child[2]));
  if (xml === undefined) return false;
  if (child[3]) send(req, res, 200, 'application/gzip', gzipSync(xml), { 'cache-control': 'public, max-age=3600' });
  else send(req, res, 200, 'application/xml; charset=utf-8', xml, { 'cache-control': 'public, max-age=3600' });
  return true;
};
