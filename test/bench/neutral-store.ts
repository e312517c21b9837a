// A neutral store for bench:links: not our demo store (whose structure happens to make linkinator slow), but a
// plain generated catalogue of the shape the issue measured. Every product page links the nav (home, 4
// collections, 3 info pages), 16 related products and 8 images (4 of its own, 4 shared theme images), about 30
// references in all; collections list every product, 48 per page, so each page is reachable. No sitemap, no
// robots.txt, no traps, no transient faults. A known broken set: every 997th product links a product that does
// not exist and every 1,009th shows an image that does not exist.
//
// Every response is rendered into a buffer before the store listens (renderNeutralStore), so serving costs
// what Node's HTTP server costs and nothing else; the store runs in its own process, never in a tool's.
//
// npm run bench:links starts it in its own process: `node test/bench/neutral-store.ts --pages 2000` prints
// "neutral store http://127.0.0.1:PORT". GET /__stats (never linked) answers the time of the first request and
// the request count, so the bench can time each tool's start-up from the outside.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

export interface NeutralStoreShape {
  /** Product pages; the store has these plus home, collection listing pages and 3 info pages. */
  products: number;
}

const PER_LISTING = 48;
const COLLECTIONS = ['all', 'new', 'sale', 'gifts'];
const INFO = ['about', 'shipping', 'contact'];
const SHARED_IMAGES = ['/theme/logo.svg', '/theme/badge-free-shipping.png', '/theme/payment-icons.svg', '/theme/reviews-stars.svg'];

/** The broken URLs the store plants, as paths: what a correct checker must report, and nothing else. */
export function plantedBroken(shape: NeutralStoreShape): string[] {
  const broken: string[] = [];
  for (let i = 0; i < shape.products; i++) {
    if (i % 997 === 500) broken.push(`/products/discontinued-${i}`);
    if (i % 1009 === 700) broken.push(`/images/product-${i}-missing.jpg`);
  }
  return broken;
}

/** Pages a crawler should crawl (HTML, 200): home, collection listing pages, info pages, products. */
export function pageCount(shape: NeutralStoreShape): number {
  const listingPages = Math.ceil(shape.products / PER_LISTING);
  return 1 + COLLECTIONS.length * listingPages + INFO.length + shape.products;
}

/** The shape whose page count is closest to `pages` (products plus their listing pages plus 4). */
export function shapeForPages(pages: number): NeutralStoreShape {
  return { products: Math.max(1, Math.round(((pages - 4) * PER_LISTING) / (PER_LISTING + COLLECTIONS.length))) };
}

function layout(title: string, body: string): string {
  const nav = [
    '<a href="/">Home</a>',
    ...COLLECTIONS.map((c) => `<a href="/collections/${c}">${c}</a>`),
    ...INFO.map((p) => `<a href="/pages/${p}">${p}</a>`),
  ].join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/theme/base.css"><meta name="viewport" content="width=device-width"></head>
<body><header><img src="${SHARED_IMAGES[0]}" alt="Store"><nav>${nav}</nav></header><main>${body}</main>
<footer><img src="${SHARED_IMAGES[2]}" alt="We accept"><p>© Neutral Goods</p></footer></body></html>`;
}

function productPage(i: number, products: number): string {
  const related: string[] = [];
  for (let k = 1; k <= 16; k++) related.push(`<li><a href="/products/item-${(i * 31 + k * 7919) % products}">Related ${k}</a></li>`);
  if (i % 997 === 500) related.push(`<li><a href="/products/discontinued-${i}">Last season</a></li>`);
  const own = [1, 2, 3, 4].map((k) => `<img src="/images/product-${i}-${k}.jpg" alt="View ${k}" width="400" height="400">`);
  if (i % 1009 === 700) own.push(`<img src="/images/product-${i}-missing.jpg" alt="Detail">`);
  const body = `<h1>Item ${i}</h1>${own.join('')}<img src="${SHARED_IMAGES[1]}" alt=""><img src="${SHARED_IMAGES[3]}" alt="">
<p>Price $${(10 + (i % 90)).toFixed(2)}</p><form method="post" action="/cart/add"><button>Add to cart</button></form>
<h2>You may also like</h2><ul>${related.join('')}</ul>`;
  return layout(`Item ${i}`, body);
}

function listingPage(collection: string, page: number, products: number): string {
  const pages = Math.ceil(products / PER_LISTING);
  const items: string[] = [];
  // Each collection lists the whole catalogue in its own order, so every product is reachable from each.
  const offset = COLLECTIONS.indexOf(collection) * 13;
  for (let j = (page - 1) * PER_LISTING; j < Math.min(products, page * PER_LISTING); j++) items.push(`<li><a href="/products/item-${(j + offset) % products}">Item</a></li>`);
  const pager = [page > 1 ? `<a href="/collections/${collection}?page=${page - 1}">Previous</a>` : '', page < pages ? `<a href="/collections/${collection}?page=${page + 1}">Next</a>` : ''].join(' ');
  return layout(`${collection} page ${page}`, `<h1>${collection}</h1><ul>${items.join('')}</ul>${pager}`);
}

interface Prepared {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer;
}

/**
 * Every response the store can give, rendered once into buffers before it listens: serving is then a map lookup
 * and a socket write, so the store's own CPU (which shares the machine's two cores with the tool being timed)
 * is as small as Node's HTTP server allows, for either tool alike. Whatever is not here is the 404 page.
 */
export function renderNeutralStore(shape: NeutralStoreShape): { responses: Map<string, Prepared>; notFound: Prepared } {
  const { products } = shape;
  const listingPages = Math.ceil(products / PER_LISTING);
  const responses = new Map<string, Prepared>();
  const prepared = (status: number, type: string, body: string | Buffer): Prepared => {
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return { status, headers: { 'content-type': type, 'content-length': buffer.length }, body: buffer };
  };
  const html = (path: string, body: string) => responses.set(path, prepared(200, 'text/html; charset=utf-8', body));
  html('/', layout('Neutral Goods', `<h1>Welcome</h1><a href="/collections/all">Shop all</a>`));
  for (let i = 0; i < products; i++) html(`/products/item-${i}`, productPage(i, products));
  for (const collection of COLLECTIONS) {
    for (let page = 1; page <= listingPages; page++) {
      const body = listingPage(collection, page, products);
      html(`/collections/${collection}?page=${page}`, body);
      if (page === 1) html(`/collections/${collection}`, body);
    }
  }
  for (const page of INFO) html(`/pages/${page}`, layout(page, `<h1>${page}</h1><p>Information.</p>`));
  responses.set('/theme/base.css', prepared(200, 'text/css', 'body{margin:0;font-family:sans-serif}'));
  const image = Buffer.alloc(2048, 1);
  for (const path of SHARED_IMAGES) responses.set(path, prepared(200, path.endsWith('.svg') ? 'image/svg+xml' : 'image/png', image));
  const jpeg = prepared(200, 'image/jpeg', image);
  for (let i = 0; i < products; i++) for (let k = 1; k <= 4; k++) responses.set(`/images/product-${i}-${k}.jpg`, jpeg);
  return { responses, notFound: prepared(404, 'text/html; charset=utf-8', layout('Not found', '<h1>Page not found</h1>')) };
}

export async function startNeutralStore(shape: NeutralStoreShape): Promise<{ url: string; close: () => Promise<void> }> {
  const { responses, notFound } = renderNeutralStore(shape);
  let firstRequestAt: number | null = null;
  let requests = 0;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/__stats') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ firstRequestAt, requests }));
    firstRequestAt ??= Date.now();
    requests++;
    const response = responses.get(url) ?? notFound;
    res.writeHead(response.status, response.headers);
    res.end(req.method === 'HEAD' ? undefined : response.body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '2000' } } });
  const store = await startNeutralStore(shapeForPages(Number(values.pages)));
  console.log(`neutral store ${store.url}`);
  process.on('SIGTERM', () => void store.close().then(() => process.exit(0)));
}
