// What evaluating assertions needs at run time, without zod: the metric fields and Lighthouse's path rule.
// The schemas (spec.ts, budgets.ts) load only when a config file or a budget is read, so an audit run with
// flags alone reaches its first request without them.

export const METRIC_FIELDS = {
  'first-contentful-paint': 'fcpMs',
  'largest-contentful-paint': 'lcpMs',
  'total-blocking-time': 'tbtMs',
  'cumulative-layout-shift': 'cls',
  'server-response-time': 'ttfbMs',
  'speed-index': 'speedIndexMs',
} as const;
export type MetricId = keyof typeof METRIC_FIELDS;

/** Lighthouse's Budget.urlMatchesPattern: does the page's path (with its query) match a budget path? */
export function pathMatches(pageUrl: string, pattern: string): boolean {
  const url = new URL(pageUrl);
  const path = url.pathname + url.search;
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const [before, after] = body.split('*') as [string, string | undefined];
  if (after === undefined) return anchored ? path === before : path.startsWith(before);
  if (!path.startsWith(before)) return false;
  const rest = path.slice(before.length);
  return anchored ? rest.endsWith(after) : rest.includes(after);
}
