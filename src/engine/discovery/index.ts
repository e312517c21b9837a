export { discoverStore, type DiscoveryOptions, type DiscoveryResult } from './discover-store.ts';
export { classifyTemplate, stripLocale } from './classify-template.ts';
export { pickRepresentatives, DEFAULT_PER_TEMPLATE, type DiscoveredPage, type PerTemplate } from './representatives.ts';
export { StoreUnreachableError } from './errors.ts';
