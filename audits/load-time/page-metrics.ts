// The headline numbers of one Lighthouse result: score, the six metrics, the LCP element and its phases.
import type { Result } from 'lighthouse';
import type { LoadTimePage, Metrics } from '../../src/report/schema.ts';
import { detailRows, isNode, numericValue, rowsForNode } from './lhr-details.ts';

/** Report metric name → the Lighthouse audit that measures it. */
export const METRIC_AUDITS: Record<keyof Metrics, string> = {
  lcpMs: 'largest-contentful-paint',
  fcpMs: 'first-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  // The observed server response time of the main document: Lantern simulates the network, not the server.
  ttfbMs: 'server-response-time',
  speedIndexMs: 'speed-index',
};

/** The performance score on the 0..100 scale merchants know from PageSpeed Insights. */
export function scoreOf(lhr: Result): number | null {
  const score = lhr.categories.performance?.score;
  return typeof score === 'number' ? Math.round(score * 100) : null;
}

export function metricsOf(lhr: Result): Metrics {
  const metrics = {} as Metrics;
  for (const [key, auditId] of Object.entries(METRIC_AUDITS) as Array<[keyof Metrics, string]>) {
    const value = numericValue(lhr, auditId);
    metrics[key] = value === null ? null : key === 'cls' ? Math.round(value * 1000) / 1000 : Math.round(value);
  }
  return metrics;
}

const PHASES: Record<string, 'ttfbMs' | 'loadDelayMs' | 'loadTimeMs' | 'renderDelayMs'> = {
  timeToFirstByte: 'ttfbMs',
  resourceLoadDelay: 'loadDelayMs',
  resourceLoadDuration: 'loadTimeMs',
  elementRenderDelay: 'renderDelayMs',
};

/** LCP phases from the lcp-breakdown insight (a text LCP has no load delay/time: those stay null). */
export function lcpPhasesOf(lhr: Result): NonNullable<LoadTimePage['lcpPhases']> | null {
  const rows = detailRows(lhr.audits['lcp-breakdown-insight']?.details);
  const phases = { ttfbMs: null, loadDelayMs: null, loadTimeMs: null, renderDelayMs: null } as NonNullable<LoadTimePage['lcpPhases']>;
  let found = false;
  for (const row of rows) {
    const key = typeof row.subpart === 'string' ? PHASES[row.subpart] : undefined;
    if (key && typeof row.duration === 'number') {
      phases[key] = Math.round(row.duration);
      found = true;
    }
  }
  return found ? phases : null;
}

export function lcpElementOf(lhr: Result): NonNullable<LoadTimePage['lcpElement']> | null {
  const items = (lhr.audits['lcp-breakdown-insight']?.details as { items?: unknown[] } | undefined)?.items ?? [];
  const node = items.find(isNode);
  if (!node) return null;
  // The element's resource: any audit row about the same node that names a URL (image-delivery, etc.).
  const withUrl = node.lhId ? rowsForNode(lhr, node.lhId).find((row) => typeof row.url === 'string') : undefined;
  return {
    selector: node.selector ?? null,
    snippet: node.snippet ?? null,
    url: typeof withUrl?.url === 'string' ? withUrl.url : null,
  };
}
