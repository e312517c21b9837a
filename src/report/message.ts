// How code says something to a person: it declares its English strings once (like Lighthouse's UIStrings) and
// emits messages, an id and parameters, never a finished sentence. The renderer turns a message into text in
// the reader's language (`src/i18n/format-message.ts`). Like the schema, this module has no imports of
// consequence, so audits may use it without knowing about i18n.
import type { Message, MessageParam } from './schema.ts';

export type UiStrings = Readonly<Record<string, string>>;

export interface MessageFn<S extends UiStrings> {
  (key: keyof S & string, params?: Record<string, MessageParam>): Message;
  readonly namespace: string;
  readonly strings: S;
}

/**
 * `const msg = messageFn('checkout', UIStrings)`; `msg('stepFailed', { step: 'shipping' })` is
 * `{ id: 'checkout.stepFailed', params: { step: 'shipping' } }`. Strings are ICU MessageFormat ({name},
 * plurals, selects); typed parameters (`ms(…)`, `money(…)`, `url(…)`) are formatted per locale.
 */
export function messageFn<S extends UiStrings>(namespace: string, strings: S): MessageFn<S> {
  const fn = (key: keyof S & string, params?: Record<string, MessageParam>): Message =>
    params === undefined ? { id: `${namespace}.${key}` } : { id: `${namespace}.${key}`, params };
  return Object.assign(fn, { namespace, strings });
}

export const ms = (value: number): MessageParam => ({ kind: 'ms', value });
export const bytes = (value: number): MessageParam => ({ kind: 'bytes', value });
export const percent = (value: number): MessageParam => ({ kind: 'percent', value });
export const count = (value: number): MessageParam => ({ kind: 'count', value });
export const money = (value: number, currency: string): MessageParam => ({ kind: 'money', value, currency });
export const url = (value: string): MessageParam => ({ kind: 'url', value });
export const code = (value: string): MessageParam => ({ kind: 'code', value });
export const date = (iso: string): MessageParam => ({ kind: 'date', value: iso });
export const nested = (value: Message): MessageParam => ({ kind: 'message', value });
