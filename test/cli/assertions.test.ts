// Assertions and exit codes on hand-made reports (no browser): a measurement that failed is a breach, an
// incomplete run exits 3, lhci's aggregation methods, Lighthouse's budget path rules checked against lhci's
// own implementation, and golden Markdown and JUnit output.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAssertions } from '../../src/cli/assertions/evaluate.ts';
import { pathMatches, specsFromBudget, specsFromLighthouseBudget } from '../../src/cli/assertions/budgets.ts';
import { assertionsSchema, specsFromAssertions } from '../../src/cli/assertions/spec.ts';
import { exitCodeFor, gapsOf } from '../../src/cli/outcome.ts';
import { renderJunit } from '../../src/cli/reporters/junit.ts';
import { renderMarkdown } from '../../src/cli/reporters/markdown.ts';
import { setLocale, t } from '../../src/cli/text.ts';
import { summaryLines } from '../../src/cli/summary.ts';
import type { LoadTimePage, Report } from '../../src/report/schema.ts';

const require = createRequire(import.meta.url);
const { Budget } = require('@lhci/utils/src/budget.js') as { Budget: { urlMatchesPattern(url: string, pattern: string): boolean } };

function page(url: string, template: LoadTimePage['template'], lcp: number | null, extra: Partial<LoadTimePage> = {}): LoadTimePage {
  return {
    url,
    template,
    device: 'mobile',
    runs: lcp === null ? 0 : 3,
    score: lcp === null ? null : 70,
    metrics: { lcpMs: lcp, fcpMs: lcp === null ? null : 1200, tbtMs: lcp === null ? null : 150, cls: lcp === null ? null : 0.02, ttfbMs: null, speedIndexMs: null },
    spread: lcp === null ? {} : { lcpMs: { min: lcp - 400, max: lcp + 600 }, score: { min: 62, max: 78 } },
    opportunities: [],
    apps: [],
    error: lcp === null ? 'Chromium could not be launched' : null,
    ...extra,
  };
}

function report(pages: LoadTimePage[], extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'storefront-auditor', version: '0.1.0' },
    store: { url: 'https://shop.example/' },
    startedAt: '2026-12-01T10:00:00.000Z',
    finishedAt: '2026-12-01T10:01:00.000Z',
    pages: pages.map(({ url, template }) => ({ url, template })),
    loadTime: { storeScore: pages.some((p) => !p.error) ? 70 : null, pages },
    checkout: null,
    links: { pagesCrawled: 12, linksChecked: 80, truncated: false, broken: [{ url: 'https://shop.example/old', status: 404, error: null, kind: 'page', foundOn: ['https://shop.example/'] }], redirects: [], slowPages: [] },
    fixes: [],
    errors: [],
    ...extra,
  } as Report;
}

const lcpBudget = specsFromBudget({ templates: { product: { lcpMs: 2500 } } });

describe('exit codes', () => {
  it('a browserless run is incomplete (3), and a budget on the failed page is a breach (1)', () => {
    const r = report([page('https://shop.example/', 'home', null), page('https://shop.example/products/a', 'product', null)]);
    const gaps = gapsOf(r);
    expect(gaps).toHaveLength(2);
    expect(exitCodeFor([], gaps, false)).toBe(3);
    expect(exitCodeFor([], gaps, true)).toBe(0);
    const results = evaluateAssertions(r, lcpBudget, ['load', 'links']);
    expect(results.map((x) => [x.status, x.reason])).toEqual([['not-measured', 'page-failed']]);
    expect(exitCodeFor(results, gaps, true)).toBe(1);
  });

  it('an audit that errored is a gap, and its assertions are not measured; one left out with --only is not run', () => {
    const r = report([], { loadTime: null, links: null, errors: [{ audit: 'links', message: 'store unreachable' }] });
    const specs = specsFromAssertions(assertionsSchema.parse({ 'broken-links': 'error', 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] }));
    const results = evaluateAssertions(r, specs, ['links']);
    expect(results.map((x) => x.status)).toEqual(['not-measured', 'not-run']);
    expect(results[0]!.detail).toBe('store unreachable');
    expect(exitCodeFor(results, gapsOf(r), false)).toBe(1);
  });

  it('warn-level failures never change the exit code; a complete passing run exits 0', () => {
    const r = report([page('https://shop.example/products/a', 'product', 2000)]);
    const specs = specsFromAssertions(assertionsSchema.parse({ 'categories:performance': ['warn', { minScore: 0.9 }], 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] }));
    const results = evaluateAssertions(r, specs, ['load']);
    expect(results.map((x) => x.status)).toEqual(['failed', 'passed']);
    expect(exitCodeFor(results, gapsOf(r), false)).toBe(0);
  });
});

describe('the summary says what could not be tested in the reader\'s language', () => {
  const r = report([page('https://shop.example/', 'home', null, { error: 'timeout: the page did not answer within 20 s' }), page('https://shop.example/products/a', 'product', 3000)], {
    checkout: {
      completed: false,
      stepCount: 0,
      formFields: 0,
      steps: [],
      failure: { step: 'start', reason: 'other', origin: 'auditor', message: 'Failed to launch the browser process:  Code: null\n\nstderr:\n/usr/bin/chromium: 9: [: unexpected operator' },
    } as unknown as Report['checkout'],
  });
  const gaps = gapsOf(r);

  it('he: the page failure by its kind and the checkout by its reason, no English detail, one line each', () => {
    setLocale('he');
    try {
      const lines = summaryLines(r, [], gaps);
      const notTested = lines.slice(lines.indexOf(t('summary.notTested')) + 1, lines.indexOf(t('summary.notTested')) + 3);
      expect(notTested).toEqual([expect.stringContaining('הדף לא סיים להיטען בזמן'), expect.stringContaining('הכלי עצמו נכשל')]);
      expect(lines.join('\n')).not.toMatch(/did not answer|Failed to launch|stderr/);
    } finally {
      setLocale('en');
    }
  });

  it('the Markdown comment says it the same way', () => {
    setLocale('he');
    try {
      const md = renderMarkdown(r, [], gaps, '');
      expect(md).toContain('הדף לא סיים להיטען בזמן');
      expect(md).toContain('הכלי עצמו נכשל');
      expect(md).not.toMatch(/stderr|Failed to launch|did not answer/);
    } finally {
      setLocale('en');
    }
  });

  it("en: a page failure keeps the audit's own detail; the checkout never prints the browser's launch log", () => {
    const lines = summaryLines(r, [], gaps);
    expect(lines).toContain('  - https://shop.example/ (mobile): timeout: the page did not answer within 20 s');
    expect(lines.some((l) => l.includes('the auditor itself failed'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/stderr|unexpected operator/);
  });
});

describe('assertion ids in a config file', () => {
  it("names Object's members ('toString', 'constructor') unknown assertions, as any other id it does not know", () => {
    for (const id of ['toString', 'constructor', 'hasOwnProperty']) {
      const parsed = assertionsSchema.safeParse({ [id]: 'error' });
      expect(parsed.success, id).toBe(false);
      expect(parsed.error?.issues[0]?.message, id).toMatch(/^unknown assertion; known: /);
    }
  });
});

describe('aggregationMethod over runs (lhci semantics)', () => {
  const r = report([page('https://shop.example/products/a', 'product', 2400, { runErrors: ['timeout'] })]);
  const lcp = (method: string) => evaluateAssertions(r, specsFromAssertions(assertionsSchema.parse({ 'largest-contentful-paint': ['error', { maxNumericValue: 2300, aggregationMethod: method }] })), ['load'])[0]!;
  it('optimistic takes the best run, pessimistic the worst (and cannot pass when a run failed), median the median run', () => {
    expect([lcp('optimistic').status, lcp('optimistic').actual]).toEqual(['passed', 2000]);
    expect([lcp('median').status, lcp('median').actual]).toEqual(['failed', 2400]);
    expect([lcp('pessimistic').status, lcp('pessimistic').reason]).toEqual(['not-measured', 'runs-failed']);
  });
  it('for a score, optimistic is the highest run', () => {
    const score = evaluateAssertions(r, specsFromAssertions(assertionsSchema.parse({ 'categories:performance': ['error', { minScore: 0.75 }] })), ['load'])[0]!;
    expect([score.status, score.actual]).toEqual(['passed', 0.78]);
  });
});

describe("Lighthouse's budget.json", () => {
  it('matches paths exactly as Lighthouse CI does', () => {
    const segment = fc.constantFrom('products', 'p', 'a.js', 'x-y', 'cat', 'js', '');
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`);
    const pattern = fc.tuple(path, fc.constantFrom('', '*', '*a', '$', '*js$')).map(([p, suffix]) => `${p}${suffix}`);
    fc.assert(
      fc.property(path, fc.option(fc.constantFrom('?page=2', '?q=js'), { nil: '' }), pattern, (p, query, pat) => {
        const url = `https://shop.example${p}${query}`;
        expect(pathMatches(url, pat)).toBe(Budget.urlMatchesPattern(url, pat));
      }),
      { numRuns: 500 },
    );
  });

  it('applies only the last budget whose path matches a page', () => {
    const specs = specsFromLighthouseBudget([
      { path: '/', timings: [{ metric: 'largest-contentful-paint', budget: 1000 }] },
      { path: '/products/*', timings: [{ metric: 'largest-contentful-paint', budget: 5000 }] },
    ]);
    const r = report([page('https://shop.example/', 'home', 1500), page('https://shop.example/products/a', 'product', 3000)]);
    const results = evaluateAssertions(r, specs, ['load']);
    expect(results.map((x) => [x.page, x.spec.expected, x.status])).toEqual([
      ['https://shop.example/', 1000, 'failed'],
      ['https://shop.example/products/a', 5000, 'passed'],
    ]);
  });
});

describe('reporters', () => {
  const r = report([page('https://shop.example/', 'home', 3100), page('https://shop.example/products/a|b', 'product', null)], {
    fixes: [
      {
        id: 'images',
        title: 'Serve images at the size they are shown',
        category: 'images',
        pages: ['https://shop.example/'],
        evidence: '',
        howTo: [],
        impact: { metric: 'lcp', savingMs: 800, conversionLiftPct: { low: 1, central: 2, high: 3 }, revenuePerMonth: { low: 400, central: 900, high: 1500, currency: 'USD' }, confidence: 'medium', basis: '' },
      },
    ],
    comparison: { previous: { startedAt: '2026-11-24T10:00:00.000Z' }, outcomes: [], newFixes: ['images'] },
  });
  const specs = [
    ...specsFromAssertions(assertionsSchema.parse({ 'largest-contentful-paint': ['error', { maxNumericValue: 2500, aggregationMethod: 'median' }], 'categories:performance': ['warn', { minScore: 0.9 }], 'checkout-completed': 'error' })),
    ...specsFromBudget({ maxBrokenLinks: 0 }),
  ];
  const results = evaluateAssertions(r, specs, ['load', 'links']);
  const gaps = gapsOf(r);

  it('markdown: a PR comment with the score, what could not be tested, failed assertions, top fixes and changes', async () => {
    setLocale('en');
    await expect(renderMarkdown(r, results, gaps, t('outcome.failed', { count: 3 }))).toMatchFileSnapshot('golden/report.md');
  });

  it('junit: one test case per assertion result', async () => {
    setLocale('en');
    await expect(renderJunit(results)).toMatchFileSnapshot('golden/junit.xml');
  });
});
