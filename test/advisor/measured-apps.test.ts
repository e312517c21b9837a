// App fixes priced on the measured "without this app" runs (issue #20's `apps[].without`) when a report has
// them, rather than on Lighthouse's attribution alone; without them the estimate stays as it was.
import { describe, expect, it } from 'vitest';
import { adviseReport } from '../../src/advisor/index.ts';
import { validateReport, type Report, type WithoutApp } from '../../src/report/schema.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };

const INPUTS = { monthlySessions: 40_000, conversionRate: 0.018, averageOrderValue: 65, currency: 'USD' };
const delta = (median: number) => ({ median, min: median * 0.8, max: median * 1.2 });

/** The demo fixture with the given app measured on every page. */
function withMeasured(app: string, without: Partial<WithoutApp>): Report {
  const report = structuredClone(validateReport(fixture));
  for (const page of report.loadTime!.pages) {
    const cost = page.apps.find((a) => a.name === app)!;
    cost.without = { runs: 3, blockedUrlPatterns: cost.urls, scoreDelta: null, lcpMsDelta: null, fcpMsDelta: null, tbtMsDelta: null, unreliable: null, elapsedMs: 1000, ...without };
  }
  return report;
}

const fix = (report: Report, id: string) => adviseReport(report, INPUTS).fixes.find((f) => f.id === id);

describe('app fixes use the measured without-app deltas', () => {
  const estimated = fix(validateReport(fixture), 'app-render-blocking:reviews-pro')!;

  it('a render-blocking app measured 900 ms slower than without it is priced on the 900 ms, not the 50 ms split', () => {
    const measured = fix(withMeasured('Reviews Pro', { lcpMsDelta: delta(900) }), 'app-render-blocking:reviews-pro')!;
    expect(estimated.impact.savingMs).toBeLessThan(100);
    expect(measured.impact.savingMs).toBeGreaterThan(estimated.impact.savingMs! * 2);
    expect(measured.impact.revenuePerMonth.central).toBeGreaterThan(estimated.impact.revenuePerMonth.central);
    expect(measured.evidence).toMatch(/without Reviews Pro the page’s lab LCP was 900 ms faster \(median of 3 paired runs/);
  });

  it('measured as costing nothing, the blocking script stays a fix (it is the defect) at the small flat price', () => {
    const measured = fix(withMeasured('Reviews Pro', { lcpMsDelta: delta(0) }), 'app-render-blocking:reviews-pro')!;
    expect(measured).toBeDefined();
    expect(measured.impact.metric).not.toBe('LCP');
    expect(measured.impact.revenuePerMonth.high).toBeLessThan(estimated.impact.revenuePerMonth.high);
    expect(measured.impact.basis).toMatch(/not measurably faster/);
  });

  it('an unreliable (understated) delta never lowers the estimate', () => {
    const measured = fix(withMeasured('Reviews Pro', { lcpMsDelta: delta(0), unreliable: { id: 'apps.unreliableServerRendered' } }), 'app-render-blocking:reviews-pro')!;
    expect(measured.impact.savingMs).toBe(estimated.impact.savingMs);
  });

  it('an app keeping the main thread busy is priced on its measured TBT saving', () => {
    const before = fix(validateReport(fixture), 'app-main-thread:chatly')!;
    const measured = fix(withMeasured('Chatly', { tbtMsDelta: delta(40) }), 'app-main-thread:chatly')!;
    expect(before.impact.savingMs).toBe(300);
    expect(measured.impact.savingMs).toBeLessThan(before.impact.savingMs!);
    expect(measured.evidence).toMatch(/without Chatly TBT was 40 ms lower \(median of 3 paired runs\)/);
  });
});
