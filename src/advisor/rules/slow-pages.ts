// Slow pages the link crawl timed but the load-time audit did not measure: a TTFB fix without a lab LCP, so
// no plateau cap applies and the saving is the excess over the "good" TTFB threshold.
import type { Report } from '../../report/schema.ts';
import { CWV_THRESHOLDS } from '../defaults.ts';
import { monthlyRevenue } from '../inputs.ts';
import { scale } from '../range.ts';
import type { Candidate, ResolvedInputs } from '../types.ts';
import { createVisitModel } from '../visits.ts';
import { SERVER_HOWTO } from './load-server.ts';
import { ms, pathOf } from './util.ts';

export function slowPageRules(report: Pick<Report, 'pages' | 'links' | 'loadTime'>, inputs: ResolvedInputs, minMs: number): Candidate[] {
  if (!report.links) return [];
  const measured = new Set(report.loadTime?.pages.filter((p) => !p.error).map((p) => p.url) ?? []);
  const visitsOf = createVisitModel(report, inputs);
  const out: Candidate[] = [];
  for (const slow of report.links.slowPages) {
    const savingMs = slow.ttfbMs - CWV_THRESHOLDS.TTFB.good;
    if (measured.has(slow.url) || savingMs < minMs) continue;
    const share = visitsOf(slow.url).visits / (inputs.monthlySessions.value || 1);
    const lift = scale(inputs.elasticity.value, (savingMs / 100) * share);
    out.push({
      kind: 'direct', id: `server-response:${pathOf(slow.url)}`, category: 'server-response', pages: [slow.url],
      title: `Make ${pathOf(slow.url)} answer faster (server response time)`,
      evidence: `${slow.url}: server response ${ms(slow.ttfbMs)} during the link crawl (good ≤ ${ms(CWV_THRESHOLDS.TTFB.good)})`,
      howTo: SERVER_HOWTO,
      impact: {
        metric: 'LCP', savingMs, confidence: 'low', conversionLiftPct: lift,
        revenuePerMonth: scale(lift, monthlyRevenue(inputs) / 100),
        basis: `TTFB excess ${ms(savingMs)} from the crawl, no lab LCP so no plateau cap, ${(share * 100).toFixed(1)}% of sessions by page weight, ${inputs.elasticity.basis}.`,
      },
    });
  }
  return out;
}
