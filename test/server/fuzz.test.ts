// Property-based requests (fast-check) against every route the server has, listed from its router, on SQLite,
// on PostgreSQL and in app mode (session tokens from the Shopify stand-in, signed app-proxy queries, signed
// webhooks). For every request: never a 5xx (but the documented exceptions below), never a stack trace in a
// body, every /api, app-proxy, pixel-ingest and webhook refusal in the one error shape, and the shop's stored state exactly as before after a
// refusal. /health answers afterwards. Inputs come from each route's own zod schemas (near-valid, so stores
// are reached) mixed with hostile values. The seed is printed; FUZZ_SEED=<n> replays, FUZZ_RUNS=<n> sets the
// requests per route (default 25).
import { gzipSync } from 'node:zlib';
import { createServer as createHttpServer, request as httpRequest, Agent, type Server } from 'node:http';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createEmbeddedQueue } from '../../src/jobs/embedded-queue.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import { createServer, type AppServer, type RunningServer } from '../../src/server/create-server.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import type { ShopLifecycle } from '../../src/shopify/ports.ts';
import { startShopifyStandIn, type ShopifyStandIn } from '../../src/shopify/stand-in/server.ts';
import { signAppProxyQuery, signWebhookBody } from '../../src/shopify/stand-in/webhook-sender.ts';
import type { Store } from '../../src/store/index.ts';
import { BACKENDS, postgresBackend, type TestBackend } from '../store/backends.ts';
import { API_SECRET, resolveExampleDomains, testConfig } from '../shopify/harness.ts';
import { hostileJson, hostileStrings, inputFor, propertyNames } from './fuzz-arbitraries.ts';
import { routesOf, type RouteEntry } from './route-table.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SHOP_A = 'fuzz-a.myshopify.com';
const SHOP_B = 'fuzz-b.myshopify.com';
console.log(`fuzz: seed ${SEED}, ${RUNS} requests per route (replay with FUZZ_SEED=${SEED})`);

/** 5xx a client can cause on purpose and that says so: the channel it asked to test did not deliver. */
function allowedServerError(route: RouteEntry, status: number, body: string): boolean {
  return route.path === '/api/admin/alerts/test' && status === 502 && body.includes('"delivered":false');
}

const STACK = /\bat [^\n]*\((?:file:\/\/)?\/[^\n]*:\d+:\d+\)|\n\s+at \S+ \(|node:internal/;
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/merge-patch+json',
  'garbage',
];
const BAD_ESCAPES = ['%', '%E0%A4%A', '%ED%A0%80', '%00', '%FF', '..', '%2e%2e', '%2F..%2F', ''];

interface Wire {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// A connection per request: a refused body is never read, so the server may close the connection under it.
const agent = new Agent({ keepAlive: false });

/** Sends exactly these bytes (fetch would normalise the path and the headers). */
function send(base: string, wire: Wire): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: wire.method, path: wire.path, headers: wire.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        // A live progress stream: its status and headers are the answer; stop reading.
        res.destroy();
        finish();
        return;
      }
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 1_000_000) chunks.push(chunk);
      });
      res.on('end', finish);
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer in 10 s: ${wire.method} ${wire.path}`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A server may answer before reading a large body and close the connection: TCP then resets it under
      // the body still being sent, and the answer can be lost with it. Status 0 = closed without an answer
      // we could read; it still counts as a refusal (the stored state must be unchanged).
      if ((wire.body?.length ?? 0) > 65_536 && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) resolve({ status: 0, headers: {}, body: '' });
      else reject(error);
    });
    req.end(wire.body);
  });
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8: send the bytes a client would
  }
}

/** `/api/admin/runs/:id/artifacts/{*path}` with concrete segments. */
function fillPath(pattern: string, values: Record<string, unknown>, raw: string | null): string {
  const segment = (v: unknown) => (raw !== null ? raw : encodeSegment(typeof v === 'string' ? v : JSON.stringify(v) ?? ''));
  return pattern
    .replace(/\{\*(\w+)\}|\*(\w+)/g, (_m, a: string | undefined, b: string | undefined) => {
      const v = values[(a ?? b) as string];
      return Array.isArray(v) && v.length ? v.map(segment).join('/') : segment(v ?? 'x.png');
    })
    .replace(/:(\w+)/g, (_m, name: string) => segment(values[name] ?? 'x'))
    .replace(/[{}]/g, '');
}

function queryString(query: unknown): string {
  if (!query || typeof query !== 'object' || Array.isArray(query)) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeSegment(key)}=${encodeSegment(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

interface Target {
  name: string;
  mode: 'standalone' | 'embedded';
  store: Store;
  server: AppServer;
  running: RunningServer;
  shop: string;
  audits: unknown[];
  extraStrings: string[];
  token?: () => Promise<string>;
  standIn?: ShopifyStandIn;
  close(): Promise<void>;
}

/** What a refusal must leave exactly as it was: the shop's settings, decisions, schedules, runs, audit requests. */
async function snapshot(t: Target): Promise<string> {
  const [settings, fixes, schedules, runs] = await Promise.all([
    t.store.settings.getAll(t.shop),
    t.store.fixes.list(t.shop),
    t.store.schedules.list(t.shop),
    t.store.runs.list(t.shop, { limit: 100 }),
  ]);
  return JSON.stringify({ settings, fixes, schedules, runs: runs.items.map((r) => [r.id, r.status]), audits: t.audits.length });
}

async function seed(store: Store, shop: string, dataDir: string): Promise<string[]> {
  const report: Report = validateReport(JSON.parse(await readFile(new URL('../fixtures/demo-defective-report.json', import.meta.url), 'utf8')));
  const run = await store.runs.saveReport(shop, report);
  await mkdir(join(dataDir, 'artifacts', String(run.id), 'checkout'), { recursive: true });
  await writeFile(join(dataDir, 'artifacts', String(run.id), 'checkout', '01-cart.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  const fixIds = (await store.runs.getFixes(shop, run.id)).map((f) => f.id);
  return [String(run.id), 'checkout', '01-cart.png', ...fixIds];
}

function recordingLifecycle(audits: unknown[]): ShopLifecycle {
  return {
    async onInstalled() {},
    async requestAudit(request) {
      audits.push(request);
    },
    async stopSchedules() {},
    async deleteShopData() {},
  };
}

async function standaloneTarget(backend: TestBackend, hookUrl: string): Promise<Target> {
  const store = await backend.open(backend.fresh());
  const dataDir = await mkdtemp(join(tmpdir(), 'fuzz-'));
  const logger = pino({ level: 'silent' });
  const audits: unknown[] = [];
  // Report PDFs are printed by Chromium: launched before the first request, so its start-up is not a request's.
  const browser = new BrowserPool();
  await browser.get();
  const server = createServer({
    browser,
    config: readConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
    logger,
    store,
    lifecycle: recordingLifecycle(audits),
    schedules: { store, queue: createEmbeddedQueue({ store, logger }) },
  });
  const running = await server.listen(0, '127.0.0.1');
  const extra = await seed(store, STANDALONE_SHOP, dataDir);
  return {
    name: backend.name,
    mode: 'standalone',
    store,
    server,
    running,
    shop: STANDALONE_SHOP,
    audits,
    extraStrings: [...extra, hookUrl],
    async close() {
      await running.close();
      await browser.close();
      await store.close();
      await backend.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function appTarget(backend: TestBackend, hookUrl: string): Promise<Target> {
  const store = await backend.open(backend.fresh());
  const dataDir = await mkdtemp(join(tmpdir(), 'fuzz-app-'));
  const standIn = await startShopifyStandIn({ apiKey: 'test-api-key', apiSecret: API_SECRET });
  const logger = pino({ level: 'silent' });
  const audits: unknown[] = [];
  // Report PDFs are printed by Chromium: launched before the first request, so its start-up is not a request's.
  const browser = new BrowserPool();
  await browser.get();
  const server = createServer({
    browser,
    config: testConfig(standIn.url, { DATA_DIR: dataDir }),
    logger,
    store,
    lifecycle: recordingLifecycle(audits),
    schedules: { store, queue: createEmbeddedQueue({ store, logger }) },
    adminApiBackoff: { baseDelayMs: 5, maxDelayMs: 50 },
    resolveHost: resolveExampleDomains,
  });
  const running = await server.listen(0, '127.0.0.1');
  for (const shop of [SHOP_A, SHOP_B]) {
    standIn.addShop({ shop, name: shop, primaryDomain: shop.replace('.myshopify.com', '.example') });
    // The first call with a session token installs the shop (token exchange).
    const first = await fetch(`${running.url}/api/shop`, { headers: { authorization: `Bearer ${await standIn.sessionToken(shop)}` } });
    expect(first.status).toBe(200);
  }
  const extra = await seed(store, SHOP_A, dataDir);
  audits.length = 0;
  return {
    name: 'app mode',
    mode: 'embedded',
    store,
    server,
    running,
    shop: SHOP_A,
    audits,
    extraStrings: [...extra, hookUrl, SHOP_A, SHOP_B, 'https://fuzz-a.example/'],
    token: () => standIn.sessionToken(SHOP_A),
    standIn,
    async close() {
      await running.close();
      await browser.close();
      await standIn.close();
      await store.close();
      await backend.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface Draft {
  method: string;
  params: unknown;
  rawSegment: string | null;
  query: unknown;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } | { kind: 'big' } | { kind: 'gzip-garbage' };
  contentType: string | null;
  language: string;
  auth: 'valid' | 'none' | 'garbage';
  sign: boolean;
}

function draftFor(route: RouteEntry, strings: fc.Arbitrary<string>): fc.Arbitrary<Draft> {
  const names = [...route.path.matchAll(/[:*](\w+)/g)].map((m) => m[1] as string);
  const paramsArb = route.schemas?.params
    ? inputFor(route.schemas.params, strings)
    : fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof(strings, fc.array(strings, { minLength: 1, maxLength: 3 }))])));
  const queryKeys = propertyNames(route.schemas?.query);
  const queryArb = route.schemas?.query
    ? inputFor(route.schemas.query, strings)
    : fc.dictionary(fc.oneof(fc.constantFrom('shop', 'key', 'run', 'timestamp', 'signature', 'path_prefix', ...queryKeys), strings), fc.oneof(strings, fc.array(strings, { maxLength: 2 })), { maxKeys: 3 });
  const json = route.schemas?.body ? inputFor(route.schemas.body, strings) : hostileJson(strings);
  return fc.record({
    method: fc.oneof({ weight: 12, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') }),
    params: paramsArb,
    rawSegment: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_ESCAPES) }),
    query: queryArb,
    body: fc.oneof(
      { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
      { weight: 8, arbitrary: json.map((value) => ({ kind: 'json' as const, value })) },
      { weight: 2, arbitrary: fc.constantFrom('{"a":', '{', 'nul', '"\\u0000"', '{"a":"\\ud800"}', '1', 'null', '[]', '\u0000', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}').map((text) => ({ kind: 'raw' as const, text })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ kind: 'raw' as const, text })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'big' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'gzip-garbage' as const }) },
    ),
    contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 4, arbitrary: fc.constantFrom(...CONTENT_TYPES, null) }),
    language: fc.constantFrom('en', 'he-IL,he;q=0.9', 'fa', 'zh-CN', 'xx', '*', ';;;'),
    auth: fc.oneof({ weight: 8, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const) }),
    sign: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });
}

const BIG = Buffer.alloc(1_100_000, 'a');

async function wireOf(t: Target, route: RouteEntry, draft: Draft, topics: string[]): Promise<Wire> {
  const params = draft.params && typeof draft.params === 'object' && !Array.isArray(draft.params) ? (draft.params as Record<string, unknown>) : {};
  let path = fillPath(route.path, params, draft.rawSegment) + queryString(draft.query);
  const headers: Record<string, string> = { 'accept-language': draft.language };
  let body: Buffer | undefined;
  switch (draft.body.kind) {
    case 'json':
      body = Buffer.from(JSON.stringify(draft.body.value) ?? 'null');
      break;
    case 'raw':
      body = Buffer.from(draft.body.text);
      break;
    case 'big':
      body = BIG;
      break;
    case 'gzip-garbage':
      body = Buffer.concat([gzipSync('{"a":1}').subarray(0, 12), Buffer.from('garbage')]);
      headers['content-encoding'] = 'gzip';
      break;
  }
  if (draft.contentType !== null && body) headers['content-type'] = draft.contentType;
  // Node's client sends a GET body without a length unless told, which no server can frame.
  if (body) headers['content-length'] = String(body.length);
  if (t.mode === 'embedded' && t.token && path.startsWith('/api/') && !path.startsWith('/api/webhooks')) {
    if (draft.auth === 'valid') headers.authorization = `Bearer ${await t.token()}`;
    else if (draft.auth === 'garbage') headers.authorization = 'Bearer not.a.token';
  }
  if (t.mode === 'embedded' && draft.sign && route.path.startsWith('/apps/')) {
    const signed = signAppProxyQuery({ shop: SHOP_B, path_prefix: '/apps/storefront-auditor', timestamp: String(Math.floor(Date.now() / 1000)) }, API_SECRET);
    path = `${path.split('?')[0]}?${signed.toString()}`;
  }
  if (route.path === '/ingest/pixel' && draft.sign) {
    path = `${path.split('?')[0]}?shop=${t.mode === 'embedded' ? SHOP_B : STANDALONE_SHOP}&key=${t.server.context.rum.ingestKeyFor(t.mode === 'embedded' ? SHOP_B : STANDALONE_SHOP)}`;
  }
  if (route.path === '/api/webhooks' && draft.sign && t.mode === 'embedded') {
    // Signed like Shopify signs, from shop B only, so no refusal here can be blamed on shop A's state.
    const raw = body ?? Buffer.alloc(0);
    headers['x-shopify-hmac-sha256'] = signWebhookBody(API_SECRET, raw.toString('utf8'));
    headers['x-shopify-topic'] = topics[raw.length % topics.length] as string;
    headers['x-shopify-shop-domain'] = SHOP_B;
    headers['x-shopify-api-version'] = '2026-01';
    headers['x-shopify-webhook-id'] = `fuzz-${Math.random().toString(36).slice(2)}`;
    headers['x-shopify-event-id'] = `fuzz-${Math.random().toString(36).slice(2)}`;
    headers['x-shopify-triggered-at'] = new Date().toISOString();
  }
  return { method: draft.method, path, headers, body };
}

async function webhookTopics(): Promise<string[]> {
  const toml = parseToml(await readFile(new URL('../../shopify.app.toml', import.meta.url), 'utf8')) as {
    webhooks?: { subscriptions?: Array<{ topics?: string[]; compliance_topics?: string[] }> };
  };
  const topics = (toml.webhooks?.subscriptions ?? []).flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]);
  // Shop B may be erased by a redact webhook; app/uninstalled is left out so it stays installed for the proxy.
  return topics.filter((t) => t !== 'app/uninstalled');
}

let hook: Server;
let hookUrl: string;
let topics: string[];

beforeAll(async () => {
  // The webhook alert channel the fuzz may configure: a local receiver that accepts every notice.
  hook = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  hook.listen(0, '127.0.0.1');
  await once(hook, 'listening');
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  topics = await webhookTopics();
});

afterAll(async () => {
  agent.destroy();
  hook?.close();
});

const TARGETS: Array<[string, () => Promise<Target>]> = [
  ...BACKENDS.map(([name, make]) => [`standalone on ${name}`, () => standaloneTarget(make(), hookUrl)] as [string, () => Promise<Target>]),
  ['app mode on postgres', () => appTarget(postgresBackend(), hookUrl)],
];

describe.each(TARGETS)('fuzz: %s', (_name, makeTarget) => {
  let t: Target;
  beforeAll(async () => {
    t = await makeTarget();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every /api route declares its input through validated()', () => {
    const undeclared = routesOf(t.server.app).filter((r) => r.path.startsWith('/api/') && r.path !== '/api/webhooks' && !r.schemas);
    expect(undeclared).toEqual([]);
  });

  it('no route answers arbitrary input with a 5xx, a stack trace or a change after a refusal', async () => {
    const routes = routesOf(t.server.app);
    expect(routes.length).toBeGreaterThan(15);
    const strings = hostileStrings(t.extraStrings);
    const failures: string[] = [];
    for (const [index, route] of routes.entries()) {
      let violation = '';
      await fc.assert(
        fc.asyncProperty(draftFor(route, strings), async (draft) => {
          violation = '';
          const wire = await wireOf(t, route, draft, topics);
          const before = await snapshot(t);
          const answer = await send(t.running.url, wire);
          const where = `${route.method} ${route.path} as ${wire.method} ${wire.path.slice(0, 200)} [${wire.headers['content-type'] ?? 'no type'}] → ${answer.status} ${answer.body.slice(0, 300)}`;
          violation = where;
          if (answer.status >= 500 && !allowedServerError(route, answer.status, answer.body)) throw new Error(`5xx: ${where}`);
          if (STACK.test(answer.body)) throw new Error(`stack trace in body: ${where}`);
          // The Shopify library answers a rejected session token itself: 401, App Bridge's retry header, its text.
          const libraryRefusal = answer.status === 401 && answer.headers['x-shopify-retry-invalid-session-request'] === '1';
          // Every client-facing refusal, the storefront's (app proxy, pixel ingest) and Shopify's webhooks included.
          const clientFacing = ['/api/', '/apps/', '/ingest/'].some((prefix) => wire.path.startsWith(prefix));
          if (answer.status >= 400 && wire.method !== 'HEAD' && clientFacing && !libraryRefusal) {
            let parsed: { error?: { code?: unknown; requestId?: unknown } } = {};
            try {
              parsed = JSON.parse(answer.body);
            } catch {
              // not JSON: reported below
            }
            if (typeof parsed.error?.code !== 'string' || parsed.error.requestId !== answer.headers['x-request-id']) throw new Error(`error shape: ${where}`);
          }
          if ((answer.status >= 400 || answer.status === 0) && (await snapshot(t)) !== before) throw new Error(`state changed by a refusal: ${where}`);
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
      ).catch((error: Error) => failures.push(`${violation || route.path}\n${error.message.split('\n').slice(0, 8).join('\n')}\n${String((error.cause as Error | undefined)?.message ?? '').slice(0, 300)}`));
    }
    expect(failures).toEqual([]);
    const health = await fetch(`${t.running.url}/health`);
    expect(health.status).toBe(200);
  });
});
