import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { adviseFixes } from '../../src/advisor/index.ts';
import { renderHtmlReport } from '../../src/report/html.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import fixture from '../fixtures/demo-defective-report.json' with { type: 'json' };

const base = validateReport(fixture);
const advised: Report = { ...base, ...adviseFixes(base, { monthlySessions: 40_000, conversionRate: 0.02, averageOrderValue: 60, currency: 'USD' }) };

interface Element {
  name: string;
  attrs: Record<string, string>;
}

/** Parses the output with a real HTML parser, so the checks see what a browser would. */
function parse(doc: string): { elements: Element[]; text: string; styles: string } {
  const elements: Element[] = [];
  let text = '';
  let styles = '';
  let inStyle = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      elements.push({ name, attrs });
      inStyle = name === 'style';
    },
    ontext(t) {
      if (inStyle) styles += t;
      else text += t;
    },
    onclosetag() {
      inStyle = false;
    },
  }, { decodeEntities: true });
  parser.end(doc);
  return { elements, text, styles };
}

describe('HTML report', () => {
  const doc = renderHtmlReport(advised);
  const { elements, text, styles } = parse(doc);

  it('shows the fixes in ranked order, each with its monthly money figure', () => {
    const order = elements.filter((e) => e.attrs['data-fix-id']).map((e) => e.attrs['data-fix-id']);
    expect(order).toEqual(advised.fixes.map((f) => f.id));
    expect(order.length).toBeGreaterThan(10);
    const first = advised.fixes[0]!;
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(first.impact.revenuePerMonth.central);
    expect(text).toContain(`${money} / month`);
    expect(text.indexOf(first.title)).toBeLessThan(text.indexOf(advised.fixes[1]!.title));
    expect(text).toContain('image_url');
  });

  it('loads nothing from outside the file: no scripts, stylesheets, frames or remote images', () => {
    for (const e of elements) {
      // The one <link> allowed is the empty data: favicon, which stops the browser asking file:// for one.
      if (e.name === 'link') expect(e.attrs.href, 'link href').toMatch(/^data:/);
      else expect(['script', 'iframe', 'object', 'embed'], e.name).not.toContain(e.name);
      for (const attr of ['src', 'srcset', 'poster', 'data']) {
        if (e.attrs[attr] !== undefined) expect(e.attrs[attr]).toMatch(/^data:/);
      }
    }
    expect(styles).not.toMatch(/url\(|@import/);
    expect(elements.find((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy')?.attrs.content).toMatch(/default-src 'none'/);
  });

  it('has every section a merchant needs: score, load table, app costs, checkout, links, assumed inputs, method', () => {
    expect(text).toContain('Store speed score');
    expect(text).toContain('44');
    expect(text).toContain('What apps and scripts cost');
    expect(text).toContain('Chatly');
    expect(text).toContain('Checkout journey');
    expect(text).toContain("TypeError: Cannot read properties of undefined (reading 'rate')");
    expect(text).toContain('/products/discontinued-widget');
    expect(text).toContain('/collections/old-summer → /collections/summer-2025 → /collections/summer');
    expect(text).toMatch(/Average order value\s*\$60\s*command line/);
    expect(text).toMatch(/Conversion change per 100 ms LCP.*assumed/s);
    expect(text).toContain('Akamai');
    expect(text).toContain('Baymard');
  });

  it('escapes hostile values: a malicious URL or message stays text and never becomes a link or tag', () => {
    const evil = 'javascript:alert(1)//"><script>alert(2)</script><img src=x onerror=alert(3)>';
    const hostile: Report = {
      ...advised,
      links: { ...advised.links!, broken: [{ url: evil, status: 404, error: null, kind: 'page', foundOn: [evil] }] },
      errors: [{ audit: 'load', message: '<img src=https://evil.example/x.png>' }],
      // The hostile title both as the English field and as a message parameter (what the renderer shows).
      fixes: [{ ...advised.fixes[0]!, title: '</h3><script>alert(4)</script>', text: { ...advised.fixes[0]!.text!, title: { id: 'fixes.lighthouseTitle', params: { title: '</h3><script>alert(4)</script>' } } }, pages: [evil] }],
    };
    const out = renderHtmlReport(hostile);
    const parsed = parse(out);
    expect(parsed.elements.some((e) => e.name === 'script')).toBe(false);
    expect(parsed.elements.some((e) => Object.keys(e.attrs).some((a) => a.startsWith('on')))).toBe(false);
    expect(parsed.elements.filter((e) => e.name === 'a').every((e) => /^https?:/.test(e.attrs.href ?? ''))).toBe(true);
    expect(parsed.elements.filter((e) => e.name === 'img').every((e) => (e.attrs.src ?? '').startsWith('data:'))).toBe(true);
    expect(parsed.text).toContain(evil);
    expect(parsed.text).toContain('</h3><script>alert(4)</script>');
  });

  it('embeds a screenshot that exists as a data URI and shows the path of one that does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shots-'));
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await writeFile(join(dir, 'checkout-information.png'), png);
    const out = parse(renderHtmlReport(advised, { artifactsDir: dir }));
    const imgs = out.elements.filter((e) => e.name === 'img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.attrs.src).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(out.text).toContain('screenshot: checkout-shipping.png');
  });

  it('sets lang and dir from the locale and formats money with Intl in the shop currency', () => {
    const eur: Report = { ...advised, ...adviseFixes(base, { monthlySessions: 40_000, conversionRate: 0.02, averageOrderValue: 60, currency: 'EUR' }) };
    const he = renderHtmlReport(eur, { locale: 'he' });
    expect(he).toMatch(/<html lang="he" dir="rtl">/);
    const fa = renderHtmlReport(eur, { locale: 'fa' });
    expect(fa).toMatch(/dir="rtl"/);
    const de = parse(renderHtmlReport(eur, { locale: 'de-DE' }));
    const central = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(eur.fixes[0]!.impact.revenuePerMonth.central);
    expect(de.text).toContain(central);
    expect(renderHtmlReport(eur, { locale: 'not a locale!' })).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('shows the before/after table when the report carries a comparison', async () => {
    const { compareRuns } = await import('../../src/advisor/index.ts');
    const fixedBase = validateReport((await import('../fixtures/demo-fixed-report.json', { with: { type: 'json' } })).default);
    const after: Report = { ...fixedBase, ...adviseFixes(fixedBase) };
    after.comparison = compareRuns(advised, after);
    expect(() => validateReport(after)).not.toThrow();
    const out = parse(renderHtmlReport(after));
    const rows = out.elements.filter((e) => e.attrs['data-outcome']).map((e) => e.attrs['data-outcome']);
    expect(rows).toEqual(advised.fixes.map((f) => f.id));
    expect(out.text).toMatch(/Since the last audit/);
    expect(out.text).toMatch(/resolved/);
    // Durations are Intl units in the reader's locale ("sec" in English).
    expect(out.text).toContain('LCP 7.8 sec → 2.2 sec');
  });

  it('renders a report where no audit ran', () => {
    const empty = parse(renderHtmlReport({ ...base, loadTime: null, checkout: null, links: null, fixes: [] }));
    expect(empty.text).toContain('The load-time audit did not run.');
    expect(empty.text).toContain('No fixes found');
  });
});
