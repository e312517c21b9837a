// Is the demo store fast enough that a crawler, not the store, is the bottleneck? Serves rotating product
// pages of the 10,000-product store and compares with the peer: a bare node:http server answering one
// pre-rendered, pre-gzipped product page (the ceiling for any Node server on this machine).
// Run: npm run bench:demo-store
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { productAt } from '../../src/demo-store/catalog.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';

const ROUNDS = 3;
const SECONDS = 4;
const CONNECTIONS = 8;

async function rate(url: string, rotate: boolean): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-encoding': 'gzip' },
    requests: [{ setupRequest: (req) => ({ ...req, path: rotate ? `/products/${productAt((i++ * 37) % 10_000).handle}` : '/' }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const store = await startDemoStore({ productCount: 10_000 });
const page = gzipSync(await (await fetch(`${store.url}/products/${productAt(5).handle}`)).text());
const peer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': page.length });
  res.end(page);
});
await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
const peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;

const storeRates: number[] = [];
const peerRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  storeRates.push(await rate(store.url, true));
  peerRates.push(await rate(peerUrl, false));
}
const s = median(storeRates);
const p = median(peerRates);
console.log(`demo store, rotating product pages of 10,000: median ${s.toFixed(0)} req/s (${storeRates.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`peer, static pre-gzipped page on node:http:    median ${p.toFixed(0)} req/s (${peerRates.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`ratio store/peer: ${(s / p).toFixed(2)}`);
peer.close();
await store.close();
