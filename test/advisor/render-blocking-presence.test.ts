// Issue #13, item 7: a render-blocking fix is there because a blocking script is there, not because this run's lab
// LCP landed above the 2.7 s plateau. Its price may change between runs; its presence may not.
import { describe, expect, it } from 'vitest';
import { adviseFixes } from '../../src/advisor/index.ts';
import { ROUND_INPUTS, S, opp, page, withPages } from './build.ts';

const blocking = (files: string[], savings: Record<string, number>) =>
  opp('render-blocking-insight', savings, { items: files.map((f) => ({ url: `${S}/cdn/shop/t/1/assets/${f}`, wastedMs: 300 })) });

const fixOf = (lcpMs: number, files: string[], savings: Record<string, number>) =>
  adviseFixes(withPages(page({ metrics: { lcpMs }, opportunities: [blocking(files, savings)] })), ROUND_INPUTS).fixes
    .find((f) => f.id === 'render-blocking-theme');

describe('render-blocking fix presence', () => {
  it('keeps a blocking script on a page whose lab LCP is under the plateau, at the small flat price', () => {
    const slow = fixOf(6000, ['theme.js', 'base.css'], { FCP: 650, LCP: 650 });
    const fast = fixOf(1600, ['theme.js', 'base.css'], { FCP: 650, LCP: 650 });
    expect(slow?.impact.metric).toBe('LCP');
    expect(fast).toBeDefined();
    expect(fast!.impact.confidence).toBe('low');
    expect(fast!.impact.basis).toMatch(/plateau/);
    expect(fast!.impact.revenuePerMonth.central).toBeLessThan(slow!.impact.revenuePerMonth.central);
  });

  it('keeps a blocking script whose saving Lighthouse puts on first paint only (the LCP waits on a heavy image)', () => {
    const fix = fixOf(15000, ['theme.js?v=1'], { FCP: 500, LCP: 0 });
    expect(fix?.evidence).toMatch(/no LCP saving/);
    expect(fix?.impact.savingMs).toBeNull();
  });

  it('drops a lone blocking stylesheet on a fast page, and one that only delays first paint', () => {
    expect(fixOf(1600, ['base.css'], { FCP: 300, LCP: 300 })).toBeUndefined();
    expect(fixOf(15000, ['base.css'], { FCP: 300, LCP: 0 })).toBeUndefined();
  });

  it('prices the fix on the page with an LCP saving when another page only shows the first-paint delay', () => {
    const home = page({ metrics: { lcpMs: 15000 }, opportunities: [blocking(['theme.js'], { FCP: 500, LCP: 0 })] });
    const product = page({ url: `${S}/products/a`, template: 'product', metrics: { lcpMs: 6000 }, opportunities: [blocking(['theme.js'], { FCP: 650, LCP: 650 })] });
    const fixes = adviseFixes(withPages(home, product), { ...ROUND_INPUTS, templateShares: { home: 0.5, product: 0.5 } }).fixes;
    const fix = fixes.find((f) => f.id === 'render-blocking-theme');
    expect(fix?.pages).toEqual([`${S}/`, `${S}/products/a`]);
    expect(fix?.impact.metric).toBe('LCP');
    expect(fix?.impact.savingMs).toBeGreaterThan(0);
  });
});
