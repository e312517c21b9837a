// The HTML report's app section, parsed as a browser would (htmlparser2): owner kinds in the reader's language,
// the measured "without this app" deltas with their spread, the Shopify-weighted points against the App Store's
// 10-point limit, and an honest note when only the estimate exists. The report data here is the demo report's,
// with the measured fields as without-apps.ts writes them (the real runs are rendered in without-apps.test.ts).
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { APPS_STRINGS } from '../../audits/load-time/app-messages.ts';
import { impactOf, withoutAppText } from '../../audits/load-time/without-apps.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { renderHtmlReport } from '../../src/report/html.ts';
import { validateReport, type AppCost, type LoadTimePage, type Report, type WithoutApp } from '../../src/report/schema.ts';
import { all, one, textOf } from '../demo-store/dom.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };

const base = validateReport(fixture);

function withoutOf(name: string, points: [number, number, number], tbt: [number, number, number], unreliable = false): WithoutApp {
  const w: WithoutApp = {
    runs: 3,
    blockedUrlPatterns: ['*/extensions/x/*'],
    scoreDelta: { median: points[0], min: points[1], max: points[2] },
    lcpMsDelta: { median: 466, min: 300, max: 1200 },
    fcpMsDelta: null,
    tbtMsDelta: { median: tbt[0], min: tbt[1], max: tbt[2] },
    unreliable: unreliable ? { id: 'apps.unreliableMarkup', params: { app: name, count: { kind: 'count', value: 3 } } } : null,
    elapsedMs: 30_000,
  };
  return { ...w, text: withoutAppText(name, w) };
}

/** The demo report with Chatly and Reviews Pro measured on the mobile home/product/collection pages. */
function measuredReport(): Report {
  const pages: LoadTimePage[] = base.loadTime!.pages.map((p) => ({
    ...p,
    apps: [
      ...p.apps.map((a): AppCost => {
        if (p.device !== 'mobile') return a;
        if (a.name === 'Chatly') return { ...a, without: withoutOf('Chatly', [12, 9, 15], [1210, 1100, 1400]) };
        if (a.name === 'Reviews Pro') return { ...a, without: withoutOf('Reviews Pro', [4, 2, 6], [-20, -60, 10], p.template === 'product') };
        return a;
      }),
      { name: 'Store content', kind: 'content', nameSource: 'rule', urls: [`${p.url}`], transferBytes: 40_000, mainThreadMs: 0, blockingMs: 0 },
      { name: 'Unattributed', kind: 'unattributed', nameSource: 'rule', urls: [], transferBytes: 0, mainThreadMs: 60, blockingMs: 10 },
      { name: 'Unnamed app (b27e4f90)', kind: 'app', nameSource: 'rule', extensionId: 'b27e4f90-1c5d-4a6b-8e3f-9a0b1c2d3e45', urls: [], transferBytes: 1000, mainThreadMs: 0, blockingMs: 0 },
    ],
  }));
  const mobile = pages.filter((p) => p.device === 'mobile');
  return {
    ...base,
    loadTime: {
      ...base.loadTime!,
      pages,
      appImpacts: [impactOf('Chatly', mobile), impactOf('Reviews Pro', mobile)],
      withoutAppsCost: { apps: 2, extraRuns: 18, elapsedMs: 240_000, text: { id: 'apps.withoutAppsCost', params: { apps: { kind: 'count', value: 2 }, runs: { kind: 'count', value: 18 }, time: { kind: 'ms', value: 240_000 } } } },
    },
  };
}

const report = measuredReport();
const doc = (locale: string, r: Report = report) => parseDocument(renderHtmlReport(r, { locale }));

describe('HTML report: app costs', () => {
  it('shows every owner kind, with the rule-named owners and unnamed apps in the reader’s language', () => {
    const en = doc('en');
    const table = one(en, 'table', { 'data-section': 'app-costs' });
    const kinds = all(table, 'tr').map((tr) => tr.attribs['data-owner-kind']).filter(Boolean);
    expect(new Set(kinds)).toEqual(new Set(['theme', 'app', 'content', 'unattributed']));
    // Names inside messages are isolated (U+2068…U+2069) so they read right in RTL text.
    const nameOf = (kind: string) => all(table, 'tr', { 'data-owner-kind': kind }).map((tr) => textOf(all(tr, 'td')[0]!).replace(/[\u2068\u2069]/g, ''));
    expect(nameOf('content')).toEqual(['store pages and media']);
    expect(nameOf('unattributed')).toEqual(['not attributed']);
    expect(nameOf('app')).toContain('Unnamed app (b27e4f90)');
    const he = one(doc('he'), 'table', { 'data-section': 'app-costs' });
    const heNames = all(he, 'tr').map((tr) => all(tr, 'td')[0]).filter(Boolean).map((td) => textOf(td!).replace(/[\u2068\u2069]/g, ''));
    expect(heNames).toEqual(expect.arrayContaining(['דפי החנות ומדיה', 'לא משויך', 'אפליקציה ללא שם (b27e4f90)', 'Chatly']));
    for (const english of ['Store content', 'Unattributed', 'Unnamed app', 'store pages and media']) expect(heNames.join(' ')).not.toContain(english);
  });

  it('shows each measured page with its score, LCP and TBT deltas and their spread', () => {
    const en = doc('en');
    const rows = all(one(en, 'table', { 'data-section': 'without-apps' }), 'tr', { 'data-without': 'Chatly' });
    expect(rows.map((r) => r.attribs['data-template']).sort()).toEqual(['collection', 'collection', 'home', 'product']); // the demo report has two collection pages
    const cells = all(rows[0]!, 'td').map(textOf);
    expect(cells[0]).toBe('Chatly');
    expect(cells[2]).toBe('+12 (+9 to +15)');
    expect(cells[3]).toBe('466 ms (300 ms to 1.2 sec)');
    expect(cells[4]).toBe(formatMessage({ id: 'apps.notTested' }, 'en'));
    expect(cells[5]).toBe('1.2 sec (1.1 sec to 1.4 sec)');
    expect(cells[6]).toBe('3');
    const reviews = all(one(en, 'table', { 'data-section': 'without-apps' }), 'tr', { 'data-without': 'Reviews Pro' });
    expect(all(reviews[0]!, 'td').map(textOf)[5]).toBe('-20 ms (-60 ms to 10 ms)');
  });

  it('weighs each app like Shopify, flags the one over the 10-point limit, and marks an understated measurement', () => {
    const en = doc('en');
    const table = one(en, 'table', { 'data-section': 'app-costs' });
    const chatly = one(table, 'td', { 'data-app-impact': 'Chatly' });
    expect(textOf(chatly)).toBe('+12 points over Shopify’s 10-point limit');
    expect(chatly.attribs.class).toContain('poor');
    const reviews = one(table, 'td', { 'data-app-impact': 'Reviews Pro' });
    expect(textOf(reviews)).toBe('+4 points understated');
    const finding = textOf(one(en, 'li', { 'data-app-finding': 'Chatly' }));
    expect(finding).toMatch(/^\u2068Chatly\u2069 costs this store 12 Lighthouse points .* more than the 10 points Shopify’s App Store allows/);
    expect(textOf(one(en, 'li', { 'data-app-finding': 'Reviews Pro' }))).toMatch(/within the 10-point limit.*renders 3 elements into the page’s HTML/);
    expect(textOf(one(en, 'p', { 'data-apps-note': 'cost' }))).toBe('Measuring 2 apps by their absence took 18 extra page runs (240 sec).');
  });

  for (const locale of ['zh-CN', 'he', 'fa']) {
    it(`renders the measured section in ${locale}: no English of the app strings, no placeholders`, () => {
      const html = renderHtmlReport(report, { locale });
      const d = parseDocument(html);
      const section = one(d, 'section', { id: 'load' });
      const text = textOf(section);
      expect(text).toContain(formatMessage({ id: 'apps.reportMeasuredTitle' }, locale));
      for (const key of ['reportMeasuredTitle', 'reportMeasuredIntro', 'overLimit', 'understated', 'reportColumnScore', 'reportColumnTbt'] as const) {
        expect(text).not.toContain(APPS_STRINGS[key]);
      }
      expect(text).not.toMatch(/Without |points|costs this store|\bto\b/);
      expect(html.match(/\{\w+\}/g)).toBeNull();
    });
  }

  it('says the figures are estimates when the "without" runs were not made', () => {
    const en = doc('en', base);
    expect(all(en, 'table', { 'data-section': 'without-apps' })).toHaveLength(0);
    expect(all(one(en, 'table', { 'data-section': 'app-costs' }), 'td', { 'data-app-impact': (v) => v !== undefined })).toHaveLength(0);
    expect(textOf(one(en, 'p', { 'data-apps-note': 'estimate' }))).toBe(APPS_STRINGS.reportEstimateNote);
  });
});
