// Every sentence the CLI prints is a message in the 'cli' namespace, formatted in the reader's language:
// `--locale`, else LC_ALL / LC_MESSAGES / LANG (he_IL.UTF-8 → he), else English. No isolates: terminals do not
// apply the Unicode bidi algorithm to them and would show them as boxes.
import { formatMessage, resolveLocale } from '../i18n/format-message.ts';
import { LOCALES, type Locale } from '../i18n/messages/define.ts';
import { CLI_STRINGS } from '../i18n/messages/cli.ts';
import { messageFn } from '../report/message.ts';
import type { Message, MessageParam } from '../report/schema.ts';

export const msg = messageFn('cli', CLI_STRINGS);
export type CliKey = keyof typeof CLI_STRINGS & string;

let current: Locale = 'en';

/** The exact shipped locale for a `--locale` value, or null (a flag naming no shipped language is an error). */
export function shippedLocale(value: string): Locale | null {
  return LOCALES.find((l) => l.toLowerCase() === value.toLowerCase()) ?? null;
}

/** The environment's language (POSIX locale names: "he_IL.UTF-8", "zh_CN", "C"); anything unknown is English. */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = raw.split('.')[0]!.split('@')[0]!.replace('_', '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return 'en';
  return resolveLocale(tag);
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function currentLocale(): Locale {
  return current;
}

/** Whether a string is one of the catalogue's keys (help descriptions are stored as keys). */
export function isCliKey(value: string | undefined): value is CliKey {
  return value !== undefined && Object.hasOwn(CLI_STRINGS, value);
}

export function t(key: CliKey, params?: Record<string, MessageParam>): string {
  return formatMessage(msg(key, params), current, { isolate: false });
}

export function text(message: Message): string {
  return formatMessage(message, current, { isolate: false });
}

/** Problems on stderr, one line each, in the reader's language. */
export function printErrors(errors: readonly Message[]): void {
  process.stderr.write(errors.map((e) => `storefront-audit: ${text(e)}\n`).join(''));
}
