// Slow server response (TTFB): on Shopify this is Liquid render time, so the fix is in the template's code.
import { CWV_THRESHOLDS } from '../defaults.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { findOpportunity, ms, where } from './util.ts';

const LIGHTHOUSE_SLOW_TTFB_MS = 600;

export const SERVER_HOWTO = [
  'Profile the template with Shopify Theme Inspector for Chrome to find the slow Liquid (render time per snippet/section).',
  'Avoid loops over all products or nested loops over collection.products, deep {% render %} chains inside loops, and large paginate sizes (keep paginate by ≤ 24).',
  'Remove apps that filter or sort collections server-side through the storefront, or move that work to the Search & Discovery app.',
];

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
    title: 'Make slow pages answer faster (server response time)',
    evidence: `${where(m.page)}: server response ${ttfb === null ? 'slow' : ms(ttfb)} (good ≤ ${ms(CWV_THRESHOLDS.TTFB.good)}); ~${ms(labMs)} LCP saving`,
    howTo: SERVER_HOWTO,
    claims: [{ key: m.key, phase: 'ttfb', labMs }],
  }];
}
