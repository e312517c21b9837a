// One app server in app mode (Shopify credentials, so the app proxy signature is enforced) on a real store,
// with the RUM ingestion limits a test chooses, plus helpers that sign requests the way Shopify's proxy does.
import pino from 'pino';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import { createRumIngest, type RumIngest, type RumIngestOptions } from '../../src/rum/ingest.ts';
import { signAppProxyQuery } from '../../src/shopify/stand-in/webhook-sender.ts';
import type { ShopLifecycle } from '../../src/shopify/ports.ts';
import type { Store } from '../../src/store/index.ts';
import type { TestBackend } from '../store/backends.ts';
import { API_SECRET, testConfig } from '../shopify/harness.ts';

export { API_SECRET };

export interface RumApp {
  store: Store;
  rum: RumIngest;
  url: string;
  running: RunningServer;
  close(): Promise<void>;
}

const idleLifecycle: ShopLifecycle = {
  async onInstalled() {},
  async requestAudit() {},
  async stopSchedules() {},
  async deleteShopData() {},
};

export async function startRumApp(backend: TestBackend, options: RumIngestOptions = {}): Promise<RumApp> {
  const store = await backend.open(backend.fresh());
  const rum = createRumIngest(store, { keySecret: API_SECRET, ...options });
  const server = createServer({
    config: testConfig('http://127.0.0.1:9'),
    logger: pino({ level: process.env.RUM_TEST_LOG ?? 'silent' }),
    store,
    lifecycle: idleLifecycle,
    rumIngest: rum,
  });
  const running = await server.listen(0, '127.0.0.1');
  return {
    store, rum, running, url: running.url,
    async close() {
      await running.close();
      await rum.close();
      await store.close();
    },
  };
}

/** The query Shopify's app proxy appends to a forwarded storefront request, signed with `secret`. */
export function signedProxyQuery(shop: string, secret = API_SECRET, timestamp = Math.floor(Date.now() / 1000)): URLSearchParams {
  return signAppProxyQuery({ shop, path_prefix: '/apps/storefront-auditor', timestamp: String(timestamp), logged_in_customer_id: '' }, secret);
}
