// Layout shifts (CLS): unsized images and content that apps inject after load.
import { CWV_THRESHOLDS } from '../defaults.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { findOpportunity, slug, where } from './util.ts';

const CLS_AUDITS = ['cls-culprits-insight', 'layout-shifts', 'unsized-images'];

export function layoutShiftRules(m: Measurement): Candidate[] {
  const cls = m.page.metrics.cls ?? 0;
  const savings = m.page.opportunities.filter((o) => CLS_AUDITS.includes(o.id)).map((o) => o.metricSavings.CLS ?? 0);
  const saving = Math.min(cls, Math.max(0, ...savings) || (cls > CWV_THRESHOLDS.CLS.good ? cls : 0));
  if (saving <= 0 || cls <= CWV_THRESHOLDS.CLS.good / 2) return [];
  const unsized = findOpportunity(m.page, 'unsized-images');
  const text = JSON.stringify(m.page.opportunities.filter((o) => CLS_AUDITS.includes(o.id)).map((o) => o.items ?? [])).toLowerCase();
  const apps = m.page.apps.filter((a) => a.kind === 'app');
  const named = apps.filter((a) => text.includes(slug(a.name)) || text.includes(a.name.toLowerCase()));
  const suspects = (named.length ? named : apps).map((a) => a.name);
  const howTo = [
    'Give every image a width and height: image_tag outputs them for you; for hand-written <img> add width="{{ image.width }}" height="{{ image.height }}" (or CSS aspect-ratio) so the browser reserves the space.',
  ];
  if (suspects.length) {
    howTo.push(`Reserve space for banners that apps inject after load (${suspects.join(', ')}): give the slot a fixed min-height in the theme, or place the app as an app block inside a section instead of a floating embed that pushes content down.`);
  }
  howTo.push('Never insert content above existing content after load; animate with transform instead of top/height.');
  return [{
    kind: 'cwv', metric: 'CLS', id: 'layout-shift', category: 'layout-shift', pages: [m.url],
    title: 'Stop the page from jumping while it loads (layout shift)',
    evidence: `${where(m.page)}: CLS ${cls.toFixed(2)} (good ≤ ${CWV_THRESHOLDS.CLS.good})${unsized?.items?.length ? `, ${unsized.items.length} unsized image(s)` : ''}${named.length ? `, shifts involving ${named.map((a) => a.name).join(', ')}` : ''}`,
    howTo,
    claims: [{ key: m.key, saving }],
  }];
}
