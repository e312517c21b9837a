// The 'links' namespace: strings the links code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const LINKS_STRINGS = {} as const;

export const links = defineCatalogue('links', LINKS_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
