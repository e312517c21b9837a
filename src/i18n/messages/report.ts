// The 'report' namespace: strings the report code emits as messages (see define.ts and docs/architecture.md).
import { defineCatalogue } from './define.ts';

export const REPORT_STRINGS = {} as const;

export const report = defineCatalogue('report', REPORT_STRINGS, { 'zh-CN': {}, he: {}, fa: {} });
