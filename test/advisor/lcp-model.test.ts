import { describe, expect, it } from 'vitest';
import { adviseFixes } from '../../src/advisor/index.ts';
import { ROUND_INPUTS, opp, page, withPages } from './build.ts';

const byId = (fixes: ReturnType<typeof adviseFixes>['fixes'], id: string) => {
  const fix = fixes.find((f) => f.id === id);
  if (!fix) throw new Error(`no fix ${id} among ${fixes.map((f) => f.id).join(', ')}`);
  return fix;
};

describe('LCP impact model', () => {
  it('caps a saving at the headroom above the 2.7 s phone plateau', () => {
    // lab LCP 3000 ms, saving 1000 ms, headroom 300 ms → 300 ms × 0.2/0.7/1.3 % per 100 ms on 100 % of sessions
    const { fixes } = adviseFixes(withPages(page({ opportunities: [opp('image-delivery-insight', { LCP: 1000 })] })), ROUND_INPUTS);
    const fix = byId(fixes, 'image-delivery');
    expect(fix.impact.savingMs).toBe(300);
    expect(fix.impact.conversionLiftPct).toEqual({ low: 0.6, central: 2.1, high: 3.9 });
    expect(fix.impact.revenuePerMonth).toEqual({ low: 600, central: 2100, high: 3900, currency: 'USD' });
    expect(fix.impact.basis).toMatch(/Capped at the headroom/);
    expect(fix.category).toBe('images');
    expect(fix.howTo.join(' ')).toMatch(/image_url/);
    expect(fix.howTo.join(' ')).toMatch(/srcset|sizes/);
  });

  it('uses the 1.8 s floor on desktop', () => {
    const { fixes } = adviseFixes(withPages(page({ device: 'desktop', opportunities: [opp('image-delivery-insight', { LCP: 1000 })] })), ROUND_INPUTS);
    expect(byId(fixes, 'image-delivery').impact.savingMs).toBe(1000);
  });

  it('advises no LCP work on a page already below the plateau', () => {
    const { fixes } = adviseFixes(withPages(page({ metrics: { lcpMs: 2500 }, opportunities: [opp('image-delivery-insight', { LCP: 800 })] })), ROUND_INPUTS);
    expect(fixes).toEqual([]);
  });

  it('never sums two savings in the same LCP phase: the largest counts once', () => {
    const p = page({
      metrics: { lcpMs: 8000 },
      opportunities: [opp('render-blocking-insight', { LCP: 800 }), opp('unused-css-rules', { LCP: 500 }), opp('image-delivery-insight', { LCP: 1000 })],
    });
    const { fixes } = adviseFixes(withPages(p), ROUND_INPUTS);
    expect(byId(fixes, 'image-delivery').impact.revenuePerMonth.central).toBe(7000);
    expect(byId(fixes, 'render-blocking-theme').impact.revenuePerMonth.central).toBe(5600);
    const unused = byId(fixes, 'unused-css-rules');
    expect(unused.impact.savingMs).toBe(0);
    expect(unused.impact.basis).toMatch(/Overlaps with “render-blocking-theme”/);
    const total = fixes.filter((f) => f.impact.metric === 'LCP').reduce((s, f) => s + (f.impact.savingMs ?? 0), 0);
    expect(total).toBe(1800);
  });

  it('ranks greedily: the next fix only gets the headroom the fixes above it left', () => {
    // headroom 1000 ms: image (800 ms) first, then render-blocking gets 200 ms, not its 600 ms
    const p = page({ metrics: { lcpMs: 3700 }, opportunities: [opp('render-blocking-insight', { LCP: 600 }), opp('image-delivery-insight', { LCP: 800 })] });
    const { fixes } = adviseFixes(withPages(p), ROUND_INPUTS);
    expect(fixes.map((f) => f.id)).toEqual(['image-delivery', 'render-blocking-theme']);
    expect(byId(fixes, 'image-delivery').impact.revenuePerMonth.central).toBe(5600);
    expect(byId(fixes, 'render-blocking-theme').impact.savingMs).toBe(200);
    expect(byId(fixes, 'render-blocking-theme').impact.revenuePerMonth.central).toBe(1400);
    // alone, render-blocking would have been worth its full 600 ms
    const alone = adviseFixes(withPages(page({ metrics: { lcpMs: 3700 }, opportunities: [opp('render-blocking-insight', { LCP: 600 })] })), ROUND_INPUTS);
    expect(byId(alone.fixes, 'render-blocking-theme').impact.revenuePerMonth.central).toBe(4200);
  });

  it('splits render-blocking between the theme and the app that injected the script', () => {
    const app = 'https://cdn.app.example/extensions/u/1/assets/reviews-pro.js';
    const p = page({
      metrics: { lcpMs: 8000 },
      apps: [{ name: 'Reviews Pro', kind: 'app', urls: [app], transferBytes: 1, mainThreadMs: 1, blockingMs: 0 }],
      opportunities: [opp('render-blocking-insight', { LCP: 1000 }, { items: [{ url: 'https://shop.example/cdn/shop/t/1/assets/theme.js', wastedMs: 600 }, { url: app, wastedMs: 400 }] })],
    });
    const { fixes } = adviseFixes(withPages(p), ROUND_INPUTS);
    expect(byId(fixes, 'render-blocking-theme').impact.savingMs).toBe(600);
    const appFix = byId(fixes, 'app-render-blocking:reviews-pro');
    expect(appFix.impact.savingMs).toBe(400);
    expect(appFix.category).toBe('third-party-apps');
    expect(appFix.howTo.join(' ')).toMatch(/Reviews Pro embed/);
    expect(byId(fixes, 'render-blocking-theme').howTo.join(' ')).toMatch(/defer/);
  });

  it('scales lab savings to the field with the template\'s field/lab ratio', () => {
    // lab 8000 → field 4000 ms (headroom 1300); lab saving 1000 → field 500 ms → 3.5 %
    const p = page({ metrics: { lcpMs: 8000 }, opportunities: [opp('image-delivery-insight', { LCP: 1000 })] });
    const { fixes } = adviseFixes(withPages(p), { ...ROUND_INPUTS, fieldLabRatio: { home: 0.5 } });
    const fix = byId(fixes, 'image-delivery');
    expect(fix.impact.savingMs).toBe(500);
    expect(fix.impact.revenuePerMonth.central).toBe(3500);
    expect(fix.impact.basis).toMatch(/field-scaled/);
  });

  it('applies the template and device share of sessions', () => {
    const p = page({ metrics: { lcpMs: 8000 }, opportunities: [opp('image-delivery-insight', { LCP: 1000 })] });
    const { fixes } = adviseFixes(withPages(p), { ...ROUND_INPUTS, templateShares: { home: 0.2 }, deviceShares: { mobile: 0.5 } });
    expect(byId(fixes, 'image-delivery').impact.revenuePerMonth.central).toBe(700);
  });

  it('flags a lazy-loaded LCP image with preload/never-lazy advice', () => {
    const p = page({
      metrics: { lcpMs: 8000 },
      lcpElement: { selector: 'img', snippet: '<img src="/hero.png" loading="lazy">', url: `https://shop.example/cdn/shop/files/hero.png` },
      opportunities: [opp('lcp-discovery-insight', { LCP: 400 })],
    });
    const fix = byId(adviseFixes(withPages(p), ROUND_INPUTS).fixes, 'lcp-image-priority');
    expect(fix.evidence).toMatch(/lazy-loaded/);
    expect(fix.howTo.join(' ')).toMatch(/preload/);
    expect(fix.impact.revenuePerMonth.central).toBe(2800);
  });

  it('prices a lazy-loaded LCP image by its load delay when Lighthouse gives no discovery saving', () => {
    const p = page({
      metrics: { lcpMs: 8000 },
      lcpElement: { selector: 'img', snippet: '<img loading=lazy src="/hero.png">', url: null },
      lcpPhases: { ttfbMs: 100, loadDelayMs: 600, loadTimeMs: 5000, renderDelayMs: 300 },
    });
    expect(byId(adviseFixes(withPages(p), ROUND_INPUTS).fixes, 'lcp-image-priority').impact.savingMs).toBe(600);
  });

  it('still reports a heavy image that is not the LCP element, priced with the small flat range', () => {
    const hero = 'https://shop.example/cdn/shop/files/hero.png';
    const p = page({
      metrics: { lcpMs: 8000 },
      opportunities: [opp('image-delivery-insight', { LCP: 0 }, { wastedBytes: 2_600_000, items: [{ url: hero, snippet: '<img src="/hero.png" loading="lazy">', wastedBytes: 2_600_000 }] })],
    });
    const fix = byId(adviseFixes(withPages(p), ROUND_INPUTS).fixes, 'image-weight');
    expect(fix.category).toBe('images');
    expect(fix.evidence).toMatch(/2\.6 MB/);
    expect(fix.impact.revenuePerMonth.central).toBe(50);
    expect(fix.impact.confidence).toBe('low');
    expect(fix.howTo.join(' ')).toMatch(/hero\.png is lazy-loaded/);
  });

  it('gives a server-response fix only when TTFB is slow, whatever the simulated saving', () => {
    const fast = page({ metrics: { lcpMs: 8000, ttfbMs: 300 }, opportunities: [opp('server-response-time', { LCP: 200 })] });
    expect(adviseFixes(withPages(fast), ROUND_INPUTS).fixes).toEqual([]);
    const slow = page({ metrics: { lcpMs: 8000, ttfbMs: 1300 }, opportunities: [opp('document-latency-insight', { LCP: 1200 })] });
    const fix = byId(adviseFixes(withPages(slow), ROUND_INPUTS).fixes, 'server-response');
    expect(fix.category).toBe('server-response');
    expect(fix.impact.savingMs).toBe(1200);
    expect(fix.howTo.join(' ')).toMatch(/Theme Inspector/);
  });

  it('ignores savings below the minimum and yields no fixes for a clean page', () => {
    const p = page({ metrics: { lcpMs: 1500, cls: 0.01, tbtMs: 30 }, opportunities: [opp('image-delivery-insight', { LCP: 50 })] });
    expect(adviseFixes(withPages(p), ROUND_INPUTS).fixes).toEqual([]);
  });
});
