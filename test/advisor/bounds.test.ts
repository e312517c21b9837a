// The model's bounds: bad inputs get a clear error, money is always finite, non-negative and ordered, no fix
// or total passes its cap, shared pools are never counted twice, and with zero money the ranking follows lift.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseFixes, type AdviceInputs } from '../../src/advisor/index.ts';
import type { CheckoutSection, LinksSection, LoadTimePage, Report } from '../../src/report/schema.ts';
import { ROUND_INPUTS, S, opp, page, report } from './build.ts';

const links = (over: Partial<LinksSection>): LinksSection => ({ pagesCrawled: 1, linksChecked: 1, truncated: false, broken: [], redirects: [], slowPages: [], ...over });
const step = (name: string, extra: Partial<CheckoutSection['steps'][number]> = {}) => ({ name, url: `${S}/checkouts/cn/t/${name}`, durationMs: 1000, fields: [], jsErrors: [], failedRequests: [], screenshot: null, ...extra });

describe('input validation', () => {
  const r = report();
  const bad: [string, AdviceInputs, RegExp][] = [
    ['NaN sessions', { monthlySessions: Number.NaN }, /monthlySessions must be a number between 0 and/],
    ['Infinity AOV', { averageOrderValue: Number.POSITIVE_INFINITY }, /averageOrderValue/],
    ['1e300 sessions', { monthlySessions: 1e300 }, /monthlySessions must be a number between 0 and 1000000000000/],
    ['negative page views', { pageViews: { [`${S}/`]: -3 } }, /pageViews\[https:\/\/shop\.example\/\] must be a number/],
    ['NaN page views', { pageViews: { [`${S}/`]: Number.NaN } }, /pageViews/],
    ['1e300 page views', { pageViews: { [`${S}/`]: 1e300 } }, /pageViews/],
    ['shares adding up to 2', { templateShares: { home: 1, product: 1 } }, /templateShares adds up to 2; shares must add up to 1/],
    ['unknown template', { templateShares: { checkout: 0.5 } as never }, /unknown key "checkout"/],
    ['device shares over 1', { deviceShares: { mobile: 0.8, desktop: 0.5 } }, /deviceShares adds up to 1.3/],
    ['currency XYZ', { currency: 'XYZ' }, /ISO 4217/],
    ['NaN store slope', { storeSlope: { pctPer100ms: Number.NaN, ciLow: 0.1, ciHigh: 1, sampleSize: 5000 } }, /storeSlope\.pctPer100ms/],
    ['slope outside its CI', { storeSlope: { pctPer100ms: 3, ciLow: 0.1, ciHigh: 1, sampleSize: 5000 } }, /ciLow ≤ pctPer100ms ≤ ciHigh/],
    ['NaN field LCP', { fieldVitals: [{ template: 'home', device: 'mobile', lcpP75Ms: Number.NaN, samples: null, source: 'rum' }] }, /fieldVitals\[0\]\.lcpP75Ms/],
  ];
  for (const [name, inputs, message] of bad) {
    it(`rejects ${name} with a clear message`, () => {
      expect(() => adviseFixes(r, inputs)).toThrow(message);
    });
  }

  it('spreads what given shares leave over the other templates, so shares always add up to 1', () => {
    const { inputs } = adviseFixes(r, { templateShares: { product: 0.5 } });
    const shares = (inputs.templateShares as { value: Record<string, number> }).value;
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(shares.product).toBe(0.5);
  });
});

describe('one defect, one fix, one pool', () => {
  it('groups pagination and query variants of one slow page into one fix, on the page\'s share of its template', () => {
    const slow = ['/collections/sale', '/collections/sale?page=1', '/collections/sale?page=2', '/collections/sale/?sort_by=price'].map((p) => ({ url: `${S}${p}`, ttfbMs: 1800 }));
    const r = report({ pages: [{ url: `${S}/`, template: 'home' }, { url: `${S}/collections/all`, template: 'collection' }], links: links({ slowPages: slow }) });
    const { fixes } = adviseFixes(r, { ...ROUND_INPUTS, templateShares: { collection: 0.5, home: 0.5 } });
    const server = fixes.filter((f) => f.category === 'server-response');
    expect(server.map((f) => f.id)).toEqual(['server-response:/collections/sale']);
    expect(server[0]!.pages).toHaveLength(4);
    // two collection pages known (all, sale): sale gets half of the 50 % collection share, not all of it
    expect(server[0]!.impact.basis).toMatch(/25% of sessions/);
  });

  it('groups query-string variants of one broken file into one fix (the demo store\'s legacy-theme.css and ?v=1)', () => {
    const css = (q: string, on: string) => ({ url: `${S}/cdn/shop/t/1/assets/legacy-theme.css${q}`, status: 404, error: null, kind: 'stylesheet' as const, foundOn: [`${S}${on}`] });
    // As the crawler reports the demo store's: the <link>'d `?v=1` as a stylesheet, and the bare file, found from
    // that 404, as a page.
    const bare = { ...css('', '/x'), kind: 'page' as const, foundOn: [`${S}/cdn/shop/t/1/assets/legacy-theme.css?v=1`] };
    const r = report({ pages: [{ url: `${S}/`, template: 'home' }, { url: `${S}/pages/about`, template: 'page' }], links: links({ broken: [css('?v=1', '/'), css('', '/pages/about'), css('?v=2', '/'), bare] }) });
    const { fixes } = adviseFixes(r, ROUND_INPUTS);
    expect(fixes.map((f) => f.id)).toEqual(['broken:/cdn/shop/t/1/assets/legacy-theme.css']);
    expect(fixes[0]!.pages.sort()).toEqual([`${S}/`, `${S}/pages/about`]);
    expect(fixes[0]!.evidence).toMatch(/4 query-string variants/);
    expect(fixes[0]!.title).toMatch(/broken stylesheet/);
    // Real-user views of every variant count once each, in the one fix.
    const withViews = adviseFixes(r, { ...ROUND_INPUTS, pageViews: { [`${S}/cdn/shop/t/1/assets/legacy-theme.css?v=1`]: 1000, [`${S}/cdn/shop/t/1/assets/legacy-theme.css`]: 500 } });
    expect(withViews.fixes[0]!.impact.basis).toMatch(/1,500 monthly visits/);
  });

  it('never gives URLs outside report.pages a full template share: broken images on two unlisted pages split it', () => {
    const img = (n: number, on: string) => ({ url: `${S}/cdn/shop/files/x${n}.jpg`, status: 404, error: null, kind: 'image' as const, foundOn: [`${S}${on}`] });
    const r = report({ pages: [{ url: `${S}/`, template: 'home' }], links: links({ broken: [img(1, '/products/a'), img(2, '/products/b')] }) });
    const { fixes } = adviseFixes(r, { ...ROUND_INPUTS, templateShares: { product: 1 } });
    // 100,000 product sessions over 2 product pages × 30 % exposure × 2 % × 50 × 1 % recovery = 150 each
    expect(fixes.map((f) => f.impact.revenuePerMonth.central)).toEqual([150, 150]);
  });

  it('lets 200 broken images on one page share that page\'s pool', () => {
    const many = Array.from({ length: 200 }, (_, n) => ({ url: `${S}/cdn/shop/files/p${n}_1600x.jpg`, status: 404, error: null, kind: 'image' as const, foundOn: [`${S}/`] }));
    const r = report({ links: links({ broken: many }) });
    const { fixes, impactSummary } = adviseFixes(r, ROUND_INPUTS);
    const pagePool = 100_000 * 0.02 * 50; // every conversion of the page's visitors
    expect(impactSummary.totalAtStake.high).toBeLessThanOrEqual(pagePool * 0.03 + 1);
    expect(Math.max(...fixes.map((f) => f.impact.revenuePerMonth.central))).toBeLessThanOrEqual(5);
  });

  it('lets checkout fixes for one abandonment reason share its pool: joint, never the plain sum', () => {
    const c: CheckoutSection = {
      completed: false, stepCount: 3, formFields: 10, totalMs: 3000,
      failure: { step: 'shipping', reason: 'validation-error', message: 'postal code rejected', origin: 'store' },
      steps: [step('information', { jsErrors: ['TypeError: a'] }), step('shipping', { jsErrors: ['TypeError: b'] })],
    };
    const { fixes, impactSummary } = adviseFixes(report({ checkout: c }), ROUND_INPUTS);
    const sum = fixes.reduce((s, f) => s + f.impact.revenuePerMonth.central, 0);
    const largest = Math.max(...fixes.map((f) => f.impact.revenuePerMonth.central));
    const pool = 4000 * 0.5 * 0.17 * 50; // starts × abandonment × site errors × AOV
    expect(impactSummary.totalAtStake.central).toBeLessThan(sum);
    expect(impactSummary.totalAtStake.central).toBeGreaterThanOrEqual(largest);
    expect(impactSummary.totalAtStake.high).toBeLessThanOrEqual(pool);
  });

  it('says "could not test" when our own journey failed, and prices nothing', () => {
    const c: CheckoutSection = {
      completed: false, stepCount: 1, formFields: 0, totalMs: 1000, steps: [step('information')],
      failure: { step: 'information', reason: 'selector-not-found', message: 'no email field matched', origin: 'auditor' },
    };
    const { fixes, impactSummary } = adviseFixes(report({ checkout: c }), ROUND_INPUTS);
    expect(fixes).toEqual([]);
    expect(impactSummary.totalAtStake.central).toBe(0);
    expect(impactSummary.inputs).toEqual(expect.arrayContaining([{ name: 'checkoutNotTested', value: 'information', source: 'default' }]));
  });

  it('prices a failing background request while the step works as small and low-confidence', () => {
    const c: CheckoutSection = { completed: true, stepCount: 1, formFields: 10, totalMs: 1000, failure: null, steps: [step('information', { failedRequests: [{ url: `${S}/t`, status: 500 }] })] };
    const fix = adviseFixes(report({ checkout: c }), ROUND_INPUTS).fixes[0]!;
    expect(fix.impact.confidence).toBe('low');
    expect(fix.impact.revenuePerMonth.low).toBe(0);
    expect(fix.impact.revenuePerMonth.high).toBeLessThanOrEqual(Math.round(4000 * 0.5 * 0.17 * 0.03 * 50));
  });
});

describe('zero money', () => {
  it('ranks by lift, not by name, when the store has no sessions yet', () => {
    const p = page({ metrics: { lcpMs: 8000 }, opportunities: [opp('render-blocking-insight', { LCP: 300 }), opp('image-delivery-insight', { LCP: 2000 })] });
    const { fixes } = adviseFixes(report({ loadTime: { storeScore: 50, pages: [p] } }), { ...ROUND_INPUTS, monthlySessions: 0 });
    expect(fixes.every((f) => f.impact.revenuePerMonth.central === 0)).toBe(true);
    expect(fixes.map((f) => f.id)).toEqual(['image-delivery', 'render-blocking-theme']);
  });
});

// ---- properties over random reports and inputs ----
const TEMPLATES = ['home', 'collection', 'product'] as const;
const OPPS = ['image-delivery-insight', 'render-blocking-insight', 'unused-css-rules', 'lcp-discovery-insight', 'document-latency-insight', 'cache-insight'] as const;

const pageArb = fc.record({
  n: fc.integer({ min: 0, max: 5 }),
  template: fc.constantFrom(...TEMPLATES),
  device: fc.constantFrom('mobile' as const, 'desktop' as const),
  query: fc.constantFrom('', '?page=2', '?sort_by=price'),
  lcpMs: fc.integer({ min: 500, max: 60_000 }),
  tbtMs: fc.integer({ min: 0, max: 3000 }),
  cls: fc.double({ min: 0, max: 1, noNaN: true }),
  ttfbMs: fc.integer({ min: 50, max: 5000 }),
  runs: fc.integer({ min: 1, max: 5 }),
  savings: fc.array(fc.tuple(fc.constantFrom(...OPPS), fc.integer({ min: 0, max: 60_000 })), { maxLength: 6 }),
}).map((p): LoadTimePage => page({
  url: `${S}/${p.template === 'home' ? '' : `${p.template}s/x${p.n}`}${p.query}`, template: p.template, device: p.device, runs: p.runs,
  metrics: { lcpMs: p.lcpMs, tbtMs: p.tbtMs, cls: p.cls, ttfbMs: p.ttfbMs },
  opportunities: p.savings.map(([id, ms]) => opp(id, { LCP: ms }, { wastedBytes: ms * 100 })),
  apps: p.tbtMs > 300 ? [{ name: 'Chatly', kind: 'app', urls: ['https://cdn.example/chat.js'], transferBytes: 1, mainThreadMs: p.tbtMs, blockingMs: p.tbtMs / 2 }] : [],
}));

const reportArb = fc.record({
  pages: fc.array(pageArb, { maxLength: 8 }),
  broken: fc.array(fc.record({ n: fc.integer({ min: 0, max: 30 }), kind: fc.constantFrom('page' as const, 'image' as const, 'script' as const), on: fc.integer({ min: 0, max: 5 }) }), { maxLength: 40 }),
  slow: fc.array(fc.record({ n: fc.integer({ min: 0, max: 3 }), q: fc.integer({ min: 0, max: 3 }), ttfbMs: fc.integer({ min: 0, max: 8000 }) }), { maxLength: 8 }),
  jsErrors: fc.integer({ min: 0, max: 3 }),
  failed: fc.boolean(),
  origin: fc.constantFrom('store' as const, 'auditor' as const),
}).map((r): Report => report({
  pages: r.pages.map((p) => ({ url: p.url, template: p.template })),
  loadTime: { storeScore: 50, pages: r.pages },
  links: links({
    broken: r.broken.map((b) => ({ url: `${S}/${b.kind === 'page' ? 'products' : 'cdn/shop/files'}/b${b.n}${b.kind === 'image' ? '.jpg' : ''}`, status: 404, error: null, kind: b.kind, foundOn: [`${S}/products/x${b.on}`] })),
    slowPages: r.slow.map((s) => ({ url: `${S}/collections/c${s.n}?page=${s.q}`, ttfbMs: s.ttfbMs })),
  }),
  checkout: {
    completed: !r.failed, stepCount: 3, formFields: 18, totalMs: 1000,
    failure: r.failed ? { step: 'shipping', reason: 'timeout', message: 'x', origin: r.origin } : null,
    steps: Array.from({ length: r.jsErrors }, (_, i) => step(`s${i}`, { jsErrors: ['TypeError'], failedRequests: [{ url: `${S}/t`, status: 500 }] })),
  },
}));

const share = fc.double({ min: 0, max: 1, noNaN: true });
const inputsArb = fc.record({
  monthlySessions: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 })),
  conversionRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
  averageOrderValue: fc.double({ min: 0, max: 5000, noNaN: true }),
  currency: fc.constantFrom('USD', 'EUR', 'JPY', 'ILS', 'IRR', 'CNY'),
  home: share,
  mobile: share,
  field: fc.option(fc.integer({ min: 300, max: 30_000 }), { nil: undefined }),
}).map((i): AdviceInputs => ({
  monthlySessions: i.monthlySessions, conversionRate: i.conversionRate, averageOrderValue: i.averageOrderValue, currency: i.currency,
  templateShares: { home: i.home }, deviceShares: { mobile: i.mobile },
  ...(i.field ? { fieldVitals: [{ template: 'product', device: 'mobile', lcpP75Ms: i.field, samples: 100, source: 'rum' }] } : {}),
}));

describe('properties (fast-check)', () => {
  it('money is finite, non-negative and ordered; no fix and no total passes its cap; the total is joint', () => {
    fc.assert(fc.property(reportArb, inputsArb, (r, given) => {
      const { fixes, impactSummary } = adviseFixes(r, given);
      const revenue = impactSummary.monthlyRevenue.central;
      for (const f of fixes) {
        const m = f.impact.revenuePerMonth;
        for (const x of [m.low, m.central, m.high, f.impact.conversionLiftPct.low, f.impact.conversionLiftPct.high]) {
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
        }
        expect(m.low).toBeLessThanOrEqual(m.central);
        expect(m.central).toBeLessThanOrEqual(m.high);
        // a speed fix is worth at most the curve's largest lift on all sessions: 0.35 / 0.65 of revenue
        if (f.impact.metric === 'LCP') expect(m.high).toBeLessThanOrEqual(revenue * (0.35 / 0.65) + 1);
      }
      const t = impactSummary.totalAtStake;
      expect(t.low).toBeLessThanOrEqual(t.central);
      expect(t.central).toBeLessThanOrEqual(t.high);
      expect(t.high).toBeLessThanOrEqual(revenue + 1);
      expect(impactSummary.shareOfRevenue.high).toBeLessThanOrEqual(1);
      for (const v of ['low', 'central', 'high'] as const) {
        const sum = fixes.reduce((s, f) => s + f.impact.revenuePerMonth[v], 0);
        const largest = Math.max(0, ...fixes.map((f) => f.impact.revenuePerMonth[v]));
        expect(t[v]).toBeLessThanOrEqual(sum + fixes.length);
        expect(t[v]).toBeGreaterThanOrEqual(Math.min(largest, revenue) - 1);
      }
      expect(fixes.some((f) => f.id === 'checkout-failure')).toBe(r.checkout?.failure?.origin === 'store');
    }), { numRuns: 150 });
  });

  it('with zero money the ranking follows lift', () => {
    fc.assert(fc.property(reportArb, inputsArb, (r, given) => {
      const { fixes } = adviseFixes(r, { ...given, monthlySessions: 0 });
      const lifts = fixes.map((f) => f.impact.conversionLiftPct.central);
      expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    }), { numRuns: 60 });
  });

  it('the same report always gives the same fixes and figures', () => {
    fc.assert(fc.property(reportArb, inputsArb, (r, given) => {
      expect(adviseFixes(structuredClone(r), given)).toEqual(adviseFixes(r, given));
    }), { numRuns: 30 });
  });
});
