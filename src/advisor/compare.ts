// Before/after: a re-audit marks the earlier fixes resolved or still open, and sets the measured metric change
// beside the estimate the earlier report made. A speed fix that is gone while its metric did not clearly improve
// is "not confirmed", never "resolved": on an unchanged store, lab noise alone makes fixes come and go.
import type { Comparison, Fix, Report } from '../report/schema.ts';

export type RunComparison = Comparison;
export type FixOutcome = Comparison['outcomes'][number];
export type MeasuredChange = NonNullable<FixOutcome['measured']>;

const SECTION_OF: Record<string, 'loadTime' | 'links' | 'checkout'> = {
  'broken-links': 'links', redirects: 'links', checkout: 'checkout',
};

function metricKey(metric: string): 'lcpMs' | 'cls' | 'tbtMs' | null {
  return metric === 'LCP' ? 'lcpMs' : metric === 'CLS' ? 'cls' : metric === 'TBT' || metric === 'INP' ? 'tbtMs' : null;
}

/** Mean of a metric over the fix's pages on phones (most traffic), or on desktop when phones were not measured. */
function meanOn(report: Report, pages: string[], key: 'lcpMs' | 'cls' | 'tbtMs'): number | null {
  const measured = (report.loadTime?.pages ?? []).filter((p) => pages.includes(p.url) && !p.error);
  const phones = measured.filter((p) => p.device === 'mobile');
  const values = (phones.length ? phones : measured).map((p) => p.metrics[key]).filter((v): v is number => v !== null);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

function measure(previous: Report, current: Report, fix: Fix): MeasuredChange | null {
  const key = metricKey(fix.impact.metric);
  if (fix.category === 'broken-links' || fix.category === 'checkout' || fix.category === 'redirects') {
    // These fixes are about one finding: it is either still there or gone.
    const still = current.fixes.some((f) => f.id === fix.id) ? 1 : 0;
    return { metric: 'occurrences', before: 1, after: still, change: 1 - still };
  }
  if (!key) return null;
  const before = meanOn(previous, fix.pages, key);
  const after = meanOn(current, fix.pages, key);
  return { metric: fix.impact.metric, before, after, change: before !== null && after !== null ? before - after : null };
}

/** A measured change large enough to be more than run-to-run noise (Lighthouse varies ±10–20 % between runs). */
function clearlyBetter(m: MeasuredChange | null): boolean {
  if (!m || m.change === null || m.before === null) return false;
  if (m.metric === 'occurrences') return m.change > 0;
  const floor = m.metric === 'CLS' ? 0.05 : 100;
  return m.change >= Math.max(floor, Math.abs(m.before) * 0.1);
}

export function compareRuns(previous: Report, current: Report): RunComparison {
  const now = new Set(current.fixes.map((f) => f.id));
  const outcomes = previous.fixes.map((fix): FixOutcome => {
    const section = SECTION_OF[fix.category] ?? 'loadTime';
    if (current[section] === null) return { id: fix.id, title: fix.title, status: 'not-rechecked', estimate: fix.impact, measured: null };
    const measured = measure(previous, current, fix);
    const gone = !now.has(fix.id);
    const status = !gone ? 'open' : section !== 'loadTime' || clearlyBetter(measured) ? 'resolved' : 'not-confirmed';
    return { id: fix.id, title: fix.title, status, estimate: fix.impact, measured };
  });
  const before = new Set(previous.fixes.map((f) => f.id));
  return { previous: { startedAt: previous.startedAt }, outcomes, newFixes: current.fixes.filter((f) => !before.has(f.id)).map((f) => f.id) };
}
