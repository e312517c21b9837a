// Slow server response (TTFB): on Shopify this is Liquid render time, so the fix is in the template's code.
import { CWV_THRESHOLDS } from '../defaults.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import type { Message } from '../../report/schema.ts';
import { code, fixMsg, fixWords, msP, nested, wherePage } from '../fix-text.ts';
import { findOpportunity } from './util.ts';

const LIGHTHOUSE_SLOW_TTFB_MS = 600;

export function serverHowTo(): Message[] {
  return [fixMsg('server.howToProfile'), fixMsg('server.howToLoops', { render: code('{% render %}') }), fixMsg('server.howToApps')];
}

export function serverRules(m: Measurement, minLcpMs: number): Candidate[] {
  const o = findOpportunity(m.page, 'document-latency-insight', 'server-response-time');
  const saving = o?.metricSavings.LCP ?? o?.metricSavings.FCP ?? 0;
  const ttfb = m.page.metrics.ttfbMs ?? m.page.lcpPhases?.ttfbMs ?? null;
  // Lighthouse flags server response above 600 ms; below that a measured TTFB is not worth a fix, whatever
  // saving the simulation reports (on a busy machine it reports some for any page).
  if (ttfb !== null && ttfb <= LIGHTHOUSE_SLOW_TTFB_MS) return [];
  const slow = ttfb !== null && ttfb > CWV_THRESHOLDS.TTFB.good;
  const labMs = saving >= minLcpMs ? saving : slow && ttfb !== null ? ttfb - CWV_THRESHOLDS.TTFB.good : 0;
  if (labMs < minLcpMs) return [];
  return [{
    kind: 'lcp', id: 'server-response', category: 'server-response', pages: [m.url],
    ...fixWords(
      fixMsg('server.title'),
      fixMsg('server.evidence', { where: wherePage(m.page), ttfb: ttfb === null ? nested(fixMsg('slow')) : msP(ttfb), good: msP(CWV_THRESHOLDS.TTFB.good), saving: msP(labMs) }),
      serverHowTo(),
    ),
    claims: [{ key: m.key, phase: 'ttfb', labMs }],
  }];
}
