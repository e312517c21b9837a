// The 'cli' namespace: strings the cli code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const CLI_STRINGS = {} as const;

export const cli = defineCatalogue('cli', CLI_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
