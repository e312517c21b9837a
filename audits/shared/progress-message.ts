// The audits' progress lines as messages of the 'progress' namespace, so each reader sees them in their own
// language (the CLI renders them, the worker logs their English).
import { FIX_STRINGS } from '../../src/i18n/messages/fixes.ts';
import { PROGRESS_STRINGS } from '../../src/i18n/messages/progress.ts';
import { code, messageFn, nested } from '../../src/report/message.ts';
import type { MessageParam } from '../../src/report/schema.ts';

export const progressMessage = messageFn('progress', PROGRESS_STRINGS);

/** A checkout step by its translated label (the report's own step labels), or as written for a custom step. */
export function stepParam(name: string): MessageParam {
  return Object.hasOwn(FIX_STRINGS, `step.${name}`) ? nested({ id: `fixes.step.${name}` }) : code(name);
}
