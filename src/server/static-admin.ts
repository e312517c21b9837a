// Serving the built admin UI: compressed (gzip or brotli, by the client's Accept-Encoding), hashed assets
// (Vite names them by content) cached for a year as immutable, the HTML document revalidated on every load so
// a new build shows at once, and a favicon at /favicon.ico for clients that ask there.
import compression from 'compression';
import express, { Router } from 'express';
import { join } from 'node:path';

const YEAR_S = 365 * 86_400;

export function adminStatic(dir: string): Router {
  const router = Router();
  router.use(compression({ threshold: 512 }));
  router.get('/favicon.ico', (_req, res) => {
    res.sendFile(join(dir, 'favicon.svg'), { headers: { 'content-type': 'image/svg+xml', 'cache-control': `public, max-age=${86_400}` } });
  });
  router.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders(res, path) {
        if (/[\\/]assets[\\/]/.test(path)) res.setHeader('cache-control', `public, max-age=${YEAR_S}, immutable`);
        else res.setHeader('cache-control', 'no-cache');
      },
    }),
  );
  return router;
}
