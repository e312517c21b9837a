// The 'checkout' namespace: strings the checkout code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const CHECKOUT_STRINGS = {} as const;

export const checkout = defineCatalogue('checkout', CHECKOUT_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
