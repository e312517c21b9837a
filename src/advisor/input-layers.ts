// Combines store inputs from several places in the order of trust: Shopify, then the storefront
// plugin's real-user data, then CLI flags, then the config file. The first layer that has a value wins, and
// the value keeps the name of the layer it came from.
import type { AdviceInputs, InputSource, Sourced } from './types.ts';

export interface InputLayer {
  source: Exclude<InputSource, 'default'>;
  values: Partial<Record<SourcedKey, unknown>> | null | undefined;
}

const SOURCED_KEYS = ['monthlySessions', 'conversionRate', 'averageOrderValue', 'currency', 'templateShares', 'deviceShares', 'checkoutStarts', 'checkoutAbandonment'] as const;
type SourcedKey = (typeof SOURCED_KEYS)[number];
const PLAIN_KEYS = ['fieldLabRatio', 'pageViews', 'storeSlope', 'fieldVitals'] as const;

export const SOURCE_PRIORITY: readonly InputLayer['source'][] = ['shopify', 'rum', 'cli', 'config'];

export function layerInputs(layers: InputLayer[], extra: Pick<AdviceInputs, (typeof PLAIN_KEYS)[number]> = {}): AdviceInputs {
  const ordered = [...layers].sort((a, b) => SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source));
  const out: Record<string, unknown> = {};
  for (const key of SOURCED_KEYS) {
    for (const layer of ordered) {
      const value = layer.values?.[key];
      if (value !== undefined && value !== null) {
        out[key] = { value, source: layer.source } satisfies Sourced<unknown>;
        break;
      }
    }
  }
  for (const key of PLAIN_KEYS) if (extra[key] !== undefined) out[key] = extra[key];
  return out as AdviceInputs;
}
