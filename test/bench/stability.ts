// bench:stability — three default audits of the unchanged (defective) demo store, with the issue's inputs
// (40,000 sessions, 1.8 % conversion, 65 USD average order = 46,800 USD a month). Issue #13's "Done when":
//   - the same top-5 fixes in every run, each one's central money within 25 % of its median over the runs;
//   - store scores within 5 points of each other;
//   - per run: no fix above 20 % of monthly revenue, the joint total under 35 %, and every pagination or
//     query-string variant of a page inside one fix.
// Default audit = every audit, Lighthouse's default 3 runs per page, the demo's app names (what `npm start` does).
// Out of `npm test`: it takes minutes. Exit 1 when a check fails.
// Usage: npm run bench:stability [-- --audits 3] [-- --runs 3] [-- --save DIR (each report's JSON)]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { demoAuditOptions } from '../../src/cli/demo-audit.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import { runAudit } from '../../src/engine/run-audit.ts';
// Loaded now, not when the first audit ends (run-audit imports it lazily): every audit uses the same code.
import '../../src/advisor/index.ts';
import type { Report } from '../../src/report/schema.ts';
import { stabilityChecks, type StabilityResult } from './stability-checks.ts';

const { values: args } = parseArgs({ options: { audits: { type: 'string', default: '3' }, runs: { type: 'string', default: '3' }, save: { type: 'string' } } });
const AUDITS = Number(args.audits);
const RUNS = Number(args.runs);
const INPUTS = { monthlySessions: 40_000, conversionRate: 0.018, averageOrderValue: 65, currency: 'USD' } as const;

const artifacts = await mkdtemp(join(tmpdir(), 'bench-stability-'));
const demo = await startDemoStore({ variant: 'defective' });
const browser = new BrowserPool();
const reports: Report[] = [];
const load = [loadavg()[0]!];
try {
  for (let i = 0; i < AUDITS; i++) {
    const started = Date.now();
    const report = await runAudit(demo.url, { ...demoAuditOptions(join(artifacts, `a${i}`), RUNS), inputs: { ...INPUTS }, browser });
    reports.push(report);
    if (args.save) {
      await mkdir(args.save, { recursive: true });
      await writeFile(join(args.save, `audit-${i + 1}.json`), JSON.stringify(report, null, 2));
    }
    load.push(loadavg()[0]!);
    process.stderr.write(`audit ${i + 1}/${AUDITS}: ${((Date.now() - started) / 1000).toFixed(0)} s, score ${report.loadTime?.storeScore}, ${report.fixes.length} fixes\n`);
  }
} finally {
  await browser.close();
  await demo.close();
  await rm(artifacts, { recursive: true, force: true });
}

const result: StabilityResult = stabilityChecks(reports);
const money = (x: number) => `${Math.round(x).toLocaleString('en-US')}`;
console.log(`\nbench:stability — ${AUDITS} default audits (${RUNS} Lighthouse runs per page) of the unchanged demo store`);
console.log(`load average (1 min) before/after each audit: ${load.map((l) => l.toFixed(2)).join(' → ')}`);
console.log(`store scores: ${result.scores.join(', ')} (spread ${result.scoreSpread} points, limit 5)`);
console.log(`\n| # | top-5 fix | central USD a month per audit | median | worst deviation |`);
console.log('|---|---|---|---|---|');
result.top.forEach((t, i) => console.log(`| ${i + 1} | ${t.id} | ${t.centrals.map((c) => (c === null ? 'absent' : money(c))).join(' / ')} | ${money(t.median)} | ${(t.worstDeviation * 100).toFixed(1)} % |`));
console.log(`\ntop-5 sets: ${result.topSets.map((s) => s.join(', ')).join('  ||  ')}`);
console.log(`\n| audit | total at stake (low / central / high) | share of revenue | largest fix (share) | fixes | pagination groups |`);
console.log('|---|---|---|---|---|---|');
result.perAudit.forEach((a, i) => console.log(`| ${i + 1} | ${money(a.total.low)} / ${money(a.total.central)} / ${money(a.total.high)} | ${(a.share * 100).toFixed(1)} % | ${a.largest.id} ${money(a.largest.central)} (${(a.largest.share * 100).toFixed(1)} %) | ${a.fixes} | ${a.paginationSplit.length ? `split: ${a.paginationSplit.join('; ')}` : 'one fix per page'} |`));
console.log('');
for (const c of result.checks) console.log(`${c.ok ? 'PASS' : 'FAIL'} ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
process.exitCode = result.checks.every((c) => c.ok) ? 0 : 1;
