// Small formatting and lookup helpers shared by the fix rules.
import type { AppCost, LoadTimePage, Opportunity } from '../../report/schema.ts';

export function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

export function bytes(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)} MB`;
  if (value >= 1000) return `${Math.round(value / 1000)} KB`;
  return `${Math.round(value)} B`;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The path of a URL for display, or the text itself when it is not a URL. */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

export function fileName(url: string): string {
  const path = pathOf(url).split('?')[0] ?? '';
  return path.split('/').filter(Boolean).pop() ?? url;
}

export function where(page: LoadTimePage): string {
  return `${pathOf(page.url)} (${page.template}, ${page.device})`;
}

export function findOpportunity(page: LoadTimePage, ...ids: string[]): Opportunity | undefined {
  return page.opportunities.find((o) => ids.includes(o.id));
}

/** URLs named by an opportunity's items (Lighthouse lists them under `url` or `source.url`). */
export function itemUrls(o: Opportunity | undefined): string[] {
  const urls: string[] = [];
  for (const item of o?.items ?? []) {
    if (typeof item.url === 'string') urls.push(item.url);
  }
  return urls;
}

export function itemNumber(item: Record<string, unknown>, ...keys: string[]): number {
  for (const k of keys) if (typeof item[k] === 'number') return item[k] as number;
  return 0;
}

export function appOwning(page: LoadTimePage, url: string): AppCost | undefined {
  return page.apps.find((a) => (a.kind === 'app' || a.kind === 'third-party') && a.urls.some((u) => u === url || url.startsWith(u)));
}

/** A readable list of places: the first few paths, then how many more. */
export function places(urls: string[], max = 5): string {
  const shown = urls.slice(0, max).map(pathOf).join(', ');
  return urls.length > max ? `${shown} and ${urls.length - max} more` : shown;
}

/**
 * The app's measured cost on this page from the "without this app" runs (issue #20: the page re-run with the
 * app's URLs blocked), as a lab saving in ms for `metric`, when those runs were made. A delta flagged
 * `unreliable` understates the cost (markup blocking cannot remove), so it never lowers the estimate `split`.
 * Null when nothing was measured: the caller keeps Lighthouse's split.
 */
export function measuredAppSaving(app: AppCost | null | undefined, metric: 'lcpMsDelta' | 'tbtMsDelta', split: number): { ms: number; runs: number } | null {
  const w = app?.without;
  const delta = w?.[metric];
  if (!w || !delta || !Number.isFinite(delta.median) || w.runs < 1) return null;
  const ms = Math.max(0, delta.median);
  return { ms: w.unreliable ? Math.max(ms, split) : ms, runs: w.runs };
}
