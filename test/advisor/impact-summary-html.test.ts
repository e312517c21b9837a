// The HTML report shows the joint total first, with the share of revenue and every input with its source.
import { describe, expect, it } from 'vitest';
import { adviseReport } from '../../src/advisor/index.ts';
import { hasMessage } from '../../src/i18n/format-message.ts';
import { ADVISOR_STRINGS } from '../../src/i18n/messages/advisor.ts';
import { renderHtmlReport } from '../../src/report/html.ts';
import { validateReport } from '../../src/report/schema.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };

const ISSUE_INPUTS = { monthlySessions: 40_000, conversionRate: 0.018, averageOrderValue: 65, currency: 'USD' };

describe('impact summary in the HTML report', () => {
  const report = adviseReport(validateReport(fixture), ISSUE_INPUTS);

  it('is bounded on the demo store with the issue\'s inputs: no fix above 20 %, the total under 35 %', () => {
    const revenue = 40_000 * 0.018 * 65;
    expect(report.impactSummary.monthlyRevenue).toEqual({ central: revenue, currency: 'USD' });
    for (const f of report.fixes) expect(f.impact.revenuePerMonth.central, f.id).toBeLessThanOrEqual(revenue * 0.2);
    expect(report.impactSummary.shareOfRevenue.central).toBeLessThan(0.35);
    expect(report.impactSummary.totalAtStake.central).toBeGreaterThanOrEqual(Math.max(...report.fixes.map((f) => f.impact.revenuePerMonth.central)));
    expect(() => validateReport(report)).not.toThrow();
  });

  it('comes first, says how much is at stake and what share of revenue, and lists every input with its source', () => {
    const out = renderHtmlReport(report);
    const at = out.indexOf('id="impact-summary"');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(out.indexOf('id="fixes"') === -1 ? Infinity : out.indexOf('id="fixes"'));
    expect(out).toMatch(/About .*\$[\d,]+.* a month at stake/);
    expect(out).toMatch(/of revenue/);
    for (const name of ['monthlySessions', 'conversionRate', 'averageOrderValue', 'templateShares', 'deviceShares', 'elasticity', 'fieldLcp.home:mobile']) {
      expect(out).toContain(`data-input="${name}"`);
    }
    expect(out).toContain('data-note="advisor.summaryLabOnly"');
    expect(out).toMatch(/assumed default/);
  });

  it('renders in every language, right to left in Hebrew and Persian, with every id defined', () => {
    for (const key of Object.keys(ADVISOR_STRINGS)) expect(hasMessage(`advisor.${key}`), key).toBe(true);
    const he = renderHtmlReport(report, { locale: 'he' });
    expect(he).toContain('dir="rtl"');
    expect(he).toContain('על הכף');
    expect(renderHtmlReport(report, { locale: 'fa' })).toContain('در میان است');
    expect(renderHtmlReport(report, { locale: 'zh-CN' })).toContain('受影响');
  });
});
