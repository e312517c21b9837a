// Everything the server needs from the Shopify layer, built once from configuration and the data layer.
import type { Session } from '@shopify/shopify-api';
import type { Logger } from 'pino';
import { createAdminApi, type AdminApi } from './admin-api.ts';
import type { BackoffOptions } from './graphql-with-backoff.ts';
import { createOfflineTokens, type OfflineTokens } from './offline-token.ts';
import type { SessionRepository, ShopLifecycle, ShopRepository, WebhookReceiptRepository } from './ports.ts';
import type { EncryptedSessionStorage } from './session-storage.ts';
import { createShopifyApp, type ShopifyApp, type ShopifyCredentials } from './shopify-app.ts';
import { AuditTargetRefusedError } from './own-domain-guard.ts';
import { handleWebhook, type WebhookDelivery, type WebhookOutcome } from './webhook-handlers.ts';
import { connectWebPixel, type PixelConnection, type PixelSettings } from './web-pixel.ts';
import {
  APP_RENAMES_SETTING,
  readStorefrontSignals,
  STOREFRONT_SIGNALS_SETTING,
  type SettingsPort,
  type StorefrontSignals,
} from './storefront-signals.ts';

export interface ShopifyStorePorts {
  settings: SettingsPort;
  sessions: SessionRepository;
  webhookReceipts: WebhookReceiptRepository;
  shops: ShopRepository;
}

export interface ShopifyServicesOptions {
  credentials: ShopifyCredentials;
  production: boolean;
  encryptionKey: string | undefined;
  store: ShopifyStorePorts;
  lifecycle: ShopLifecycle;
  logger: Logger;
  backoff?: BackoffOptions;
  /** The funnel pixel's settings for a shop (our ingest URL and that shop's key); the pixel is not connected without it. */
  pixelSettingsFor?: (shop: string) => PixelSettings;
}

export interface ShopifyServices extends OfflineTokens {
  shopify: ShopifyApp;
  sessionStorage: EncryptedSessionStorage;
  adminApi: AdminApi;
  handleWebhook(delivery: WebhookDelivery): Promise<WebhookOutcome>;
  /** Creates or updates the shop's web pixel record (idempotent); saved under the 'pixel' setting. */
  connectPixel(shop: string): Promise<PixelConnection>;
  /** Re-reads embed state, embedded apps and Shopify's field vitals, and saves them for the audit workers. */
  refreshStorefrontSignals(shop: string): Promise<StorefrontSignals>;
}

export function createShopifyServices(options: ShopifyServicesOptions): ShopifyServices {
  const { store, lifecycle, logger } = options;
  const { shopify, sessionStorage } = createShopifyApp({
    credentials: options.credentials,
    production: options.production,
    encryptionKey: options.encryptionKey,
    sessions: store.sessions,
    logger,
    afterAuth: (session) => onAuthorised(session),
  });
  const tokens = createOfflineTokens(shopify);
  // afterAuth (below) needs the Admin API, which needs the app; it is only called after this line has run.
  const adminApi = createAdminApi(shopify, tokens, options.backoff);

  // Runs after every token exchange, which also happens when an expired token is replaced while the merchant
  // is present, so "first install" is decided by the shop registry, not by this hook being called.
  async function onAuthorised(session: Session): Promise<void> {
    const wasInstalled = await store.shops.isInstalled(session.shop);
    const profile = await adminApi.shopProfile(session.shop);
    await store.shops.saveProfile(profile);
    // Every authorisation (install, re-install, a token exchange after expiry) re-checks the pixel: it must
    // point at this server with this shop's key, and a changed URL or key is pushed to Shopify here.
    await connectPixel(session.shop);
    if (wasInstalled) return;
    await store.shops.markInstalled(session.shop, new Date());
    logger.info({ shop: session.shop }, 'shop installed');
    await lifecycle.onInstalled?.(profile);
    try {
      await lifecycle.requestAudit({ shop: session.shop, url: profile.storefrontUrl, reason: 'install' });
    } catch (error) {
      // A storefront the guard refuses must not fail the install; the merchant sees why when auditing.
      if (!(error instanceof AuditTargetRefusedError)) throw error;
      logger.warn({ shop: session.shop, reason: error.message }, 'first audit not queued');
    }
  }

  const run = (shop: string) => <T>(document: string, variables?: Record<string, unknown>) => adminApi.query<T>(shop, document, variables);

  async function connectPixel(shop: string): Promise<PixelConnection> {
    if (!options.pixelSettingsFor) return { state: 'failed', reason: 'no ingest endpoint configured' };
    const connection = await connectWebPixel(run(shop), options.pixelSettingsFor(shop));
    await store.settings.set(shop, 'pixel', { ...connection, at: new Date().toISOString() });
    if (connection.state === 'failed') logger.warn({ shop, reason: connection.reason, code: connection.code }, 'web pixel not connected');
    else logger.info({ shop, state: connection.state }, 'web pixel connected');
    return connection;
  }

  async function refreshStorefrontSignals(shop: string): Promise<StorefrontSignals> {
    const renames = (await store.settings.get<Record<string, string>>(shop, APP_RENAMES_SETTING)) ?? {};
    const unstable = <T>(document: string, variables?: Record<string, unknown>) => adminApi.queryUnstable<T>(shop, document, variables);
    const signals = await readStorefrontSignals(run(shop), shop, options.credentials.apiKey, renames, unstable);
    await store.settings.set(shop, STOREFRONT_SIGNALS_SETTING, signals);
    return signals;
  }

  return {
    shopify,
    sessionStorage,
    connectPixel,
    refreshStorefrontSignals,
    adminApi,
    ...tokens,
    handleWebhook: (delivery) => handleWebhook({ sessionStorage, shops: store.shops, receipts: store.webhookReceipts, lifecycle, logger }, delivery),
  };
}

export type { AdminApi } from './admin-api.ts';
export type { ShopLifecycle, ShopProfile, AuditRequest } from './ports.ts';
export { ShopNotAuthorisedError } from './offline-token.ts';
export { assertShopOwnsAuditTarget, AuditTargetRefusedError } from './own-domain-guard.ts';
