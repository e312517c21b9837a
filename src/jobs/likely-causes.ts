// A confirmed regression is more useful with its likely cause: a change to the storefront (an app installed or
// removed, a theme published or edited) between the last good run and the regressed one. The changes come from
// the platform (the Shopify layer saves Shopify's performanceEvents with the storefront signals); this module
// only picks the ones in the window, so it knows nothing of where they came from.
import type { Store } from '../store/index.ts';

export interface StorefrontChange {
  kind: 'app-install' | 'app-uninstall' | 'theme-publication' | 'theme-live-edit';
  /** ISO time of the change. */
  at: string;
  /** The app's or theme's name when the platform gave one. */
  subject: string | null;
  source: 'shopify';
}

/** Where the Shopify layer saves the storefront signals (src/shopify/storefront-signals.ts). */
const STOREFRONT_SIGNALS_SETTING = 'shopifyStorefront';

/** Changes after `since` (exclusive; null: any earlier time) up to `until` (inclusive), oldest first. */
export function changesBetween(changes: readonly StorefrontChange[], since: string | null, until: string): StorefrontChange[] {
  const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
  const to = Date.parse(until);
  return changes.filter((c) => {
    const at = Date.parse(c.at);
    return at > from && at <= to;
  }).sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The likely causes of a regression first seen in run `runId`: the saved storefront changes between the start of
 * the shop's last successful run before it and that run's own start. Empty when nothing is known.
 */
export async function likelyCausesOf(store: Store, shop: string, runId: number): Promise<StorefrontChange[]> {
  const [run, saved] = await Promise.all([
    store.runs.get(shop, runId),
    store.settings.get<{ changes?: StorefrontChange[] }>(shop, STOREFRONT_SIGNALS_SETTING),
  ]);
  if (!run || !saved?.changes?.length) return [];
  const previous = (await store.runs.list(shop, { status: 'succeeded', before: runId, limit: 1 })).items[0];
  return changesBetween(saved.changes, previous ? (previous.startedAt ?? previous.createdAt) : null, run.startedAt ?? run.createdAt);
}
