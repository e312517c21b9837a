import { describe, expect, it } from 'vitest';
import { adviseFixes } from '../../src/advisor/index.ts';
import { en } from '../../src/i18n/en.ts';
import { FA } from '../../src/i18n/fa.ts';
import { HE } from '../../src/i18n/he.ts';
import { ZH_CN } from '../../src/i18n/zh-cn.ts';
import { renderHtmlReport } from '../../src/report/html.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };

const base = validateReport(fixture);
const advised: Report = { ...base, ...adviseFixes(base, { monthlySessions: 40_000, conversionRate: 0.02, averageOrderValue: 60, currency: 'USD' }) };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const cases = [
  { locale: 'zh-CN', lang: 'zh-CN', dir: 'ltr', catalogue: ZH_CN, headings: ['优先修复', '各页面加载时间', '结账流程', '失效链接和重定向'] },
  { locale: 'he', lang: 'he', dir: 'rtl', catalogue: HE, headings: ['מה לתקן קודם', 'זמן טעינה לכל דף', 'תהליך התשלום', 'קישורים שבורים והפניות'] },
  { locale: 'fa', lang: 'fa', dir: 'rtl', catalogue: FA, headings: ['اول چه چیزی را درست کنیم', 'زمان بارگذاری هر صفحه', 'مسیر تسویه حساب', 'لینک‌های خراب و ریدایرکت‌ها'] },
] as const;

describe('HTML report in zh-CN, he and fa', () => {
  for (const c of cases) {
    it(`renders ${c.locale} with lang/dir, translated headings and no leftover placeholders`, () => {
      const html = renderHtmlReport(advised, { locale: c.locale });
      expect(html).toContain(`<html lang="${c.lang}" dir="${c.dir}">`);
      for (const heading of c.headings) expect(html).toContain(heading);
      for (const english of [en['fixes.title'], en['load.title'], en['checkout.title'], en['links.title'], en['method.title']]) {
        expect(html).not.toContain(english);
      }
      expect(html.match(/\{\w+\}/g)).toBeNull();
    });

    it(`${c.locale} keeps every placeholder of the English string`, () => {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(c.catalogue[key]), key).toEqual(placeholders(en[key]));
      }
    });
  }

  it('resolves zh and zh-Hans-CN to Simplified Chinese', () => {
    expect(renderHtmlReport(advised, { locale: 'zh' })).toContain('优先修复');
    expect(renderHtmlReport(advised, { locale: 'zh-Hans-CN' })).toContain('优先修复');
  });
});
