// bench:impact — calibration of the impact model against shoppers with a known conversion curve. Synthetic
// shoppers land on the defective store's home page (2.7 MB hero: lab LCP 15 s, image saving 11.7 s) and on the
// fixed one; each converts with the probability a ground-truth curve gives for the LCP they saw. The model then
// estimates the hero fix from the defective store's own real-user data only (field p75 LCP and the store's
// speed-to-conversion slope, exactly what the plugin would feed it) and the estimate's low–high range is printed
// beside the lift the shoppers actually showed. Several ground truths, none of them the model's own curve.
// Usage: npm run bench:impact [-- --shoppers 20000] [-- --seed 7]
import { parseArgs } from 'node:util';
import { adviseFixes } from '../../src/advisor/index.ts';
import { speedConversionSlope } from '../../src/rum/analysis/slope.ts';
import type { Report } from '../../src/report/schema.ts';

const { values: args } = parseArgs({ options: { shoppers: { type: 'string', default: '20000' }, seed: { type: 'string', default: '7' } } });
const N = Number(args.shoppers);
let state = Number(args.seed) >>> 0;
const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

const LAB_LCP = 15_000;
const LAB_SAVING = 11_700;
/** Shoppers' LCP: log-normal around a median, σ 0.5 (CrUX-like spread). */
const shopperLcp = (median: number) => median * Math.exp(0.5 * normal());
const TRUTHS: Record<string, (lcpMs: number) => number> = {
  'saturating, −18 % at worst': (l) => 0.024 * (1 - 0.18 * (1 - Math.exp(-((Math.max(0, l - 2500) / 2200) ** 2)))),
  'linear 0.5 %/100 ms, capped at −25 %': (l) => 0.024 * (1 - Math.min(0.25, Math.max(0, l - 2000) / 100 * 0.005)),
  'exponential decay, −30 % at worst': (l) => 0.024 * (0.7 + 0.3 * Math.exp(-Math.max(0, l - 1500) / 3000)),
};

function p75(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.75)]!;
}

function report(): Report {
  const url = 'http://127.0.0.1:4000/';
  return {
    schemaVersion: 1, tool: { name: 'bench', version: '0' }, store: { url }, startedAt: '', finishedAt: '', pages: [{ url, template: 'home' }],
    loadTime: { storeScore: 40, pages: [{ url, template: 'home', device: 'mobile', runs: 3, score: 40, spread: {},
      metrics: { lcpMs: LAB_LCP, fcpMs: 2000, tbtMs: 100, cls: 0, ttfbMs: 100, speedIndexMs: 5000 }, apps: [],
      opportunities: [{ id: 'image-delivery-insight', title: 'image', metricSavings: { LCP: LAB_SAVING }, wastedBytes: 2_600_000 }] }] },
    checkout: null, links: null, fixes: [], errors: [],
  };
}

console.log(`bench:impact: ${N} shoppers per store and ground truth, seed ${args.seed}; load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log('| ground truth | field p75 defective → fixed | store slope (%/100 ms, CI) | true lift | estimated low / central / high | inside? |');
console.log('|---|---|---|---|---|---|');
let inside = 0;
for (const [name, truth] of Object.entries(TRUTHS)) {
  const median = 6500;
  const defective = Array.from({ length: N }, () => shopperLcp(median));
  // The fix removes the hero's share of the lab LCP from what each shopper sees.
  const fixed = defective.map((l) => l * (1 - LAB_SAVING / LAB_LCP) + 400 * rand());
  const convert = (l: number) => rand() < truth(l);
  const before = defective.map((l) => ({ lcpMs: l, converted: convert(l) }));
  const after = fixed.map((l) => ({ lcpMs: l, converted: convert(l) }));
  const rate = (xs: { converted: boolean }[]) => xs.filter((x) => x.converted).length / xs.length;
  // Expected lift (no sampling noise) beside the one these shoppers showed.
  const expected = fixed.reduce((s, l) => s + truth(l), 0) / defective.reduce((s, l) => s + truth(l), 0) - 1;
  const shown = rate(after) / rate(before) - 1;
  const slope = speedConversionSlope(before);
  const { fixes } = adviseFixes(report(), {
    monthlySessions: N, conversionRate: rate(before), averageOrderValue: 65, currency: 'USD', templateShares: { home: 1 }, deviceShares: { mobile: 1 },
    fieldVitals: [{ template: 'home', device: 'mobile', lcpP75Ms: Math.round(p75(defective)), samples: N, source: 'rum' }],
    storeSlope: slope,
  });
  const lift = fixes.find((f) => f.id === 'image-delivery')!.impact.conversionLiftPct;
  const ok = lift.low <= expected * 100 && expected * 100 <= lift.high;
  if (ok) inside++;
  console.log(`| ${name} | ${Math.round(p75(defective))} → ${Math.round(p75(fixed))} ms | ${slope ? `${slope.pctPer100ms} (${slope.ciLow}–${slope.ciHigh})` : 'none'} | ${(expected * 100).toFixed(1)} % (shoppers: ${(shown * 100).toFixed(1)} %) | ${lift.low} / ${lift.central} / ${lift.high} % | ${ok ? 'yes' : 'NO'} |`);
}
console.log(`${inside} of ${Object.keys(TRUTHS).length} true lifts inside the estimated range`);
