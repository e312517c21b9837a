// The 'errors' namespace: strings the errors code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const ERRORS_STRINGS = {} as const;

export const errors = defineCatalogue('errors', ERRORS_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
