// Every other Lighthouse opportunity with an LCP saving: priced the same way, with generic Shopify advice.
import type { Fix, Message } from '../../report/schema.ts';
import { bytesP, code, fixMsg, fixWords, msP, opportunityTitle, wherePage } from '../fix-text.ts';
import { phaseOf } from '../lcp-phases.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';

/** Audits the dedicated rules already turn into fixes. */
const HANDLED = new Set([
  'image-delivery-insight', 'lcp-discovery-insight', 'render-blocking-insight', 'render-blocking-resources',
  'document-latency-insight', 'server-response-time', 'cls-culprits-insight', 'layout-shifts', 'unsized-images',
  'third-parties-insight', 'redirects', 'lcp-breakdown-insight',
]);

const CATEGORY: Record<string, Fix['category']> = {
  'font-display-insight': 'fonts', 'cache-insight': 'caching', 'modern-http-insight': 'caching',
  'unused-css-rules': 'render-blocking', 'unminified-css': 'render-blocking',
};

const HOWTO: Partial<Record<Fix['category'], () => Message[]>> = {
  fonts: () => [fixMsg('other.howToFonts', { display: code("font_display: 'swap'"), example: code("{{ font | font_face: font_display: 'swap' }}") })],
  caching: () => [fixMsg('other.howToCaching')],
  'render-blocking': () => [fixMsg('other.howToCss')],
  javascript: () => [fixMsg('other.howToJs')],
  other: () => [fixMsg('other.howToOther')],
};

export function otherRules(m: Measurement, minLcpMs: number): Candidate[] {
  const out: Candidate[] = [];
  for (const o of m.page.opportunities) {
    const saving = o.metricSavings.LCP ?? 0;
    if (HANDLED.has(o.id) || saving < minLcpMs) continue;
    const category = CATEGORY[o.id] ?? (/javascript|bootup/.test(o.id) ? 'javascript' : 'other');
    out.push({
      kind: 'lcp', id: o.id, category, pages: [m.url],
      ...fixWords(
        opportunityTitle(o.id, o.title),
        fixMsg('other.evidence', { where: wherePage(m.page), saving: msP(saving), hasBytes: o.wastedBytes ? 1 : 0, bytes: bytesP(o.wastedBytes ?? 0) }),
        (HOWTO[category] ?? HOWTO.other!)(),
      ),
      claims: [{ key: m.key, phase: phaseOf(o.id), labMs: saving }],
    });
  }
  return out;
}
