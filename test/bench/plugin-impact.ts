// bench:plugin-impact — does the app embed slow the store? Lighthouse 13 performance score (mobile defaults,
// simulated throttling) on the demo store's home and product pages, 5 runs each with and without the embed,
// interleaved so machine noise hits both alike. Prints medians and the difference (target: ≤ 1 point; Shopify's
// App Store limit is 10). Peer: the same store without the embed.
// Usage: npm run bench:plugin-impact [-- --runs 5]
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import { demoAppProxy, embedScriptTag } from '../../src/rum/demo-proxy.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

// The proxy needs an app to forward beacons to; nothing is sent here (no consent API in Lighthouse's page), so
// an unreachable app is fine: what is measured is the loader and web-vitals being fetched and run.
const plain = await startDemoStore({ variant: 'fixed' });
const embedded = await startDemoStore({
  variant: 'fixed', embedPlugin: true, embedHtml: embedScriptTag(),
  appProxy: demoAppProxy({ appUrl: 'http://127.0.0.1:9', shop: 'bench.myshopify.com', secret: 'unused' }),
});
const pool = new BrowserPool();
const paths = ['/', `/products/${productAt(1).handle}`];

async function score(url: string): Promise<number> {
  const browser = await pool.get();
  const page = await browser.newPage();
  try {
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, undefined, page);
    return Math.round((result?.lhr.categories.performance?.score ?? 0) * 100);
  } finally {
    await page.close();
  }
}

console.log(`bench:plugin-impact: Lighthouse performance score, median of ${RUNS}, with and without the app embed`);
for (const path of paths) {
  const without: number[] = [];
  const withEmbed: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    without.push(await score(`${plain.url}${path}`));
    withEmbed.push(await score(`${embedded.url}${path}`));
  }
  const diff = median(without) - median(withEmbed);
  console.log(`  ${path}: without ${median(without)} [${without.join(', ')}], with embed ${median(withEmbed)} [${withEmbed.join(', ')}]  →  cost ${diff} point(s) ${diff <= 1 ? '(≤ 1: ok)' : '(> 1)'}`);
}
await pool.close();
await plain.close();
await embedded.close();
