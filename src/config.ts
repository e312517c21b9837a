// The only place that reads the environment. Everything below receives the resulting object.
import { resolve } from 'node:path';

export interface AppConfig {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects PostgreSQL + pg-boss (scale-out); unset means the embedded SQLite default. */
  databaseUrl: string | undefined;
  chromePath: string | undefined;
  shopify: {
    apiKey: string;
    apiSecret: string;
    appUrl: string;
    scopes: string[];
    /** Local stand-in for Shopify's endpoints, for development and tests only. */
    apiOrigin: string | undefined;
    /**
     * SHOPIFY_DEV_STOREFRONT_ORIGINS (comma-separated): the stand-in shops' storefront origins, which app-mode
     * audits may reach although they are on localhost. Only with SHOPIFY_API_ORIGIN, never in production.
     */
    devStorefrontOrigins: string[];
  } | null;
  /** 32-byte key (hex or base64) for encrypting tokens at rest. */
  encryptionKey: string | undefined;
  smtpUrl: string | undefined;
  alertFrom: string;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const hasShopify = Boolean(env.SHOPIFY_API_KEY && env.SHOPIFY_API_SECRET);
  return {
    nodeEnv,
    production: nodeEnv === 'production',
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    chromePath: env.CHROME_PATH || undefined,
    shopify: hasShopify
      ? {
          apiKey: env.SHOPIFY_API_KEY as string,
          apiSecret: env.SHOPIFY_API_SECRET as string,
          appUrl: env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT ?? 3000}`,
          scopes: (env.SCOPES ?? 'read_products,read_themes,read_orders,read_reports,write_pixels,read_customer_events').split(',').map((s) => s.trim()).filter(Boolean),
          apiOrigin: env.SHOPIFY_API_ORIGIN || undefined,
          // Checked (http(s), stand-in set, not production) by createServer, like SHOPIFY_API_ORIGIN.
          devStorefrontOrigins: (env.SHOPIFY_DEV_STOREFRONT_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        }
      : null,
    encryptionKey: env.ENCRYPTION_KEY || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    alertFrom: env.ALERT_FROM ?? 'Storefront Auditor <alerts@localhost>',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
