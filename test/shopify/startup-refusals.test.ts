// Configuration that must stop the server before it listens: a Shopify stand-in in production, and production
// without a token encryption key (or with a malformed one).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/create-server.ts';
import { ApiOriginRefusedError } from '../../src/shopify/api-origin-override.ts';
import { TokenCipherError } from '../../src/shopify/token-cipher.ts';
import type { Store } from '../../src/store/index.ts';
import { sqliteBackend } from '../store/backends.ts';
import { ENCRYPTION_KEY, testConfig } from './harness.ts';

const backend = sqliteBackend();
let store: Store;

beforeAll(async () => {
  store = await backend.open(backend.fresh());
});

afterAll(async () => {
  await store?.close();
  await backend.cleanup();
});

const lifecycle = { requestAudit: async () => {}, stopSchedules: async () => {}, deleteShopData: async () => {} };
const build = (env: Record<string, string>, origin = 'http://127.0.0.1:1', privateAuditOrigins: string[] = []) => {
  const config = testConfig(origin, env);
  return () => createServer({ config, logger: pino({ level: 'silent' }), store, lifecycle, privateAuditOrigins });
};

describe('startup refusals', () => {
  it('refuses SHOPIFY_API_ORIGIN when NODE_ENV=production', () => {
    expect(build({ NODE_ENV: 'production' })).toThrow(ApiOriginRefusedError);
  });

  it('refuses to start in production without ENCRYPTION_KEY', () => {
    expect(build({ NODE_ENV: 'production', SHOPIFY_API_ORIGIN: '', ENCRYPTION_KEY: '' })).toThrow(/ENCRYPTION_KEY is required in production/);
  });

  it('refuses a malformed ENCRYPTION_KEY', () => {
    expect(build({ NODE_ENV: 'production', SHOPIFY_API_ORIGIN: '', ENCRYPTION_KEY: 'short' })).toThrow(TokenCipherError);
  });

  it('starts in production with a key and no stand-in', () => {
    const server = build({ NODE_ENV: 'production', SHOPIFY_API_ORIGIN: '', ENCRYPTION_KEY })();
    expect(server.context.mode).toBe('embedded');
  });

  it('starts in development without a key (derived development key)', () => {
    expect(build({ ENCRYPTION_KEY: '' })().context.mode).toBe('embedded');
  });

  it('refuses private audit origins in production, without the stand-in, and when they are not http(s)', () => {
    expect(build({ NODE_ENV: 'production', SHOPIFY_API_ORIGIN: '', ENCRYPTION_KEY }, undefined, ['http://127.0.0.1:4000'])).toThrow(/SHOPIFY_DEV_STOREFRONT_ORIGINS.*production/);
    expect(build({ SHOPIFY_API_ORIGIN: '' }, undefined, ['http://127.0.0.1:4000'])).toThrow(/needs SHOPIFY_API_ORIGIN/);
    expect(build({}, undefined, ['file:///tmp'])).toThrow(ApiOriginRefusedError);
    expect(build({}, undefined, ['127.0.0.1:4000 nope'])).toThrow(ApiOriginRefusedError);
    expect(build({}, undefined, ['http://127.0.0.1:4000/any/path'])().context.mode).toBe('embedded');
  });

  it('reads the allowance only from SHOPIFY_DEV_STOREFRONT_ORIGINS, never from SHOPIFY_API_ORIGIN alone', async () => {
    const { readConfig } = await import('../../src/config.ts');
    expect(readConfig({ SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: 's', SHOPIFY_API_ORIGIN: 'http://127.0.0.1:4100' }).shopify?.devStorefrontOrigins).toEqual([]);
    expect(readConfig({ SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: 's', SHOPIFY_API_ORIGIN: 'http://127.0.0.1:4100', SHOPIFY_DEV_STOREFRONT_ORIGINS: ' http://127.0.0.1:4000 , http://localhost:4001' }).shopify?.devStorefrontOrigins)
      .toEqual(['http://127.0.0.1:4000', 'http://localhost:4001']);
  });

  it('refuses a stand-in origin that is not http(s)', () => {
    expect(build({}, 'file:///etc/passwd')).toThrow(ApiOriginRefusedError);
  });
});
