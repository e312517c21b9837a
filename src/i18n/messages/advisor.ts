// The 'advisor' namespace: strings the advisor code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const ADVISOR_STRINGS = {} as const;

export const advisor = defineCatalogue('advisor', ADVISOR_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
