import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviseFixes, checkBudget, compareRuns, layerInputs, loadBudget, parseBudget, type AdviceInputs } from '../../src/advisor/index.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import { ROUND_INPUTS, opp, page, withPages } from './build.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };
import fixedFixture from '../fixtures/demo-fixed-report.json' with { type: 'json' };

const FIELD_4000: AdviceInputs = { fieldVitals: [{ template: 'home', device: 'mobile', lcpP75Ms: 4000, samples: 5000, source: 'rum' }] };
const imagePage = (lcpMs: number, saving: number) => page({ metrics: { lcpMs }, opportunities: saving ? [opp('image-delivery-insight', { LCP: saving })] : [] });

describe('store inputs', () => {
  it('labels every missing input as an assumed default', () => {
    const { inputs } = adviseFixes(withPages(imagePage(8000, 1000)));
    expect(inputs.assumed).toEqual(expect.arrayContaining(['monthlySessions', 'conversionRate', 'averageOrderValue', 'currency', 'elasticity', 'templateShares']));
    expect(inputs.monthlySessions).toEqual({ value: 10_000, source: 'default' });
    expect(inputs.currency).toEqual({ value: 'USD', source: 'default' });
  });

  it('records the source of each given input and does not call it assumed', () => {
    const given: AdviceInputs = { monthlySessions: { value: 50_000, source: 'shopify' }, conversionRate: 0.03, averageOrderValue: { value: 80, source: 'config' }, currency: { value: 'EUR', source: 'shopify' } };
    const { inputs, fixes } = adviseFixes(withPages(imagePage(8000, 1000)), given);
    expect(inputs.monthlySessions).toEqual({ value: 50_000, source: 'shopify' });
    expect(inputs.conversionRate).toEqual({ value: 0.03, source: 'cli' });
    expect(inputs.assumed).not.toContain('monthlySessions');
    expect(inputs.assumed).not.toContain('conversionRate');
    expect(fixes[0]!.impact.revenuePerMonth.currency).toBe('EUR');
  });

  it('takes each input from the most trusted place that has it: Shopify, real-user data, CLI, config', () => {
    const given = layerInputs([
      { source: 'config', values: { monthlySessions: 1, conversionRate: 0.5, averageOrderValue: 9, currency: 'GBP' } },
      { source: 'cli', values: { averageOrderValue: 70 } },
      { source: 'shopify', values: { monthlySessions: null, conversionRate: 0.018, currency: 'EUR' } },
      { source: 'rum', values: { monthlySessions: 52_000 } },
    ]);
    const { inputs } = adviseFixes(withPages(), given);
    expect(inputs.monthlySessions).toEqual({ value: 52_000, source: 'rum' });
    expect(inputs.conversionRate).toEqual({ value: 0.018, source: 'shopify' });
    expect(inputs.averageOrderValue).toEqual({ value: 70, source: 'cli' });
    expect(inputs.currency).toEqual({ value: 'EUR', source: 'shopify' });
    expect(inputs.assumed).not.toContain('monthlySessions');
  });

  it('rejects impossible inputs with a clear message', () => {
    expect(() => adviseFixes(withPages(), { conversionRate: 1.5 })).toThrow(/conversionRate must be a number between 0 and 1/);
    expect(() => adviseFixes(withPages(), { currency: 'dollars' })).toThrow(/ISO 4217/);
    expect(() => adviseFixes(withPages(), { monthlySessions: -5 })).toThrow(/monthlySessions/);
  });

  it('switches to the store\'s own slope when its sample is large enough, and says so', () => {
    const slope = { pctPer100ms: 1, ciLow: 0.5, ciHigh: 1.5, sampleSize: 5000 };
    const own = adviseFixes(withPages(imagePage(8000, 1000)), { ...ROUND_INPUTS, ...FIELD_4000, storeSlope: slope });
    // the store's slope replaces the literature's in the curve: 1 %/100 ms over the window instead of 0.7
    expect(own.fixes[0]!.impact.revenuePerMonth.central).toBeGreaterThan(4857);
    expect(own.fixes[0]!.impact.confidence).toBe('high');
    expect(own.fixes[0]!.impact.basis).toMatch(/your store's own speed-to-conversion slope/);
    expect(own.inputs.assumed).not.toContain('elasticity');
    for (const weak of [{ ...slope, sampleSize: 300 }, { ...slope, ciLow: -0.1 }]) {
      const lit = adviseFixes(withPages(imagePage(8000, 1000)), { ...ROUND_INPUTS, ...FIELD_4000, storeSlope: weak });
      expect(lit.fixes[0]!.impact.revenuePerMonth.central).toBe(4857);
      expect(lit.fixes[0]!.impact.basis).toMatch(/published speed studies/);
    }
  });
});

describe('the demo-store fixture report', () => {
  const report = validateReport(fixture);
  const advice = adviseFixes(report, {}, {});
  const byCategory = (c: string) => advice.fixes.filter((f) => f.category === c);

  it('yields a fix in every category the planted defects call for, each with money and a how-to', () => {
    for (const c of ['images', 'render-blocking', 'server-response', 'third-party-apps', 'layout-shift', 'broken-links', 'redirects', 'checkout']) {
      expect(byCategory(c).length, c).toBeGreaterThan(0);
    }
    expect(advice.fixes.map((f) => f.id)).toEqual(expect.arrayContaining(['app-render-blocking:reviews-pro', 'app-main-thread:chatly', 'broken:/products/discontinued-widget', 'broken:/products/retired-product', 'redirect-chain:/collections/old-summer', 'checkout-js-error:shipping', 'checkout-failed-request:information']));
    for (const f of advice.fixes) {
      expect(f.howTo.length, f.id).toBeGreaterThan(0);
      expect(f.impact.revenuePerMonth.low).toBeLessThanOrEqual(f.impact.revenuePerMonth.central);
      expect(f.impact.revenuePerMonth.central).toBeLessThanOrEqual(f.impact.revenuePerMonth.high);
    }
  });

  it('yields nothing for the fixed variant', () => {
    expect(adviseFixes(validateReport(fixedFixture)).fixes).toEqual([]);
  });

  it('sorts fixes by central revenue and validates against the report schema', () => {
    const central = advice.fixes.map((f) => f.impact.revenuePerMonth.central);
    expect(central).toEqual([...central].sort((a, b) => b - a));
    expect(() => validateReport({ ...report, ...advice })).not.toThrow();
  });

  it('never claims more LCP on a page than its headroom above the plateau', () => {
    // desktop home: lab LCP 3500 ms and field p75 3500 ms, floor 1800 ms → 1700 ms headroom; phase maxima alone
    // would allow 1900 ms
    const home = report.loadTime!.pages.find((p) => p.template === 'home' && p.device === 'desktop')!;
    const single = adviseFixes({ ...report, links: null, checkout: null, loadTime: { storeScore: 50, pages: [home] } }, { fieldVitals: [{ template: 'home', device: 'desktop', lcpP75Ms: 3500, samples: null, source: 'rum' }] });
    const raw = home.opportunities.reduce((s, o) => s + (o.metricSavings.LCP ?? 0), 0);
    const claimed = single.fixes.filter((f) => f.impact.metric === 'LCP').reduce((s, f) => s + (f.impact.savingMs ?? 0), 0);
    expect(raw).toBeGreaterThan(1700);
    expect(claimed).toBe(1700);
  });
});

describe('before/after', () => {
  it('marks a fix resolved and shows the measured LCP change beside the estimate', () => {
    const before = { ...withPages(imagePage(8000, 1000)) };
    const prev: Report = { ...before, ...adviseFixes(before, ROUND_INPUTS) };
    const afterBase = withPages(imagePage(6900, 0));
    const next: Report = { ...afterBase, ...adviseFixes(afterBase, ROUND_INPUTS) };
    const cmp = compareRuns(prev, next);
    expect(cmp.outcomes).toEqual([expect.objectContaining({ id: 'image-delivery', status: 'resolved', measured: { metric: 'LCP', before: 8000, after: 6900, change: 1100 } })]);
    // lab-only: 1000 lab ms of 8000 are ~500 ms for shoppers at the central lab-to-field ratio
    expect(cmp.outcomes[0]!.estimate.savingMs).toBe(500);
  });

  it('calls a speed fix that vanished while its metric did not clearly improve "not confirmed", never resolved', () => {
    const before = withPages(imagePage(8000, 1000));
    const prev: Report = { ...before, ...adviseFixes(before, ROUND_INPUTS) };
    // the unchanged store's next run: LCP within noise, the opportunity missing from this run's median
    const noisy = withPages(imagePage(7800, 0));
    const next: Report = { ...noisy, ...adviseFixes(noisy, ROUND_INPUTS) };
    expect(compareRuns(prev, next).outcomes[0]).toMatchObject({ id: 'image-delivery', status: 'not-confirmed', measured: { before: 8000, after: 7800 } });
    expect(() => validateReport({ ...next, comparison: compareRuns(prev, next) })).not.toThrow();
  });

  it('keeps a fix open when it is still found, and says "not rechecked" when its audit did not run', () => {
    const r = withPages(imagePage(8000, 1000));
    const prev: Report = { ...r, ...adviseFixes(r, ROUND_INPUTS) };
    expect(compareRuns(prev, prev).outcomes[0]!.status).toBe('open');
    expect(compareRuns(prev, { ...prev, loadTime: null, fixes: [] }).outcomes[0]).toMatchObject({ status: 'not-rechecked', measured: null });
  });
});

describe('budgets', () => {
  const report = validateReport(fixture);

  it('lists each breach: metrics per template and device, broken links, checkout', () => {
    const budget = parseBudget({ templates: { '*': { cls: 0.1 }, 'home:mobile': { lcpMs: 4000 } }, maxBrokenLinks: 0, checkout: { maxSteps: 4, maxErrors: 0, maxFormFields: 20 } });
    const breaches = checkBudget(report, budget);
    expect(breaches).toEqual(expect.arrayContaining([
      { rule: 'lcpMs (home, mobile)', limit: 4000, actual: 7800, page: 'http://127.0.0.1:4000/' },
      { rule: 'cls (product, mobile)', limit: 0.1, actual: 0.31, page: 'http://127.0.0.1:4000/products/classic-tee' },
      { rule: 'maxBrokenLinks', limit: 0, actual: 6 },
      { rule: 'checkout.maxErrors', limit: 0, actual: 2 },
    ]));
    expect(breaches.some((b) => b.rule.startsWith('checkout.maxSteps'))).toBe(false);
    expect(breaches.some((b) => b.rule === 'lcpMs (home, desktop)')).toBe(false);
  });

  it('passes a budget the report meets', () => {
    expect(checkBudget(report, parseBudget({ templates: { '*': { lcpMs: 10_000 } }, maxBrokenLinks: 10 }))).toEqual([]);
  });

  it('loads a budget file and explains every kind of bad file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'budget-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ templates: { product: { lcpMs: 2500 } }, maxBrokenLinks: 0 }));
    expect(await loadBudget(good)).toEqual({ templates: { product: { lcpMs: 2500 } }, maxBrokenLinks: 0 });
    await expect(loadBudget(join(dir, 'missing.json'))).rejects.toThrow(/cannot read budget file .*missing\.json: ENOENT/);
    const notJson = join(dir, 'bad.json');
    await writeFile(notJson, '{ nope');
    await expect(loadBudget(notJson)).rejects.toThrow(/is not valid JSON/);
    const badKey = join(dir, 'key.json');
    await writeFile(badKey, JSON.stringify({ templates: { checkoutpage: { lcpMs: 1 } }, maxBrokenLinks: -1 }));
    await expect(loadBudget(badKey)).rejects.toThrow(/templates\.checkoutpage: keys are a template.*maxBrokenLinks/);
    const badMetric = join(dir, 'metric.json');
    await writeFile(badMetric, JSON.stringify({ templates: { home: { lcp: 2500 } } }));
    await expect(loadBudget(badMetric)).rejects.toThrow(/not a valid budget/);
  });
});
