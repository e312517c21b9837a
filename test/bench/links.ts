// npm run bench:links: our link crawler vs linkinator 8.1 on the same store, each tool in its own process under
// /usr/bin/time -v for wall time and peak RSS, against a fresh store process per run. Prints medians and ratios,
// start-up before the first request (from the store's own clock), the store's CPU time and the load average.
//
// --store neutral (default): test/bench/neutral-store.ts, a plain generated catalogue of --sizes pages (about 30
// references each, no sitemap, a known broken set), so neither tool is flattered by the store's structure.
// linkinator runs as `linkinator URL --recurse`.
//
// --store demo: our demo store at --sizes products, as before:
// linkinator runs as `linkinator URL --recurse --sitemap --retry-errors --skip <trap>`: --sitemap so both read
// the sitemap, --retry-errors so a 503 that recovers is not broken for either, and --skip for
// /collections/everything pages past the catalogue's real last page, because linkinator has no trap detection
// and would crawl the endless pagination (D15) forever. Our crawler gets no such help.
//
// The store is the defective variant (every planted broken link, chain, 503 and trap) with D5's 1.2 s sleep on
// /collections/sale switched off (--slow-collection-ms 0) unless --slow-collection is given: that collection's
// pages can only be found one after another, so the sleep puts a latency floor of tens of seconds under any
// crawler and the figure would time the sleep, not the tool.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { integersAbove } from './integers-above.ts';
import { plantedBroken, shapeForPages } from './neutral-store.ts';
import { compileCacheDir } from '../../src/setup/compile-cache.mjs';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string', default: '2000,10000' },
    runs: { type: 'string', default: '1' },
    'ours-only': { type: 'boolean', default: false },
    'slow-collection': { type: 'boolean', default: false },
    store: { type: 'string', default: 'neutral' },
    // Ours runs with the compile cache the CLI's bin enables (src/setup/compile-cache.mjs); --cold runs it without.
    cold: { type: 'boolean', default: false },
    // Passed to our crawler as maxPages (default: its own, 50,000), e.g. the 10,100 for a 10,004-page store.
    'max-pages': { type: 'string' },
    // Also time the floor (test/bench/links-floor.ts): as many bare undici requests as we checked, nothing parsed.
    floor: { type: 'boolean', default: true },
  },
});
const STORE = values.store === 'demo' ? 'demo' : 'neutral';
const OURS_ONLY = values['ours-only']!;
const SLOW_COLLECTION_MS = values['slow-collection'] ? 1200 : 0;
const SIZES = values.sizes!.split(',').map(Number);
const RUNS = Number(values.runs);
const NODE = process.execPath;

interface Measured {
  wallS: number;
  /** User + system CPU of the tool's process: less at the mercy of the shared machine's load than wall time. */
  cpuS: number;
  peakRssMb: number;
  /** Spawn to the store's first request. */
  startupS?: number;
  /** CPU the store spent serving this run (a floor under any tool's wall time on a 2-core machine). */
  storeCpuS?: number;
  loadBefore?: string;
  broken: Set<string>;
  pages?: number;
  links?: number;
}

interface RunningStore {
  url: string;
  pid: number;
  /** Replaces this store process's origins (random ports) so runs on different processes compare. */
  normalise: (url: string) => string;
  stop: () => Promise<void>;
}

async function startStore(products: number): Promise<RunningStore> {
  const args = ['src/demo-store/main.ts', '--products', String(products), '--slow-collection-ms', String(SLOW_COLLECTION_MS)];
  const child = spawn(NODE, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const match = /storefront\s+(http:\/\/\S+)[\s\S]*app CDN\s+(http:\/\/\S+)[\s\S]*external\s+(http:\/\/\S+)/.exec(out);
    if (match) {
      child.stdout!.resume();
      const [, store, app, external] = match as unknown as [string, string, string, string];
      return {
        url: store + '/',
        pid: child.pid!,
        normalise: (url) => url.replace(store, '<store>').replace(app, '<app>').replace(external, '<external>'),
        stop: async () => {
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      };
    }
  }
  throw new Error(`demo store did not start: ${out}`);
}

async function startNeutralStore(pages: number): Promise<RunningStore> {
  const child = spawn(NODE, ['test/bench/neutral-store.ts', '--pages', String(pages)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const match = /neutral store (http:\/\/\S+)/.exec(out);
    if (match) {
      child.stdout!.resume();
      const store = match[1]!;
      return {
        url: store + '/',
        pid: child.pid!,
        normalise: (url) => url.replace(store, '<store>'),
        stop: async () => {
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      };
    }
  }
  throw new Error(`neutral store did not start: ${out}`);
}

/** utime + stime of a process, in seconds (Linux /proc; clock ticks are 100 Hz). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const loadavg = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

async function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; wallS: number; cpuS: number; peakRssMb: number; spawnedAt: number }> {
  const spawnedAt = Date.now();
  const child = spawn('/usr/bin/time', ['-v', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await once(child, 'exit');
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  if (!rss || !wall) throw new Error(`could not measure ${args.join(' ')}:\n${stderr.slice(-2000)}`);
  const wallS = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const cpuS = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
  return { stdout, wallS, cpuS, peakRssMb: Number(rss[1]) / 1024, spawnedAt };
}

async function runOurs(url: string): Promise<Measured & { spawnedAt: number }> {
  // As the CLI starts: with its compile cache (the bin enables it before loading any TypeScript), or --cold.
  const env = values.cold ? { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } : { ...process.env, NODE_COMPILE_CACHE: compileCacheDir() };
  const run = await timed([NODE, 'test/bench/links-runner.ts', url, ...(values['max-pages'] ? [values['max-pages']] : [])], env);
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { pagesCrawled: number; linksChecked: number; broken: string[]; truncatedAt: string[] };
  if (result.truncatedAt.length > 0) console.error(`  ours truncated: ${result.truncatedAt.join('; ')}`);
  return { wallS: run.wallS, cpuS: run.cpuS, peakRssMb: run.peakRssMb, broken: new Set(result.broken), pages: result.pagesCrawled, links: result.linksChecked, spawnedAt: run.spawnedAt };
}

async function runLinkinator(url: string, products: number): Promise<Measured & { spawnedAt: number }> {
  const cli = 'node_modules/linkinator/build/src/cli.js';
  let args = [url, '--recurse', '--format', 'csv'];
  if (STORE === 'demo') {
    const lastRealPage = Math.ceil(products / 12) + 2;
    const skip = `collections/everything\\?page=${integersAbove(lastRealPage)}`;
    args = [url, '--recurse', '--sitemap', '--retry-errors', '--skip', skip, '--format', 'csv'];
  }
  const run = await timed([NODE, cli, ...args]);
  const broken = new Set<string>();
  for (const line of run.stdout.split('\n').slice(1)) {
    const [linkUrl, , state] = line.split(',');
    if (state === 'BROKEN' && linkUrl) broken.add(linkUrl);
  }
  return { wallS: run.wallS, cpuS: run.cpuS, peakRssMb: run.peakRssMb, broken, spawnedAt: run.spawnedAt };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function runFloor(url: string, requests: number): Promise<Measured & { spawnedAt: number }> {
  const run = await timed([NODE, 'test/bench/links-floor.ts', url, String(requests)], { ...process.env, NODE_COMPILE_CACHE: compileCacheDir() });
  return { wallS: run.wallS, cpuS: run.cpuS, peakRssMb: run.peakRssMb, broken: new Set(), spawnedAt: run.spawnedAt };
}

/** One run of one tool against a fresh store process. */
async function measure(products: number, tool: 'ours' | 'linkinator' | 'floor', requests = 0): Promise<Measured> {
  const store = STORE === 'demo' ? await startStore(products) : await startNeutralStore(products);
  try {
    const loadBefore = await loadavg();
    const cpuBefore = await cpuSeconds(store.pid);
    const result: Measured & { spawnedAt: number } =
      tool === 'ours' ? await runOurs(store.url) : tool === 'floor' ? await runFloor(store.url, requests) : await runLinkinator(store.url, products);
    result.broken = new Set([...result.broken].map(store.normalise));
    result.storeCpuS = (await cpuSeconds(store.pid)) - cpuBefore;
    result.loadBefore = loadBefore;
    if (STORE === 'neutral') {
      const stats = (await (await fetch(new URL('/__stats', store.url))).json()) as { firstRequestAt: number | null };
      if (stats.firstRequestAt) result.startupS = (stats.firstRequestAt - result.spawnedAt) / 1000;
    }
    return result;
  } finally {
    await store.stop();
  }
}

/** CPU our extractor and URL resolution need for the store's pages, parsed from memory (links-parse-floor.ts). */
async function parseFloorCpuS(pages: number): Promise<number> {
  const run = await timed([NODE, 'test/bench/links-parse-floor.ts', String(pages)], { ...process.env, NODE_COMPILE_CACHE: compileCacheDir() });
  return (JSON.parse(run.stdout.trim()) as { cpuS: number }).cpuS;
}

const rows: string[] = [];
const perPage: Record<string, number[]> = { ours: [], linkinator: [] };
for (const products of SIZES) {
  console.error(`\n== ${products} products ==`);
  // The tools take turns run by run (ours, the floor, linkinator, then again), so a change in the shared
  // machine's load lands on all of them alike instead of on whichever ran last.
  const ours: Measured[] = [];
  const floor: Measured[] = [];
  const theirs: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(await measure(products, 'ours'));
    if (values.floor && STORE === 'neutral') floor.push(await measure(products, 'floor', ours[0]!.links));
    if (!OURS_ONLY) theirs.push(await measure(products, 'linkinator'));
  }
  const pages = ours[0]!.pages!;
  const ourWall = median(ours.map((r) => r.wallS));
  const ourRss = median(ours.map((r) => r.peakRssMb));
  perPage.ours!.push((ourWall * 1000) / pages);
  const extras = (runs: Measured[]) => {
    const startup = runs.filter((r) => r.startupS !== undefined).map((r) => r.startupS!);
    return (
      `, CPU ${median(runs.map((r) => r.cpuS)).toFixed(2)} s` +
      (startup.length ? `, start-up ${median(startup).toFixed(2)} s` : '') +
      `, store CPU ${median(runs.map((r) => r.storeCpuS ?? 0)).toFixed(1)} s, load before ${runs.map((r) => r.loadBefore).join(' | ')}`
    );
  };
  const ourLine = `  ours:       ${ourWall.toFixed(1)} s, ${(pages / ourWall).toFixed(0)} pages/s, peak RSS ${ourRss.toFixed(0)} MB, ${((ourWall * 1000) / pages).toFixed(2)} ms/page${extras(ours)}`;
  const header =
    STORE === 'demo'
      ? `demo store, ${products} products, ${pages} pages, ${ours[0]!.links} URLs checked (median of ${RUNS}; /collections/sale TTFB ${SLOW_COLLECTION_MS} ms)`
      : `neutral store, ${products} pages requested, ${pages} pages crawled, ${ours[0]!.links} URLs checked (median of ${RUNS})`;
  if (STORE === 'neutral') {
    const planted = new Set(plantedBroken(shapeForPages(products)).map((path) => `<store>${path}`));
    const found = ours[0]!.broken;
    const same = planted.size === found.size && [...planted].every((url) => found.has(url));
    console.error(`  ours vs the planted broken set (${planted.size} URLs): ${same ? 'identical' : 'DIFFERENT: ' + [...found].join(' ')}`);
  }
  let floorLine = floor.length
    ? `\n  floor:      ${median(floor.map((r) => r.wallS)).toFixed(2)} s for ${ours[0]!.links} bare undici HEAD requests (24 connections, nothing parsed, start-up included)${extras(floor)}`
    : '';
  if (floor.length) {
    // The 2-core bound: the requests' client CPU (start-up included), parsing the pages, and the store's CPU
    // serving our crawl must all run on two cores, so even perfectly spread over both they take this long.
    const parseCpu = median(await Promise.all([0, 1, 2].map(() => parseFloorCpuS(products))));
    const floorCpu = median(floor.map((r) => r.cpuS));
    const storeCpu = median(ours.map((r) => r.storeCpuS ?? 0));
    floorLine +=
      `\n  parsing:    ${parseCpu.toFixed(2)} s CPU for the ${pages} pages from memory (our extractor and URL resolution, no network)` +
      `\n  2-core bound: (request floor CPU ${floorCpu.toFixed(2)} + parsing ${parseCpu.toFixed(2)} + store CPU ${storeCpu.toFixed(2)}) / 2 = ${((floorCpu + parseCpu + storeCpu) / 2).toFixed(2)} s`;
  }
  if (theirs.length === 0) {
    rows.push(`${header}\n${ourLine}, ${ours[0]!.broken.size} broken${floorLine}`);
    console.error(rows[rows.length - 1]);
    continue;
  }
  const theirWall = median(theirs.map((r) => r.wallS));
  const theirRss = median(theirs.map((r) => r.peakRssMb));
  const a = ours[0]!.broken;
  const b = theirs[0]!.broken;
  const onlyOurs = [...a].filter((u) => !b.has(u));
  const onlyTheirs = [...b].filter((u) => !a.has(u));
  perPage.linkinator!.push((theirWall * 1000) / pages);
  rows.push(
    [
      header,
      ourLine + floorLine,
      `  linkinator: ${theirWall.toFixed(1)} s, ${(pages / theirWall).toFixed(0)} pages/s, peak RSS ${theirRss.toFixed(0)} MB, ${((theirWall * 1000) / pages).toFixed(2)} ms/page${extras(theirs)}`,
      `  throughput ratio ${(theirWall / ourWall).toFixed(1)}x (target >= 10x: ${(theirWall / 10).toFixed(2)} s), memory ratio ${(ourRss / theirRss).toFixed(2)} (target <= 0.33), ` +
        `CPU ratio ${(median(theirs.map((r) => r.cpuS)) / median(ours.map((r) => r.cpuS))).toFixed(1)}x` +
        (floor.length ? `; the floor is ${(theirWall / median(floor.map((r) => r.wallS))).toFixed(1)}x linkinator` : ''),
      `  broken sets identical: ${onlyOurs.length === 0 && onlyTheirs.length === 0 ? 'yes' : 'NO'} (${a.size} URLs)` +
        (onlyOurs.length ? `\n    only ours: ${onlyOurs.join(' ')}` : '') +
        (onlyTheirs.length ? `\n    only linkinator: ${onlyTheirs.join(' ')}` : ''),
    ].join('\n'),
  );
  console.error(rows[rows.length - 1]);
}
console.log('\n' + rows.join('\n'));
if (SIZES.length >= 2) {
  const growth = (xs: number[]) => (xs[xs.length - 1]! / xs[0]!).toFixed(2);
  console.log(`time per page, ${SIZES[SIZES.length - 1]} vs ${SIZES[0]} products: ours x${growth(perPage.ours!)}` + (OURS_ONLY ? '' : `, linkinator x${growth(perPage.linkinator!)}`) + ' (flat = 1.0)');
}
