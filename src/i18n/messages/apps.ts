// The 'apps' namespace: strings the apps code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const APPS_STRINGS = {} as const;

export const apps = defineCatalogue('apps', APPS_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
