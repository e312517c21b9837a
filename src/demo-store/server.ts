import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Catalog } from './catalog.ts';
import { CheckoutBook } from './checkout/sessions.ts';
import type { CheckoutLine, DemoOrder } from './checkout/sessions.ts';
import { HttpError, html, text } from './http.ts';
import { resolveOptions } from './options.ts';
import type { DemoStoreOptions, DemoVariant, ResolvedOptions } from './options.ts';
import { appCdnHandler, externalHandler } from './other-origins.ts';
import { assetRoutes } from './routes/asset-routes.ts';
import { cartRoutes } from './routes/cart-routes.ts';
import { checkoutRoutes } from './routes/checkout-routes.ts';
import { pageRoutes } from './routes/pages.ts';
import { passwordGate } from './routes/password-gate.ts';
import { seoRoutes } from './routes/seo-routes.ts';
import type { Route, StoreState } from './routes/state.ts';
import { pageRequest } from './routes/state.ts';
import { notFoundPage } from './templates/special.ts';

export type { AppProxyHandler, CheckoutKind, DemoStoreOptions, DemoVariant } from './options.ts';
export type { DemoOrder } from './checkout/sessions.ts';

export interface DemoStore {
  /** Storefront origin, http://127.0.0.1:<port> */
  url: string;
  /** App-embed asset origin, http://localhost:<port2> */
  appCdnUrl: string;
  /** "External site" origin, http://localhost:<port3> */
  externalUrl: string;
  variant: DemoVariant;
  options: Readonly<ResolvedOptions>;
  /** Orders placed through the checkout's complete endpoint. */
  orders(): DemoOrder[];
  /** The lines of the checkout started last. */
  lastCheckoutLines(): CheckoutLine[];
  /** Request counts keyed by pathname (storefront), `app:<pathname>` (app CDN) and `external:<pathname>`. */
  requests: Map<string, number>;
  /** Re-arm the transient 503 (D14), as if a new run started. */
  resetTransient(): void;
  close(): Promise<void>;
}

const appProxyRoute: Route = (req, res, url, state) =>
  url.pathname.startsWith('/apps/') && state.ctx.opts.appProxy !== undefined ? state.ctx.opts.appProxy(req, res, url) : false;

const ROUTES: Route[] = [passwordGate, assetRoutes, seoRoutes, appProxyRoute, cartRoutes, checkoutRoutes, pageRoutes];

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

interface Origin {
  server: Server;
  sockets: Set<Socket>;
}

function serve(handler: Handler, count: (path: string) => void): Origin {
  const sockets = new Set<Socket>();
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      text(req, res, 400, 'Bad Request');
      return;
    }
    count(url.pathname);
    Promise.resolve(handler(req, res, url)).catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof HttpError) text(req, res, err.status, err.message);
      else text(req, res, 500, `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return { server, sockets };
}

function listen(origin: Origin, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    origin.server.once('error', reject);
    origin.server.listen(port, host, () => {
      origin.server.off('error', reject);
      resolve((origin.server.address() as AddressInfo).port);
    });
  });
}

function closeOrigin(origin: Origin): Promise<void> {
  return new Promise((resolve) => {
    origin.server.close(() => resolve());
    // Hanging responses (/pages/hang) and idle keep-alive connections must not hold close() open.
    for (const s of origin.sockets) s.destroy();
  });
}

/** Start the demo storefront with its app CDN and external-site origins. */
export async function startDemoStore(options: DemoStoreOptions = {}): Promise<DemoStore> {
  const opts = resolveOptions(options);
  const requests = new Map<string, number>();
  const counter = (prefix: string) => (path: string): void => {
    requests.set(prefix + path, (requests.get(prefix + path) ?? 0) + 1);
  };
  const state: StoreState = {
    ctx: { opts, catalog: new Catalog(opts.productCount), appCdnUrl: '', externalUrl: '' },
    checkouts: new CheckoutBook(),
    transientServed: false,
    timers: new Set(),
  };
  const storefront = serve(async (req, res, url) => {
    res.setHeader('powered-by', 'Shopify');
    // Shopify never lets carts and checkouts into any cache (nor the back/forward cache).
    if (url.pathname.startsWith('/cart') || url.pathname.startsWith('/checkout')) res.setHeader('cache-control', 'no-store');
    for (const route of ROUTES) if (await route(req, res, url, state)) return;
    html(req, res, 404, notFoundPage(state.ctx, pageRequest(req, url, state)));
  }, counter(''));
  const appCdn = serve(appCdnHandler(opts.variant), counter('app:'));
  const external = serve(externalHandler(), counter('external:'));
  const origins = [storefront, appCdn, external];
  try {
    // The second and third origins are "localhost" so the browser treats them as other sites' hosts.
    const appPort = await listen(appCdn, opts.appCdnPort, opts.host);
    const externalPort = await listen(external, opts.externalPort, opts.host);
    state.ctx.appCdnUrl = `http://localhost:${appPort}`;
    state.ctx.externalUrl = `http://localhost:${externalPort}`;
    const port = await listen(storefront, opts.port, opts.host);
    const url = `http://${opts.host}:${port}`;
    let closed: Promise<void> | undefined;
    return {
      url,
      appCdnUrl: state.ctx.appCdnUrl,
      externalUrl: state.ctx.externalUrl,
      variant: opts.variant,
      options: opts,
      orders: () => state.checkouts.orders(),
      lastCheckoutLines: () => state.checkouts.latestLines(),
      requests,
      resetTransient: () => {
        state.transientServed = false;
      },
      close: () => {
        closed ??= (async () => {
          for (const t of state.timers) clearTimeout(t);
          state.timers.clear();
          await Promise.all(origins.map(closeOrigin));
        })();
        return closed;
      },
    };
  } catch (err) {
    await Promise.all(origins.filter((o) => o.server.listening).map(closeOrigin));
    throw err;
  }
}
