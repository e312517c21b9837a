// What the server is built from. Everything arrives from the caller (CLI `serve`/`start`, tests), which reads
// configuration once; nothing in src/server reads process.env. Areas that mount routes add their own fields
// here, optional when the server can run without them.
import type { Logger } from 'pino';
import type { BrowserPool } from '../../audits/shared/browser.ts';
import type { Registry } from 'prom-client';
import type { AppConfig } from '../config.ts';
import type { SchedulesDeps } from '../jobs/schedules-api.ts';
import type { ShopifyServices, ShopifyStorePorts } from '../shopify/index.ts';
import type { BackoffOptions } from '../shopify/graphql-with-backoff.ts';
import type { Resolve } from '../shopify/own-domain-guard.ts';
import type { ShopLifecycle } from '../shopify/ports.ts';
import type { Store } from '../store/index.ts';
import type { RumIngest } from '../rum/ingest.ts';

export interface ServerDeps {
  config: AppConfig;
  logger: Logger;
  /** The data layer (SQLite or PostgreSQL), opened by the caller. Routes query it scoped by shopOf(res). */
  store: Store;
  /** Queueing audits, stopping schedules, erasing a shop: supplied by the jobs/store wiring. */
  lifecycle: ShopLifecycle;
  /** Extra readiness for /health (e.g. the jobs layer's queue and worker); /health answers 503 when not ok. */
  health?: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  /** The jobs layer's schedules API (`jobs.schedules`); the admin Settings view changes schedules through it. */
  schedules?: SchedulesDeps;
  /** Prometheus registry served at /metrics (the jobs layer's). */
  metricsRegistry?: Registry;
  /** Built admin UI (index.html + assets); omitted until the admin UI is built. */
  adminStaticDir?: string;
  /** Admin API retry tuning (tests shorten the waits). */
  adminApiBackoff?: BackoffOptions;
  /** DNS resolution for the own-domain guard; the system resolver when omitted. */
  resolveHost?: Resolve;
  /**
   * Storefront origins app-mode audits may reach although private (exact origins, e.g. `http://127.0.0.1:4000`):
   * only for development against the Shopify stand-in, whose shops live on localhost
   * (SHOPIFY_DEV_STOREFRONT_ORIGINS). createServer refuses any in production.
   */
  privateAuditOrigins?: readonly string[];
  /** Real-user data ingestion (beacons, pixel events); createServer makes one on `store` when omitted, and then flushes it on close. */
  rumIngest?: RumIngest;
  /**
   * The process's shared Chromium, for printing report PDFs; createServer makes one (launched on first use, at
   * `config.chromePath`) when omitted, and then closes it on close.
   */
  browser?: BrowserPool;
}

/** What route factories receive: the deps plus the services built from them. */
export interface ServerContext extends ServerDeps {
  /** The store's shop, session and webhook repositories as the Shopify layer sees them. */
  shopifyStore: ShopifyStorePorts;
  mode: 'standalone' | 'embedded';
  /** Null in standalone mode (no Shopify credentials). */
  shopify: ShopifyServices | null;
  /** The storefront plugin's ingestion (beacon and pixel routes). */
  rum: RumIngest;
  /** The shared Chromium (deps.browser or the server's own). */
  browser: BrowserPool;
}
