// Every other Lighthouse opportunity with an LCP saving: priced the same way, with generic Shopify advice.
import type { Fix } from '../../report/schema.ts';
import { phaseOf } from '../lcp-phases.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { bytes, ms, where } from './util.ts';

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

const HOWTO: Partial<Record<Fix['category'], string[]>> = {
  fonts: ["Load theme fonts with font_face and font_display: 'swap' ({{ font | font_face: font_display: 'swap' }}) and preload the one used above the fold with font_url."],
  caching: ['Serve theme assets through asset_url / image_url so Shopify\'s CDN caches them; avoid third-party hosts without long cache lifetimes.'],
  'render-blocking': ['Remove unused CSS from theme stylesheets (old sections, uninstalled apps) and minify what remains.'],
  javascript: ['Remove unused or duplicated JavaScript from the theme and app embeds; ship modern JS without legacy polyfills; load non-critical scripts with defer.'],
  other: ['Follow Lighthouse\'s advice for this item in the theme code.'],
};

export function otherRules(m: Measurement, minLcpMs: number): Candidate[] {
  const out: Candidate[] = [];
  for (const o of m.page.opportunities) {
    const saving = o.metricSavings.LCP ?? 0;
    if (HANDLED.has(o.id) || saving < minLcpMs) continue;
    const category = CATEGORY[o.id] ?? (/javascript|bootup/.test(o.id) ? 'javascript' : 'other');
    out.push({
      kind: 'lcp', id: o.id, category, pages: [m.url], title: o.title,
      evidence: `${where(m.page)}: ~${ms(saving)} LCP saving${o.wastedBytes ? `, ${bytes(o.wastedBytes)} wasted` : ''}`,
      howTo: HOWTO[category] ?? HOWTO.other ?? [],
      claims: [{ key: m.key, phase: phaseOf(o.id), labMs: saving }],
    });
  }
  return out;
}
