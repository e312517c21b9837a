// Start-up of the CLI against Lighthouse CI's, side by side in one run (npm run bench:startup):
//   - `storefront-audit --help` vs `lhci --help` (the peer the issue names);
//   - a usage error (`audit <url> --runs 0`), which must exit 2 no slower than `--help`;
//   - the first request of an audit: from spawning the CLI to the first request reaching a local store.
// Runs alternate so machine load hits both sides alike; medians are printed with the load average.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.RUNS ?? 11);
// The package's bin, as `npm run cli` and an installed `storefront-audit` run it: it turns on Node's compile
// cache, which spares every run compiling a few hundred modules again (ENTRY=../../src/cli/main.ts times the
// sources without it).
const main = fileURLToPath(new URL(process.env.ENTRY ?? '../../src/cli/bin.js', import.meta.url));
const lhci = fileURLToPath(new URL('../../node_modules/@lhci/cli/src/cli.js', import.meta.url));

function timeRun(args: string[], until?: Promise<number>, env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CI: '1', ...env } });
    child.on('error', reject);
    if (until) {
      void until.then((at) => {
        child.kill('SIGTERM');
        resolve(at - started);
      });
    } else child.on('close', () => resolve(performance.now() - started));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

let onRequest: ((at: number) => void) | null = null;
const server = createServer((_req, res) => {
  onRequest?.(performance.now());
  onRequest = null;
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><title>neutral</title><a href="/a">a</a>');
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

const loadBefore = load();
const times = { ours: [] as number[], lhci: [] as number[], usage: [] as number[], firstRequest: [] as number[], firstRequestCold: [] as number[] };
await timeRun([main, '--help']); // warm the file cache for both before measuring
await timeRun([lhci, '--help']);
for (let i = 0; i < RUNS; i += 1) {
  times.ours.push(await timeRun([main, '--help']));
  times.lhci.push(await timeRun([lhci, '--help']));
  times.usage.push(await timeRun([main, 'audit', url, '--runs', '0', '--no-config']));
  const first = new Promise<number>((resolve) => (onRequest = resolve));
  times.firstRequest.push(await timeRun([main, 'audit', url, '--only', 'links', '--no-config'], first));
  // A fresh machine or CI container: an empty compile cache, so every module is compiled this once.
  const cache = mkdtempSync(join(tmpdir(), 'startup-cold-'));
  const firstCold = new Promise<number>((resolve) => (onRequest = resolve));
  times.firstRequestCold.push(await timeRun([main, 'audit', url, '--only', 'links', '--no-config'], firstCold, { XDG_CACHE_HOME: cache }));
  rmSync(cache, { recursive: true, force: true });
}
server.close();

const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<keyof typeof times, number>;
const row = (name: string, ms: number, note = '') => console.log(`${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms ${note}`);
console.log(`start-up, median of ${RUNS} alternating runs, Node ${process.version}, load average before ${loadBefore}, after ${load()}`);
row('storefront-audit --help', m.ours, `(${(m.ours / m.lhci).toFixed(2)}× lhci --help)`);
row('lhci --help (@lhci/cli 0.15.1)', m.lhci);
row('storefront-audit audit <url> --runs 0 (exit 2)', m.usage, `(${(m.usage / m.lhci).toFixed(2)}× lhci --help)`);
const target = (ms: number) => (ms <= 500 ? '(target ≤ 500 ms: met)' : '(target ≤ 500 ms: missed)');
row('spawn to first request of an audit', m.firstRequest, target(m.firstRequest));
row('  the same, empty compile cache (first run)', m.firstRequestCold, target(m.firstRequestCold));
