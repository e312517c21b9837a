// Metric names a merchant can read: "main content shown" instead of LCP, with the Lighthouse term kept for the
// details. The short technical names (LCP, CLS, TTFB) are the same in every language, like units.
import type { AdminKey } from '../i18n/admin.ts';
import { t } from './i18n.ts';

const KEYS: Record<string, AdminKey> = {
  LCP: 'metric.lcp',
  FCP: 'metric.fcp',
  TBT: 'metric.tbt',
  CLS: 'metric.cls',
  INP: 'metric.inp',
  TTFB: 'metric.ttfb',
  SI: 'metric.si',
  'broken-links': 'metric.brokenLinks',
  checkout: 'metric.checkout',
};

/** The merchant's name for a metric ("main content shown (LCP)"). */
export function metricLabel(metric: string): string {
  const key = KEYS[metric];
  return key ? t(key) : metric;
}
