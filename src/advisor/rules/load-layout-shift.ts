// Layout shifts (CLS): unsized images and content that apps inject after load.
import { CWV_THRESHOLDS } from '../defaults.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import type { Message } from '../../report/schema.ts';
import { code, fixMsg, fixWords, wherePage } from '../fix-text.ts';
import { findOpportunity, slug } from './util.ts';

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
  const howTo: Message[] = [fixMsg('layoutShift.howToSize', { example: code('width="{{ image.width }}" height="{{ image.height }}"') })];
  if (suspects.length) howTo.push(fixMsg('layoutShift.howToApps', { apps: suspects.join(', ') }));
  howTo.push(fixMsg('layoutShift.howToInsert'));
  return [{
    kind: 'cwv', metric: 'CLS', id: 'layout-shift', category: 'layout-shift', pages: [m.url],
    ...fixWords(
      fixMsg('layoutShift.title'),
      fixMsg('layoutShift.evidence', {
        where: wherePage(m.page), cls: code(cls.toFixed(2)), good: code(String(CWV_THRESHOLDS.CLS.good)), unsized: unsized?.items?.length ?? 0,
        hasApps: named.length ? 1 : 0, apps: named.map((a) => a.name).join(', '),
      }),
      howTo,
    ),
    claims: [{ key: m.key, saving }],
  }];
}
