// The Express app, in both modes. Standalone (no Shopify credentials): one local shop, /api for loopback
// clients only. Embedded: Shopify credentials present; /api requires an App Bridge session token.
//
// Order matters: /api/webhooks reads its body raw (HMAC first), so it is mounted before any JSON parser.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { createShopifyServices, type ShopifyServices } from '../shopify/index.ts';
import type { ShopLifecycle } from '../shopify/ports.ts';
import { devStorefrontOrigins } from '../shopify/api-origin-override.ts';
import { guardAuditRequests } from '../shopify/guarded-lifecycle.ts';
import { shopifyStorePorts } from '../shopify/store-ports.ts';
import { createSignalsRefresher, type SignalsRefresher } from '../shopify/signals-refresher.ts';
import { STOREFRONT_SIGNALS_SETTING } from '../shopify/storefront-signals.ts';
import type { ServerContext, ServerDeps } from './deps.ts';
import { apiNotFound, errorHandler, requestIds } from './error-middleware.ts';
import { apiRoutes } from './routes/index.ts';
import { APP_PROXY_PREFIX, appProxyRouter } from './routes/app-proxy.ts';
import { healthRouter } from './routes/health.ts';
import { metricsRouter } from './routes/metrics.ts';
import { webhooksRouter } from './routes/webhooks.ts';
import { requireShopSession } from './shop-context.ts';
import { createRumIngest } from '../rum/ingest.ts';
import { appProxyRoutes } from './routes/app-proxy.ts';
import { rumBeaconRoutes } from './routes/rum-beacon.ts';
import { PIXEL_INGEST_PATH, rumPixelRouter } from './routes/rum-pixel.ts';

if (!appProxyRoutes.includes(rumBeaconRoutes)) appProxyRoutes.push(rumBeaconRoutes);
import { sessionTokenBounce } from './session-token-bounce.ts';
import { adminStatic } from './static-admin.ts';

const MAX_JSON_BYTES = '256kb';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface AppServer {
  app: Express;
  context: ServerContext;
  /** App mode: refreshes stale storefront signals hourly while listening (scheduled audits queue without the server). */
  signals: SignalsRefresher | null;
  listen(port?: number, host?: string): Promise<RunningServer>;
}

export function createServer(deps: ServerDeps): AppServer {
  const credentials = deps.config.shopify;
  // Exact origins only; refused in production and without the stand-in (ApiOriginRefusedError).
  const privateOrigins = devStorefrontOrigins(deps.privateAuditOrigins, { production: deps.config.production, apiOrigin: credentials?.apiOrigin });
  const shopifyStore = shopifyStorePorts(deps.store);
  const rum = deps.rumIngest ?? createRumIngest(deps.store, { keySecret: credentials?.apiSecret ?? deps.config.encryptionKey });
  // App mode: before an audit is queued, what Shopify knows about the storefront (app embed state, embedded apps'
  // names, Shopify's field Web Vitals) is refreshed and saved for the worker; a failure there never blocks it.
  let services: ShopifyServices | null = null;
  const refreshing: ShopLifecycle = {
    ...deps.lifecycle,
    async requestAudit(request) {
      await services?.refreshStorefrontSignals(request.shop).catch((error: unknown) =>
        deps.logger.warn({ shop: request.shop, err: error }, 'storefront signals not refreshed; the audit uses the last ones'));
      await deps.lifecycle.requestAudit(request);
    },
  };
  // App mode: every audit request passes the own-domain/public-address guard (standalone audits whatever the
  // local user asks, like the CLI).
  const lifecycle = credentials
    ? guardAuditRequests(refreshing, shopifyStore.shops, { resolve: deps.resolveHost, privateOrigins })
    : deps.lifecycle;
  const shopify = credentials
    ? createShopifyServices({
        credentials,
        production: deps.config.production,
        encryptionKey: deps.config.encryptionKey,
        store: shopifyStore,
        lifecycle,
        logger: deps.logger,
        backoff: deps.adminApiBackoff,
        pixelSettingsFor: (shop) => ({ ingestUrl: new URL(PIXEL_INGEST_PATH, credentials.appUrl).href, ingestKey: rum.ingestKeyFor(shop) }),
      })
    : null;
  services = shopify;
  const signals = shopify
    ? createSignalsRefresher({
        shops: async () => (await deps.store.shops.list({ installedOnly: true })).map((s) => s.shop),
        checkedAt: async (shop) => (await deps.store.settings.get<{ checkedAt?: string }>(shop, STOREFRONT_SIGNALS_SETTING))?.checkedAt ?? null,
        refresh: (shop) => shopify.refreshStorefrontSignals(shop),
        logger: deps.logger,
      })
    : null;
  // Launched only when a PDF is first printed.
  const browser = deps.browser ?? new BrowserPool({ executablePath: deps.config.chromePath });
  const context: ServerContext = { ...deps, lifecycle, shopifyStore, mode: shopify ? 'embedded' : 'standalone', shopify, rum, browser };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestIds());

  // Embedded pages may only be framed by the shop's admin (frame-ancestors), set per request by the library.
  if (shopify) app.use(shopify.shopify.cspHeaders());
  app.use('/health', healthRouter(context));
  if (deps.metricsRegistry) app.use('/metrics', metricsRouter(deps.metricsRegistry));
  app.use('/api/webhooks', webhooksRouter(context));

  const api = express.Router();
  api.use(requireShopSession(context));
  api.use(express.json({ limit: MAX_JSON_BYTES }));
  for (const router of apiRoutes(context)) api.use(router);
  api.use(apiNotFound());
  app.use('/api', api);

  app.use(APP_PROXY_PREFIX, appProxyRouter(context));
  app.use(PIXEL_INGEST_PATH, rumPixelRouter(context));

  if (credentials) app.get('/session-token-bounce', sessionTokenBounce(credentials.apiKey));
  // The admin UI document: inside the admin it arrives with ?id_token=…; the library validates it (first load
  // of a new shop performs the token exchange, i.e. the install) and answers a missing or stale token with the
  // App Bridge bounce page, which fetches a fresh token and reloads.
  if (shopify) app.get(['/', '/index.html'], shopify.shopify.validateAuthenticatedSession());
  if (deps.adminStaticDir) app.use(adminStatic(deps.adminStaticDir));

  app.use(apiNotFound());
  app.use(errorHandler(deps.logger));

  return {
    app,
    context,
    signals,
    async listen(port = deps.config.port, host = deps.config.host) {
      const server = app.listen(port, host);
      await once(server, 'listening');
      signals?.start();
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return {
        url: `http://${shownHost}:${address.port}`,
        server,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.closeAllConnections();
            server.close((error) => (error ? reject(error) : resolve()));
          }).finally(async () => {
            signals?.stop();
            if (!deps.browser) await browser.close();
            if (!deps.rumIngest) await rum.close();
          }),
      };
    },
  };
}
