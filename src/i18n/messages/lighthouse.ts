// The 'lighthouse' namespace: strings the lighthouse code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const LIGHTHOUSE_STRINGS = {} as const;

export const lighthouse = defineCatalogue('lighthouse', LIGHTHOUSE_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
