import type { IncomingMessage, ServerResponse } from 'node:http';
import { appScript } from './app-scripts.ts';
import { appForPath } from './apps.ts';
import { IMMUTABLE, html, send, text } from './http.ts';
import type { DemoVariant } from './options.ts';
import { CARD_FRAME_FIELDS } from './templates/checkout-fields.ts';

/** The app CDN origin (app-embed assets) and the "external site" origin used for external-link checks. */
export function appCdnHandler(variant: DemoVariant) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (url.pathname === '/') {
      // The theme preconnects to this origin; its root answers like a CDN's would.
      text(req, res, 200, 'app CDN', { 'access-control-allow-origin': '*' });
      return;
    }
    const hit = appForPath(url.pathname);
    const body = hit ? appScript(hit.app, hit.file, variant) : undefined;
    if (body === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      text(req, res, 404, 'Not Found', { 'access-control-allow-origin': '*' });
      return;
    }
    send(req, res, 200, 'application/javascript; charset=utf-8', body, {
      'cache-control': IMMUTABLE, 'access-control-allow-origin': '*', 'timing-allow-origin': '*',
    });
  };
}

const EXTERNAL_PAGES: Record<string, string> = {
  '/': 'Shopify – the commerce platform',
  '/northwind': 'Northwind Supply Co. (@northwind) – photos',
  '/press': 'Northwind Supply Co. press kit',
};

/** The card vault's field page: one input, as Shopify's hosted card fields (checkout.pci.shopifyinc.com) are. */
function cardFieldPage(field: string): string | undefined {
  const def = CARD_FRAME_FIELDS.find((f) => f.field === field);
  if (!def) return undefined;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${def.title}</title><style>body{margin:0}input{width:100%;box-sizing:border-box;padding:.8rem;font-size:1rem;border:1px solid #d9d9d9;border-radius:5px}</style></head>
<body><input id="${def.field}" name="${def.field}" type="text" autocomplete="${def.autocomplete}" inputmode="${def.inputmode}" placeholder="${def.title}" aria-label="${def.title}" required aria-required="true"></body></html>`;
}

export function externalHandler() {
  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const card = /^\/card-fields\/([a-z_]+)\.html$/.exec(url.pathname);
    const cardPage = card ? cardFieldPage(card[1]!) : undefined;
    if (cardPage) {
      html(req, res, 200, cardPage, { 'cache-control': 'no-store' });
      return;
    }
    const title = EXTERNAL_PAGES[url.pathname];
    if (!title) {
      html(req, res, 404, '<!doctype html><title>Page not found</title><h1>Sorry, this page isn’t available.</h1>');
      return;
    }
    html(req, res, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`, { 'cache-control': 'public, max-age=600' });
  };
}
