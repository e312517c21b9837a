// bench:stability's checks (test/bench/stability-checks.ts) pass on steady reports and fail on each defect the
// issue names: a top-5 fix that moves out, a central figure off its median by more than 25 %, scores more than
// 5 points apart, a fix over 20 % of revenue, a total at 35 % or more, and a paginated page priced twice.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { stabilityChecks } from '../bench/stability-checks.ts';

const REVENUE = 46_800;
type Fixes = [string, number][];

function report(fixes: Fixes, score = 64, total = 2_000): Report {
  return {
    loadTime: { storeScore: score },
    fixes: fixes.map(([id, central]) => ({ id, impact: { revenuePerMonth: { low: central / 2, central, high: central * 2, currency: 'USD' } } })),
    impactSummary: {
      monthlyRevenue: { central: REVENUE, currency: 'USD' },
      totalAtStake: { low: total / 2, central: total, high: total * 2, currency: 'USD' },
      shareOfRevenue: { low: total / 2 / REVENUE, central: total / REVENUE, high: (total * 2) / REVENUE },
      inputs: [],
    },
  } as unknown as Report;
}

const STEADY: Fixes = [['image-delivery', 1309], ['checkout-js-error:shipping', 398], ['app-main-thread:chatly', 130], ['checkout-failed-request:information', 80], ['layout-shift', 61], ['broken:/a.jpg', 21]];
const failed = (reports: Report[]) => stabilityChecks(reports).checks.filter((c) => !c.ok).map((c) => c.name);
const withFix = (id: string, central: number): Fixes => STEADY.map(([i, c]) => [i, i === id ? central : c]);

describe('bench:stability checks', () => {
  it('pass on three steady audits', () => {
    expect(failed([report(STEADY), report(withFix('app-main-thread:chatly', 115)), report(STEADY, 65)])).toEqual([]);
  });

  it('fail when a fix moves in and out of the top five (the Reviews Pro flicker: 70 / 47 / 16)', () => {
    const flicker = (c: number): Fixes => [...STEADY.slice(0, 4), ['app-main-thread:reviews-pro', c] as [string, number], ...STEADY.slice(4)].sort((a, b) => b[1] - a[1]);
    expect(failed([report(flicker(70)), report(flicker(47)), report(flicker(16))])).toEqual([
      'same top-5 fixes in every audit',
      "each top fix's central money within 25 % of its median",
    ]);
  });

  it('fail on a top fix off its median by more than 25 %, and on scores more than 5 points apart', () => {
    expect(failed([report(STEADY), report(withFix('image-delivery', 1000)), report(withFix('image-delivery', 1700))])).toEqual(["each top fix's central money within 25 % of its median"]);
    expect(failed([report(STEADY, 58), report(STEADY, 62), report(STEADY, 64)])).toEqual(['store scores within 5 points']);
  });

  it('fail on a fix above 20 % of revenue, a total at 35 % or more, and a page priced twice through ?page=2', () => {
    const big = withFix('image-delivery', REVENUE * 0.21);
    expect(failed([report(big, 64, REVENUE * 0.3), report(big, 64, REVENUE * 0.3)])).toEqual(['no fix above 20 % of monthly revenue']);
    expect(failed([report(STEADY, 64, REVENUE * 0.35), report(STEADY, 64, REVENUE * 0.35)])).toEqual(['total at stake under 35 % of monthly revenue']);
    const paged: Fixes = [...STEADY, ['server-response:/collections/sale', 10], ['server-response:/collections/sale?page=2', 9]];
    expect(failed([report(paged), report(paged)])).toEqual(['pagination and query variants are one fix']);
  });
});
