// Every fix's title, evidence and how-to come from the 'fixes' catalogue: the report keeps the English beside
// the messages, and a reader in zh-CN, Hebrew or Persian sees none of the English sentences.
import { describe, expect, it } from 'vitest';
import { adviseReport } from '../../src/advisor/index.ts';
import { formatMessage, hasMessage } from '../../src/i18n/format-message.ts';
import { renderHtmlReport } from '../../src/report/html.ts';
import { validateReport, type Message } from '../../src/report/schema.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };

const report = adviseReport(validateReport(fixture), { monthlySessions: 40_000, conversionRate: 0.018, averageOrderValue: 65, currency: 'USD' });

function ids(m: Message): string[] {
  const nested = Object.values(m.params ?? {}).flatMap((p) => (typeof p === 'object' && p !== null && 'kind' in p && p.kind === 'message' ? ids(p.value as Message) : []));
  return [m.id, ...nested];
}

const messages = (f: (typeof report.fixes)[number]) => [f.text!.title, f.text!.evidence, ...f.text!.howTo];

describe('fix texts', () => {
  it('every fix carries its texts as messages whose ids are all defined, and the English fields are their English', () => {
    expect(report.fixes.length).toBeGreaterThan(10);
    for (const f of report.fixes) {
      expect(f.text, f.id).toBeDefined();
      for (const m of messages(f)) for (const id of ids(m)) expect(hasMessage(id), `${f.id}: ${id}`).toBe(true);
      expect(formatMessage(f.text!.title, 'en', { isolate: false })).toBe(f.title);
      expect(f.text!.howTo.map((m) => formatMessage(m, 'en', { isolate: false }))).toEqual(f.howTo);
      expect(formatMessage(f.text!.evidence, 'en', { isolate: false })).toBe(f.evidence);
    }
  });

  it('no English title, how-to step or evidence sentence reaches a zh-CN, Hebrew or Persian reader', () => {
    for (const locale of ['zh-CN', 'he', 'fa']) {
      const html = renderHtmlReport(report, { locale });
      for (const f of report.fixes) {
        // Lighthouse titles the catalogue has no words for stay Lighthouse's own, as data.
        if (f.text!.title.id !== 'fixes.lighthouseTitle') expect(html, `${locale} ${f.id} title`).not.toContain(f.title);
        for (const step of f.howTo) expect(html, `${locale} ${f.id} how-to`).not.toContain(step.slice(0, 40));
        for (const m of messages(f)) expect(formatMessage(m, locale), `${locale} ${f.id} ${m.id}`).not.toBe(formatMessage(m, 'en'));
      }
    }
  });

  it('keeps code and URLs as written inside translated sentences', () => {
    const image = report.fixes.find((f) => f.id === 'image-delivery')!;
    const zh = formatMessage(image.text!.howTo[0]!, 'zh-CN');
    expect(zh).toContain('{{ section.settings.image | image_url: width: 1500 }}');
    expect(zh).toContain('hero-banner.png');
    expect(zh.replace(/[\u2068\u2069]/g, "")).toMatch(/图片 CDN/);
  });
});
