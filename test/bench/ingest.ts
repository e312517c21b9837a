// bench:ingest — the beacon endpoint under autocannon (a separate process, so it does not share the server's
// event loop) for 10 s on the real app server with a real store: signed app-proxy beacons of 5 metrics each.
// Prints beacons/s acknowledged (2xx), refusals, rows stored vs rows acknowledged (loss must be 0), latency
// and peak RSS. Peer in the same run: the same server's /ping behind the same signature check (no body, no
// storage), i.e. the ceiling of the HTTP + verification path alone.
// Usage: npm run bench:ingest [-- --db postgres] [--duration 10] [--connections 100]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pino from 'pino';
import { createRumIngest } from '../../src/rum/ingest.ts';
import { createServer } from '../../src/server/create-server.ts';
import { openStore } from '../../src/store/index.ts';
import { signedProxyQuery } from '../rum/app.ts';
import { testConfig } from '../shopify/harness.ts';
import { PG_URL } from '../store/backends.ts';

const run = promisify(execFile);
const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '100' } } });
const SHOP = 'bench.myshopify.com';
const METRICS_PER_BEACON = 5;

const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
const schema = `bench_ingest_${process.pid}`;
const store = await openStore(args.db === 'postgres' ? { url: PG_URL, schema, poolSize: 8 } : { dataDir: dir });
const rum = createRumIngest(store, { keySecret: 'test-api-secret-0123456789', limits: { perShopPerMinute: 1e9, perAddressPerMinute: 1e9 } });
const server = createServer({
  config: testConfig('http://127.0.0.1:9'), logger: pino({ level: 'silent' }), store, rumIngest: rum,
  lifecycle: { async onInstalled() {}, async requestAudit() {}, async stopSchedules() {}, async deleteShopData() {} },
});
const running = await server.listen(0, '127.0.0.1');

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const beacon = JSON.stringify({
  v: 1, cid: 'bench-client', pv: 'bench-pv', t: 'product', d: 'mobile', n: 'navigate', p: '/products/bench',
  m: [{ n: 'LCP', v: 2310, r: 'good', e: 'img.product__media' }, { n: 'INP', v: 120, r: 'good', e: 'button.add' }, { n: 'CLS', v: 0.03 }, { n: 'FCP', v: 1200 }, { n: 'TTFB', v: 310 }],
});

interface CannonResult { requests: { average: number }; latency: { p50: number; p99: number }; '2xx': number; non2xx: number; errors: number; timeouts: number; statusCodeStats?: Record<string, { count: number }> }

async function cannon(path: string, method: 'GET' | 'POST', body?: string, duration = args.duration): Promise<CannonResult> {
  const url = `${running.url}/apps/storefront-auditor/${path}?${signedProxyQuery(SHOP)}`;
  const cli = ['-j', '-c', args.connections as string, '-d', duration as string, '-m', method];
  if (body) cli.push('-H', 'content-type=text/plain', '-b', body);
  const { stdout } = await run(join(import.meta.dirname, '../../node_modules/.bin/autocannon'), [...cli, url], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as CannonResult;
}

const peer = await cannon('ping', 'GET', undefined, '5');
const before = await store.rum.countBeacons(SHOP);
const ours = await cannon('beacon', 'POST', beacon);
await running.close();
await rum.close();
clearInterval(sampler);
const stored = (await store.rum.countBeacons(SHOP)) - before;
const acknowledged = ours['2xx'] * METRICS_PER_BEACON;
const seconds = Number(args.duration);

console.log(`bench:ingest on ${args.db}, ${args.connections} connections, ${seconds} s`);
console.log(`  beacons acknowledged (204): ${ours['2xx']}  →  ${(ours['2xx'] / seconds).toFixed(0)} beacons/s  (target ≥ 5,000)`);
console.log(`  refused: ${ours.non2xx} non-2xx ${JSON.stringify(ours.statusCodeStats ?? {})}, errors ${ours.errors}, timeouts ${ours.timeouts}`);
console.log(`  rows stored ${stored} vs rows acknowledged ${acknowledged}  →  loss ${acknowledged - stored} (${stored >= acknowledged ? 'none' : 'LOSS'})`);
console.log(`  latency p50 ${ours.latency.p50} ms, p99 ${ours.latency.p99} ms; peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
console.log(`  peer (signed GET /ping, no storage): ${peer.requests.average.toFixed(0)} req/s; ratio beacon/ping ${(ours['2xx'] / seconds / peer.requests.average).toFixed(2)}`);

await store.close();
if (args.db === 'postgres') {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
rmSync(dir, { recursive: true, force: true });
