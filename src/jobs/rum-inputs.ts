// Real shoppers' data as advisor inputs for a scheduled run: the last 30 days of the storefront plugin's
// beacons and funnel, with field/lab ratios against the shop's latest lab run. Nothing when the plugin is off.
import type { AdviceInputs } from '../advisor/types.ts';
import { rumAdviceInputs } from '../rum/advice-inputs.ts';
import type { Store } from '../store/index.ts';

const DAYS = 30;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function rumInputsFor(store: Store): (shop: string) => Promise<AdviceInputs> {
  return async (shop) => {
    const to = new Date();
    const from = new Date(to.getTime() - (DAYS - 1) * 86_400_000);
    const labLcpMs = await latestLabLcp(store, shop);
    const advice = await rumAdviceInputs(store, shop, { from: day(from), to: day(to) }, labLcpMs);
    return advice.analysis.sessions > 0 ? advice.inputs : {};
  };
}

async function latestLabLcp(store: Store, shop: string): Promise<Record<string, number>> {
  const latest = await store.runs.latest(shop);
  const section = latest ? await store.runs.getSection(shop, latest.id, 'loadTime') : null;
  const out: Record<string, number> = {};
  for (const page of (section as { pages?: { template: string; device: string; metrics: { lcpMs: number | null } }[] } | null)?.pages ?? []) {
    if (page.metrics.lcpMs === null) continue;
    out[`${page.template}:${page.device}`] = page.metrics.lcpMs;
    out[page.template] ??= page.metrics.lcpMs;
  }
  return out;
}
