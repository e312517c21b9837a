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

export interface ShopifyStorePorts {
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
}

export interface ShopifyServices extends OfflineTokens {
  shopify: ShopifyApp;
  sessionStorage: EncryptedSessionStorage;
  adminApi: AdminApi;
  handleWebhook(delivery: WebhookDelivery): Promise<WebhookOutcome>;
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

  return {
    shopify,
    sessionStorage,
    adminApi,
    ...tokens,
    handleWebhook: (delivery) => handleWebhook({ sessionStorage, shops: store.shops, receipts: store.webhookReceipts, lifecycle, logger }, delivery),
  };
}

export type { AdminApi } from './admin-api.ts';
export type { ShopLifecycle, ShopProfile, AuditRequest } from './ports.ts';
export { ShopNotAuthorisedError } from './offline-token.ts';
export { assertShopOwnsAuditTarget, AuditTargetRefusedError } from './own-domain-guard.ts';
