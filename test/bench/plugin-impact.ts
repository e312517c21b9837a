// bench:plugin-impact — does the app embed slow the store? Lighthouse 13 performance score (mobile defaults,
// simulated throttling) on the demo store's home and product pages, 5 runs each with and without the embed,
// interleaved so machine noise hits both alike. Prints medians and the difference (target: ≤ 1 point; Shopify's
// App Store limit is 10). Peer: the same store without the embed. The fixed variant scores 98–100 on a quiet
// machine, where the score's ceiling can hide a cost, so the defective variant (scores in the 40s–60s) is
// measured too, and the medians of LCP and TBT, which have no ceiling, are printed beside the score.
// Usage: npm run bench:plugin-impact [-- --runs 5] [-- --variant fixed|defective|both]
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import { demoAppProxy, embedScriptTag } from '../../src/rum/demo-proxy.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, variant: { type: 'string', default: 'both' } } });
const RUNS = Number(args.runs);
const VARIANTS = (args.variant === 'both' ? ['fixed', 'defective'] : [args.variant]) as Array<'fixed' | 'defective'>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

// The proxy needs an app to forward beacons to; nothing is sent here (no consent API in Lighthouse's page), so
// an unreachable app is fine: what is measured is the loader and web-vitals being fetched and run.
const pool = new BrowserPool();
const paths = ['/', `/products/${productAt(1).handle}`];

interface Sample { score: number; lcpMs: number; tbtMs: number }

async function measure(url: string): Promise<Sample> {
  const browser = await pool.get();
  const page = await browser.newPage();
  try {
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, undefined, page);
    const lhr = result?.lhr;
    return {
      score: Math.round((lhr?.categories.performance?.score ?? 0) * 100),
      lcpMs: Math.round(lhr?.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(lhr?.audits['total-blocking-time']?.numericValue ?? NaN),
    };
  } finally {
    await page.close();
  }
}

const summary = (samples: Sample[]): string =>
  `score ${median(samples.map((s) => s.score))} [${samples.map((s) => s.score).join(', ')}], LCP ${median(samples.map((s) => s.lcpMs))} ms, TBT ${median(samples.map((s) => s.tbtMs))} ms`;

console.log(`bench:plugin-impact: Lighthouse performance score, median of ${RUNS}, with and without the app embed`);
for (const variant of VARIANTS) {
  const plain = await startDemoStore({ variant });
  const embedded = await startDemoStore({
    variant, embedPlugin: true, embedHtml: embedScriptTag(),
    appProxy: demoAppProxy({ appUrl: 'http://127.0.0.1:9', shop: 'bench.myshopify.com', secret: 'unused' }),
  });
  for (const path of paths) {
    const without: Sample[] = [];
    const withEmbed: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(await measure(`${plain.url}${path}`));
      withEmbed.push(await measure(`${embedded.url}${path}`));
    }
    const diff = median(without.map((s) => s.score)) - median(withEmbed.map((s) => s.score));
    console.log(`  ${variant} ${path}\n    without: ${summary(without)}\n    with:    ${summary(withEmbed)}\n    cost ${diff} point(s) ${diff <= 1 ? '(≤ 1: ok)' : '(> 1)'}`);
  }
  await plain.close();
  await embedded.close();
}
await pool.close();
