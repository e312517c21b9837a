// One app server wired to a real store (SQLite or PostgreSQL) and the Shopify stand-in, as `serve` would wire
// it, except that the lifecycle's audit queue is a recorder: the audit engine is not under test here.
import pino from 'pino';
import { readConfig, type AppConfig } from '../../src/config.ts';
import { createServer, type AppServer, type RunningServer } from '../../src/server/create-server.ts';
import type { AuditRequest, ShopLifecycle } from '../../src/shopify/ports.ts';
import { startShopifyStandIn, type ShopifyStandIn } from '../../src/shopify/stand-in/server.ts';
import type { Resolve } from '../../src/shopify/own-domain-guard.ts';
import type { Store } from '../../src/store/index.ts';
import type { TestBackend } from '../store/backends.ts';

export const API_KEY = 'test-api-key';
export const API_SECRET = 'test-api-secret-0123456789';
export const ENCRYPTION_KEY = 'a'.repeat(64);

export interface Harness {
  store: Store;
  standIn: ShopifyStandIn;
  server: AppServer;
  running: RunningServer;
  url: string;
  auditRequests: AuditRequest[];
  stoppedSchedules: string[];
  installed: string[];
  api(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  webhookUrl: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  resolveHost?: Resolve;
  accessTokenTtlSeconds?: number;
  /** Storefront origins the shops' audits may reach although private (SHOPIFY_DEV_STOREFRONT_ORIGINS). */
  privateAuditOrigins?: string[];
  /** Replaces the recording lifecycle with a real one (e.g. the jobs layer) built on the harness's store. */
  makeLifecycle?: (store: Store) => Promise<{ lifecycle: ShopLifecycle; close(): Promise<void> }>;
  /** Makes the next N requestAudit calls throw, to exercise webhook retry. */
  failAudits?: { remaining: number };
}

/**
 * The test machine may be offline, so the storefront domains the tests invent (`*.example`, reserved for
 * documentation) get a fixed public answer, Shopify's storefront address; every other name goes to the system
 * resolver (so `localhost` still resolves to loopback).
 */
export async function resolveExampleDomains(host: string): Promise<string[]> {
  if (host.endsWith('.example')) return ['23.227.38.65'];
  const { lookup } = await import('node:dns/promises');
  return (await lookup(host, { all: true })).map((a) => a.address);
}

export function testConfig(standInUrl: string, env: Record<string, string> = {}): AppConfig {
  return readConfig({
    NODE_ENV: 'test',
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: 'https://app.example.test',
    SHOPIFY_API_ORIGIN: standInUrl,
    ENCRYPTION_KEY,
    ...env,
  });
}

export async function startHarness(backend: TestBackend, options: HarnessOptions = {}): Promise<Harness> {
  const store = await backend.open(backend.fresh());
  const standIn = await startShopifyStandIn({ apiKey: API_KEY, apiSecret: API_SECRET, accessTokenTtlSeconds: options.accessTokenTtlSeconds });
  const auditRequests: AuditRequest[] = [];
  const stoppedSchedules: string[] = [];
  const installed: string[] = [];
  const lifecycle: ShopLifecycle = {
    async onInstalled(profile) {
      installed.push(profile.shop);
    },
    async requestAudit(request) {
      if (options.failAudits && options.failAudits.remaining > 0) {
        options.failAudits.remaining -= 1;
        throw new Error('queue unavailable');
      }
      auditRequests.push(request);
    },
    async stopSchedules(shop) {
      stoppedSchedules.push(shop);
    },
    async deleteShopData(shop) {
      await store.deleteShopData(shop);
    },
  };
  const real = options.makeLifecycle ? await options.makeLifecycle(store) : undefined;
  const server = createServer({
    config: testConfig(standIn.url, options.env),
    logger: pino({ level: process.env.SHOPIFY_TEST_LOG ?? 'silent' }),
    store,
    lifecycle: real?.lifecycle ?? lifecycle,
    adminApiBackoff: { baseDelayMs: 20, maxDelayMs: 500 },
    resolveHost: options.resolveHost ?? resolveExampleDomains,
    privateAuditOrigins: options.privateAuditOrigins,
  });
  const running = await server.listen(0, '127.0.0.1');
  return {
    store,
    standIn,
    server,
    running,
    url: running.url,
    auditRequests,
    stoppedSchedules,
    installed,
    webhookUrl: `${running.url}/api/webhooks`,
    api(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      if (rest.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${running.url}${path}`, { ...rest, headers });
    },
    async close() {
      await running.close();
      await real?.close();
      await standIn.close();
      await store.close();
    },
  };
}
