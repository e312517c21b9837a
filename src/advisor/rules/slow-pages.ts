// Slow pages the link crawl timed but the load-time audit did not measure: a TTFB fix without a lab LCP. The
// variants of one page (`?page=2`, `?sort_by=…`, a trailing slash) are one fix, priced once on the page's share of
// its template, and on the response curve from the template's field LCP when a page of it was measured.
import type { Report } from '../../report/schema.ts';
import { curvesFor, liftBetween, VARIANTS } from '../curve.ts';
import { CWV_THRESHOLDS, PLATEAU_FLOOR_MS } from '../defaults.ts';
import { monthlyRevenue } from '../inputs.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate, Range, ResolvedInputs } from '../types.ts';
import { canonicalPage, createVisitModel, templateOfPath } from '../visits.ts';
import { basisMsg } from '../../i18n/messages/basis.ts';
import { percent } from '../../report/message.ts';
import { fixMsg, fixWords, msP, nested, url } from '../fix-text.ts';
import { serverHowTo } from './load-server.ts';
import { pathOf } from './util.ts';

export function slowPageRules(report: Pick<Report, 'pages' | 'links' | 'loadTime'>, inputs: ResolvedInputs, minMs: number, measurements: Measurement[] = []): Candidate[] {
  if (!report.links) return [];
  const measured = new Set(report.loadTime?.pages.filter((p) => !p.error).map((p) => canonicalPage(p.url)) ?? []);
  const visitsOf = createVisitModel(report, inputs, report.links.slowPages.map((s) => s.url));
  const curves = curvesFor(inputs.elasticity.value);
  const byPage = new Map<string, { urls: string[]; ttfbMs: number[] }>();
  for (const slow of report.links.slowPages) {
    const c = canonicalPage(slow.url);
    const group = byPage.get(c) ?? { urls: [], ttfbMs: [] };
    group.urls.push(slow.url);
    group.ttfbMs.push(slow.ttfbMs);
    byPage.set(c, group);
  }
  const out: Candidate[] = [];
  for (const [pageUrl, group] of byPage) {
    // The median of the variants' TTFBs: one slow pagination page does not make the whole page slow.
    const sorted = [...group.ttfbMs].sort((a, b) => a - b);
    const ttfb = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const savingMs = ttfb - CWV_THRESHOLDS.TTFB.good;
    if (measured.has(pageUrl) || savingMs < minMs) continue;
    const share = Math.min(1, visitsOf(pageUrl).visits / (inputs.monthlySessions.value || 1));
    const template = templateOfPath(pageUrl);
    const sibling = measurements.find((m) => m.template === template && m.device === 'mobile' && m.fieldLcpMs);
    const lift: Range = { low: 0, central: 0, high: 0 };
    for (const v of VARIANTS) {
      // Without a measured sibling the page is taken as just slow enough for its TTFB excess to matter.
      const from = sibling?.fieldLcpMs?.[v] ?? PLATEAU_FLOOR_MS.mobile + savingMs;
      lift[v] = liftBetween(from, from - savingMs, 'mobile', curves[v]) * share * 100;
    }
    const base = monthlyRevenue(inputs);
    out.push({
      kind: 'direct', id: `server-response:${pathOf(pageUrl)}`, category: 'server-response', pages: group.urls,
      ...fixWords(
        fixMsg('server.titlePage', { path: url(pathOf(pageUrl)) }),
        fixMsg('server.evidenceCrawl', {
          path: url(pathOf(pageUrl)), variants: group.urls.length > 1 ? group.urls.length : 0, examples: url(group.urls.slice(0, 3).map(pathOf).join(', ')),
          ttfb: msP(ttfb), good: msP(CWV_THRESHOLDS.TTFB.good),
        }),
        serverHowTo(),
      ),
      impact: {
        metric: 'LCP', savingMs, confidence: 'low', conversionLiftPct: lift,
        revenuePerMonth: { low: (lift.low / 100) * base, central: (lift.central / 100) * base, high: (lift.high / 100) * base },
        basis: basisMsg('slowPage', {
          saving: msP(savingMs), share: percent(share * 100), elasticity: nested(inputs.elasticity.basisText),
          from: nested(sibling ? basisMsg('fromSibling', { template: nested({ id: `common.template.${template}` }) }) : basisMsg('fromPlateau')),
        }),
      },
    });
  }
  return out;
}
