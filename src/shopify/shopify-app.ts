// The one place the Shopify libraries are configured. Embedded, managed installation: the admin hands us an
// App Bridge session token, the express package validates it and exchanges it for an expiring offline token
// (future flags tokenExchange + expiringOfflineAccessTokens), and there is no legacy OAuth redirect flow.
import type { Session } from '@shopify/shopify-api';
import { ApiVersion, LogSeverity } from './library.ts';
import { shopifyApp } from '@shopify/shopify-app-express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.ts';
import { overrideShopifyApiOrigin } from './api-origin-override.ts';
import { EncryptedSessionStorage } from './session-storage.ts';
import type { SessionRepository } from './ports.ts';
import { createTokenCipher, resolveTokenKey } from './token-cipher.ts';

/** Pinned: a GraphQL field that changes shape only reaches us when this line changes. */
export const SHOPIFY_API_VERSION = ApiVersion.October26;

export type ShopifyCredentials = NonNullable<AppConfig['shopify']>;

export interface ShopifyAppOptions {
  credentials: ShopifyCredentials;
  production: boolean;
  encryptionKey: string | undefined;
  sessions: SessionRepository;
  logger: Logger;
  /** Runs once per installation/re-authorisation, after the first offline token is stored. */
  afterAuth: (session: Session) => Promise<void>;
}

export function createShopifyApp(options: ShopifyAppOptions) {
  const { credentials, logger } = options;
  // Both checks throw before anything listens: production must never talk to a stand-in or store plaintext.
  overrideShopifyApiOrigin(credentials.apiOrigin, { production: options.production });
  const key = resolveTokenKey({
    encryptionKey: options.encryptionKey,
    production: options.production,
    apiSecret: credentials.apiSecret,
  });
  if (!options.encryptionKey) logger.warn('ENCRYPTION_KEY is not set: using a development key derived from the app secret');
  const sessionStorage = new EncryptedSessionStorage(options.sessions, createTokenCipher(key));
  const appUrl = new URL(credentials.appUrl);
  const shopify = shopifyApp({
    api: {
      apiKey: credentials.apiKey,
      apiSecretKey: credentials.apiSecret,
      scopes: credentials.scopes,
      hostName: appUrl.host,
      hostScheme: appUrl.protocol === 'http:' ? 'http' : 'https',
      apiVersion: SHOPIFY_API_VERSION,
      isEmbeddedApp: true,
      _logDisabledFutureFlags: false,
      logger: {
        level: LogSeverity.Info,
        log: (severity, message) => {
          if (severity === LogSeverity.Error) logger.error(message);
          else if (severity === LogSeverity.Warning) logger.warn(message);
          else if (severity === LogSeverity.Info) logger.info(message);
          else logger.debug(message);
        },
      },
    },
    // Required by the package's types; with tokenExchange on, these legacy OAuth paths are never mounted.
    auth: { path: '/api/auth', callbackPath: '/api/auth/callback' },
    webhooks: { path: '/api/webhooks' },
    sessionStorage,
    future: { tokenExchange: true, expiringOfflineAccessTokens: true },
    hooks: { afterAuth: ({ session }) => options.afterAuth(session) },
  });
  return { shopify, sessionStorage };
}

export type ShopifyApp = ReturnType<typeof createShopifyApp>['shopify'];
