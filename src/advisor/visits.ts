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

export interface Visits {
  visits: number;
  fromRum: boolean;
}

export function createVisitModel(report: Pick<Report, 'pages'>, inputs: ResolvedInputs): (url: string) => Visits {
  const templateOf = new Map(report.pages.map((p) => [p.url, p.template]));
  const counts = new Map<Template, number>();
  for (const p of report.pages) counts.set(p.template, (counts.get(p.template) ?? 0) + 1);
  return (url) => {
    const rum = inputs.pageViews[url];
    if (rum !== undefined) return { visits: rum, fromRum: true };
    const template = templateOf.get(url) ?? templateOfPath(url);
    const perPage = (inputs.monthlySessions.value * inputs.templateShares.value[template]) / Math.max(1, counts.get(template) ?? 1);
    return { visits: perPage, fromRum: false };
  };
}
