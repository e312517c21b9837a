// Load-time audit vs `lhci collect` on the demo store: same pages, same Chromium.
// Prints page-runs per minute of each and the ratio (target ≥ 3×), then the performance-score
// spread (max − min) over 5 runs of each page for both (ours must be no wider than LHCI's).
// Run: npm run bench:load   (takes a few minutes; run it on a quiet machine)
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadTimeAudit } from '../../audits/load-time/index.ts';
import { BrowserPool, CHROMIUM_FLAGS } from '../../audits/shared/browser.ts';
import { findBrowser } from '../../audits/shared/browser-path.mjs';
import type { AuditPage } from '../../audits/types.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { DEFECT_PATHS } from '../../src/demo-store/defects.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';

const run = promisify(execFile);
const SPREAD_RUNS = 5;
const ROUNDS = 3;
const chromePath: string = process.env.CHROME_PATH ?? findBrowser() ?? '';
if (!chromePath) throw new Error('No Chromium found: set CHROME_PATH');
const lhciBin = join(import.meta.dirname, '../../node_modules/.bin/lhci');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const store = await startDemoStore({ variant: 'defective' });
const pages: AuditPage[] = [
  { url: `${store.url}/`, template: 'home' },
  { url: `${store.url}/products/${productAt(1).handle}`, template: 'product' },
  { url: `${store.url}${DEFECT_PATHS.slowCollection}`, template: 'collection' },
];

async function ours(auditPages: AuditPage[], runs: number, pool: BrowserPool): Promise<{ ms: number; scores: number[] }> {
  const started = performance.now();
  const section = await loadTimeAudit.run(
    { storeUrl: store.url, pages: auditPages, headers: {}, allowPrivateAddresses: true, browser: pool, artifactsDir: tmpdir(), progress: () => undefined },
    { ...loadTimeAudit.defaults, runs },
  );
  const ms = performance.now() - started;
  const failed = section.pages.filter((p) => p.error);
  if (failed.length > 0) throw new Error(`our audit failed: ${failed.map((p) => p.error).join('; ')}`);
  const spread = section.pages[0]?.spread.score;
  return { ms, scores: spread ? [spread.min, spread.max] : [] };
}

async function lhci(urls: string[], runs: number): Promise<{ ms: number; scores: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'lhci-bench-'));
  const chromeFlags = [...CHROMIUM_FLAGS, '--no-sandbox'].join(' ');
  const args = [
    'collect', '--no-lighthouserc', `--numberOfRuns=${runs}`, `--chromePath=${chromePath}`,
    ...urls.map((u) => `--url=${u}`),
    `--settings.chromeFlags=${chromeFlags}`,
    // Same category as ours. Mobile is Lighthouse's default (no preset); `preset: perf` would switch to
    // devtools throttling with 5.25 s waits, a different and much slower method than ours.
    '--settings.onlyCategories=performance',
  ];
  const started = performance.now();
  await run(lhciBin, args, { cwd: dir, env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const ms = performance.now() - started;
  const files = (await readdir(join(dir, '.lighthouseci'))).filter((f) => f.startsWith('lhr-') && f.endsWith('.json'));
  const scores: number[] = [];
  for (const file of files) {
    const lhr = JSON.parse(await readFile(join(dir, '.lighthouseci', file), 'utf8')) as { categories: { performance?: { score: number | null } } };
    const score = lhr.categories.performance?.score;
    if (typeof score === 'number') scores.push(Math.round(score * 100));
  }
  await rm(dir, { recursive: true, force: true });
  if (files.length !== urls.length * runs) throw new Error(`lhci wrote ${files.length} results, expected ${urls.length * runs}`);
  return { ms, scores };
}

try {
  console.log(`Chromium: ${chromePath}; pages: ${pages.map((p) => new URL(p.url).pathname).join(', ')}`);
  // Throughput, as each tool is used: one audit of the three pages in one process (a fresh Chromium each time,
  // so our one-off launch and first-run costs are in every figure), against one `lhci collect` of the same three
  // URLs. Ours with --runs 1 (the same run count as lhci's) and with --runs 3 (our default, where the one-off
  // costs spread over 9 page-runs). Median of ROUNDS rounds each.
  const oursRates: Record<number, number[]> = { 1: [], 3: [] };
  const lhciRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const runs of [1, 3]) {
      const pool = new BrowserPool({ executablePath: chromePath });
      const { ms } = await ours(pages, runs, pool);
      await pool.close();
      oursRates[runs]!.push((pages.length * runs * 60_000) / ms);
    }
    const { ms } = await lhci(pages.map((p) => p.url), 1);
    lhciRates.push((pages.length * 60_000) / ms);
  }
  const fmt = (rates: number[]): string => `${median(rates).toFixed(1)} page-runs/min (${rates.map((r) => r.toFixed(1)).join(', ')})`;
  console.log(`lhci collect --numberOfRuns=1, 3 URLs: ${fmt(lhciRates)}`);
  for (const runs of [1, 3]) {
    console.log(`ours, audit of 3 pages, --runs ${runs}:  ${fmt(oursRates[runs]!)}  →  ratio ${(median(oursRates[runs]!) / median(lhciRates)).toFixed(2)}× (target ≥ 3×)`);
  }
  const pool = new BrowserPool({ executablePath: chromePath });

  // Stability: the score spread over 5 runs of each page, for both tools.
  const width = (scores: number[]): number => Math.max(...scores) - Math.min(...scores);
  let noWider = 0;
  for (const page of pages) {
    const oursSpread = await ours([page], SPREAD_RUNS, pool);
    const lhciSpread = await lhci([page.url], SPREAD_RUNS);
    const path = new URL(page.url).pathname;
    const verdict = width(oursSpread.scores) <= width(lhciSpread.scores) ? 'no wider' : 'WIDER';
    if (verdict === 'no wider') noWider++;
    console.log(`spread over ${SPREAD_RUNS} runs of ${path}: ours ${width(oursSpread.scores)} points (${oursSpread.scores.join('..')}), lhci ${width(lhciSpread.scores)} points (${Math.min(...lhciSpread.scores)}..${Math.max(...lhciSpread.scores)}; median ${median(lhciSpread.scores)}): ours ${verdict}`);
  }
  await pool.close();
  console.log(`spread: ours no wider than lhci's on ${noWider} of ${pages.length} pages`);
} finally {
  await store.close();
}
