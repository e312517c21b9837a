// The 'shopify' namespace: strings the shopify code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const SHOPIFY_STRINGS = {} as const;

export const shopify = defineCatalogue('shopify', SHOPIFY_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
