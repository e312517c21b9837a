// The store's score, weighted the way Shopify weighs its own storefront speed measurement: the templates where
// shoppers decide. A missing template's weight is spread over the others, and the report says so.
import type { LoadTimePage } from '../../src/report/schema.ts';

export const TEMPLATE_WEIGHTS: Readonly<Record<string, number>> = { home: 0.17, product: 0.4, collection: 0.43 };

export interface StoreScore {
  storeScore: number | null;
  weights: Record<string, number>;
  notes: string[];
}

/** Pages of one device; several pages of a template are averaged before weighting. */
export function storeScoreOf(pages: readonly LoadTimePage[]): StoreScore {
  const notes: string[] = [];
  const byTemplate = new Map<string, number[]>();
  for (const page of pages) {
    if (!(page.template in TEMPLATE_WEIGHTS) || page.score === null || page.error) continue;
    byTemplate.set(page.template, [...(byTemplate.get(page.template) ?? []), page.score]);
  }
  const present = Object.keys(TEMPLATE_WEIGHTS).filter((t) => byTemplate.has(t));
  const missing = Object.keys(TEMPLATE_WEIGHTS).filter((t) => !byTemplate.has(t));
  if (present.length === 0) {
    notes.push('No home, product or collection page could be measured, so there is no store score.');
    return { storeScore: null, weights: {}, notes };
  }
  const total = present.reduce((sum, t) => sum + (TEMPLATE_WEIGHTS[t] ?? 0), 0);
  const weights: Record<string, number> = {};
  for (const t of present) weights[t] = Math.round(((TEMPLATE_WEIGHTS[t] ?? 0) / total) * 1000) / 1000;
  if (missing.length > 0) {
    notes.push(
      `Store score renormalised: no measured ${missing.join(', ')} page, so ${present
        .map((t) => `${t} ${Math.round((weights[t] ?? 0) * 100)}%`)
        .join(', ')} (Shopify's weights are home 17%, product 40%, collection 43%).`,
    );
  }
  let score = 0;
  for (const t of present) {
    const scores = byTemplate.get(t) ?? [];
    score += ((TEMPLATE_WEIGHTS[t] ?? 0) / total) * (scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return { storeScore: Math.round(score), weights, notes };
}
