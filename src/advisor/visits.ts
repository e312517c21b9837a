// Monthly visits per URL: real-user page views when the storefront plugin supplies them, else the template's
// share of sessions spread evenly over the store's known pages of that template.
import type { Report, Template } from '../report/schema.ts';
import type { ResolvedInputs } from './types.ts';

const TEMPLATE_PATHS: [RegExp, Template][] = [
  [/^\/$/, 'home'], [/^\/collections\/[^/]+\/?$/, 'collection'], [/^\/(collections\/[^/]+\/)?products\//, 'product'],
  [/^\/pages\//, 'page'], [/^\/blogs\/[^/]+\/[^/]+/, 'article'], [/^\/blogs\//, 'blog'], [/^\/cart/, 'cart'], [/^\/search/, 'search'],
];

export function templateOfPath(url: string): Template {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* a path already */
  }
  return TEMPLATE_PATHS.find(([re]) => re.test(path))?.[1] ?? 'other';
}

/**
 * One page, whatever its query string, fragment or trailing slash: `/collections/sale?page=2` and
 * `/collections/sale/` are `/collections/sale`, so pagination and sort variants are one page, one fix, one share.
 */
export function canonicalPage(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
    return `${u.origin}${path}`;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

export interface Visits {
  visits: number;
  fromRum: boolean;
}

/**
 * Visits per page: real-user page views when the plugin has them, else the template's share of sessions spread
 * evenly over every distinct page of that template the model knows of: the report's pages and any other URL it
 * prices (`alsoPriced`), so the pages of a template never add up to more than the template's share.
 */
export function createVisitModel(report: Pick<Report, 'pages'>, inputs: ResolvedInputs, alsoPriced: string[] = []): (url: string) => Visits {
  const templateOf = new Map<string, Template>();
  for (const p of report.pages) templateOf.set(canonicalPage(p.url), p.template);
  for (const url of alsoPriced) {
    const c = canonicalPage(url);
    if (!templateOf.has(c)) templateOf.set(c, templateOfPath(url));
  }
  const counts = new Map<Template, number>();
  for (const t of templateOf.values()) counts.set(t, (counts.get(t) ?? 0) + 1);
  return (url) => {
    const rum = inputs.pageViews[url] ?? inputs.pageViews[canonicalPage(url)];
    if (rum !== undefined) return { visits: rum, fromRum: true };
    const c = canonicalPage(url);
    const known = templateOf.get(c);
    const template = known ?? templateOfPath(url);
    // A URL nobody listed still shares its template with the listed ones (one more page), never a full share.
    const pages = (counts.get(template) ?? 0) + (known ? 0 : 1);
    return { visits: (inputs.monthlySessions.value * inputs.templateShares.value[template]) / Math.max(1, pages), fromRum: false };
  };
}
