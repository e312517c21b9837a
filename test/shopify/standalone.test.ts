// The same server without Shopify credentials: one local shop, /api for this machine only, no webhooks.
import { networkInterfaces } from 'node:os';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import type { AuditRequest } from '../../src/shopify/ports.ts';
import type { Store } from '../../src/store/index.ts';
import { sqliteBackend } from '../store/backends.ts';

const backend = sqliteBackend();
let store: Store;
let running: RunningServer;
const audits: AuditRequest[] = [];
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

beforeAll(async () => {
  store = await backend.open(backend.fresh());
  const server = createServer({
    config: readConfig({ NODE_ENV: 'test' }),
    logger: pino({ level: 'silent' }),
    store,
    lifecycle: { requestAudit: async (r) => void audits.push(r), stopSchedules: async () => {}, deleteShopData: async () => {} },
  });
  running = await server.listen(0, '0.0.0.0');
});

afterAll(async () => {
  await running?.close();
  await store?.close();
  await backend.cleanup();
});

const local = (path: string, init?: RequestInit) => fetch(`${running.url.replace('0.0.0.0', '127.0.0.1')}${path}`, init);

describe('standalone mode', () => {
  it('reports its mode on /health', async () => {
    expect(await (await local('/health')).json()).toEqual({ status: 'ok', mode: 'standalone' });
  });

  it('serves /api to loopback clients as the local shop, without a token', async () => {
    const shop = await (await local('/api/shop')).json();
    expect(shop).toMatchObject({ mode: 'standalone', shop: 'standalone.local' });
    const queued = await local('/api/audits', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'http://127.0.0.1:4000/' }) });
    expect(queued.status).toBe(202);
    expect(audits).toEqual([{ shop: 'standalone.local', url: 'http://127.0.0.1:4000/', reason: 'manual' }]);
    expect((await local('/api/audits', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
    expect((await local('/api/no-such-route')).status).toBe(404);
  });

  it.skipIf(!externalAddress)('refuses /api to clients on other machines', async () => {
    const port = new URL(running.url).port;
    const response = await fetch(`http://${externalAddress}:${port}/api/shop`);
    expect(response.status).toBe(403);
  });

  it('has no webhook endpoint and no Shopify data without credentials', async () => {
    expect((await local('/api/webhooks', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await local('/api/shop/store-inputs')).status).toBe(404);
  });

  it('serves app proxy routes as the local shop', async () => {
    expect(await (await local('/apps/storefront-auditor/ping')).json()).toEqual({ shop: 'standalone.local' });
  });
});
