// The weekly digest says what the admin's overview says: the top fixes are the open ones (a fix the merchant
// marked done or ignored is not proposed again), and the total, which is the audit's, says how many of its
// fixes are decided. In every shipped language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adviseReport } from '../../src/advisor/index.ts';
import { DEMO_INPUTS } from '../../src/cli/demo-audit.ts';
import { digestMessages, renderDigest, type DigestInput } from '../../src/jobs/digest.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { validateReport } from '../../src/report/schema.ts';

const recorded = validateReport(JSON.parse(readFileSync(new URL('../fixtures/demo-defective-report.json', import.meta.url), 'utf8')));
const report = validateReport(adviseReport({ ...structuredClone(recorded), fixes: [] }, { ...DEMO_INPUTS }));
const input = (decided: string[]): DigestInput => ({
  shop: 'Boutique', storeUrl: 'http://127.0.0.1:4000/', from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'),
  runs: [], latest: report, baseline: null, openAlerts: 0, comparison: null, decided: new Set(decided),
});
const titleOf = (fix: (typeof report.fixes)[number]) => (fix.text ? formatMessage(fix.text.title, 'en') : fix.title);

describe('weekly digest and decided fixes', () => {
  const priced = report.fixes.filter((f) => f.impact.revenuePerMonth.central > 0);

  it('leaves decided fixes out of the top fixes and says how many of the total they are', () => {
    expect(priced.length).toBeGreaterThan(4);
    const [done, ignored] = [priced[0]!, priced[1]!];
    const open = renderDigest(digestMessages(input([])), 'en', 'UTC').text;
    expect(open).toContain(titleOf(done));
    expect(open).not.toMatch(/marked done or ignored/);
    const text = renderDigest(digestMessages(input([done.id, ignored.id])), 'en', 'UTC').text;
    expect(text).not.toContain(titleOf(done));
    expect(text).not.toContain(titleOf(ignored));
    for (const fix of priced.slice(2, 5)) expect(text).toContain(titleOf(fix));
    expect(text).toContain(`Of the audit’s ${report.fixes.length} fixes, 2 are marked done or ignored; the total counts them until an audit no longer finds them.`);
    expect(renderDigest(digestMessages(input([done.id])), 'en', 'UTC').text).toContain(', 1 is marked done or ignored; the total counts it until');
  });

  it('says it in zh-CN, he and fa, with the numbers in the locale', () => {
    const content = digestMessages(input([priced[0]!.id, priced[1]!.id]));
    const text = (locale: string) => renderDigest(content, locale, 'UTC').text;
    expect(text('zh-CN')).toContain('2 项已标记为已完成或忽略');
    expect(text('he')).toContain('2 סומנו כ״בוצע״ או כ״התעלמות״');
    expect(text('fa')).toContain('۲ مورد انجام‌شده یا نادیده‌گرفته علامت خورده است');
  });
});
