// Turns a message (an id and parameters, see src/report/message.ts) into text in one locale. ICU MessageFormat
// (intl-messageformat) handles plurals and selects; typed parameters are formatted with Intl in that locale;
// URLs, code and free strings are wrapped in Unicode isolates (FSI…PDI) so that, inside a right-to-left
// sentence, "/products/x?page=2" keeps its own direction and its punctuation stays where it belongs.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Message, MessageParam } from '../report/schema.ts';
import { CATALOGUES } from './messages/index.ts';
import { LOCALES, type Locale } from './messages/define.ts';

const FSI = '\u2068';
const PDI = '\u2069';

export interface FormatOptions {
  /** IANA time zone for dates (the shop's); default UTC. */
  timeZone?: string;
  /** Wrap URLs, code and string parameters in isolates (default true; off for plain-English logs). */
  isolate?: boolean;
}

const byId = new Map<string, Record<Locale, string | undefined>>();
for (const catalogue of CATALOGUES) {
  for (const [key, english] of Object.entries(catalogue.strings.en)) {
    const id = `${catalogue.namespace}.${key}`;
    if (byId.has(id)) throw new Error(`message id defined twice: ${id}`);
    const entry = {} as Record<Locale, string | undefined>;
    for (const locale of LOCALES) entry[locale] = catalogue.strings[locale][key] ?? english;
    byId.set(id, entry);
  }
}

/** The shipped locale a requested one resolves to: exact, then its language (zh-Hans-CN → zh-CN), else en. */
export function resolveLocale(requested: string | undefined): Locale {
  if (!requested) return 'en';
  const exact = LOCALES.find((l) => l.toLowerCase() === requested.toLowerCase());
  if (exact) return exact;
  const language = requested.split('-')[0]?.toLowerCase();
  return LOCALES.find((l) => l.split('-')[0]?.toLowerCase() === language) ?? 'en';
}

export function hasMessage(id: string): boolean {
  return byId.has(id);
}

/** Every id the catalogues define (for completeness tests). */
export function messageIds(): string[] {
  return [...byId.keys()];
}

const compiled = new Map<string, IntlMessageFormat>();
function compile(pattern: string, locale: Locale): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${pattern}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(pattern, locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return format;
}

function formatParam(param: MessageParam, locale: Locale, options: FormatOptions): string | number {
  const isolate = (text: string) => (options.isolate === false ? text : `${FSI}${text}${PDI}`);
  if (typeof param === 'number') return param;
  if (typeof param === 'string') return isolate(param);
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o);
  switch (param.kind) {
    case 'ms':
      return Math.abs(param.value) >= 1000
        ? nf({ style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(param.value / 1000)
        : nf({ style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(param.value);
    case 'bytes':
      return Math.abs(param.value) >= 1e6
        ? nf({ style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(param.value / 1e6)
        : nf({ style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 }).format(param.value / 1e3);
    case 'percent':
      return nf({ style: 'percent', maximumFractionDigits: 1 }).format(param.value / 100);
    case 'count':
      return nf({ maximumFractionDigits: 0 }).format(param.value);
    case 'money':
      try {
        return nf({ style: 'currency', currency: param.currency, maximumFractionDigits: 0 }).format(param.value);
      } catch {
        return `${nf({ maximumFractionDigits: 0 }).format(param.value)} ${param.currency}`;
      }
    case 'url':
    case 'code':
      return isolate(param.value);
    case 'date': {
      const d = new Date(param.value);
      if (Number.isNaN(d.getTime())) return param.value;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone ?? 'UTC' }).format(d);
    }
    case 'message':
      return formatMessage(param.value as Message, locale, options);
  }
}

/**
 * The text of `message` in `locale`. An id no catalogue defines renders as the id itself, so a report from a
 * newer version still shows something; tests assert that every emitted id is defined (`hasMessage`).
 */
export function formatMessage(message: Message, requestedLocale: string, options: FormatOptions = {}): string {
  const locale = resolveLocale(requestedLocale);
  const pattern = byId.get(message.id)?.[locale];
  if (pattern === undefined) return message.id;
  const format = compile(pattern, locale);
  const plain = simpleArguments(format);
  const values: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(message.params ?? {})) {
    const value = formatParam(param, locale, options);
    // ICU formats a number only inside plural/number arguments; a plain {n} would show ASCII digits in Persian.
    // Grouping off: a plain number reads as it did in English (1500, a port, a status), in the locale's digits.
    values[name] = typeof value === 'number' && plain.has(name) ? new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 3 }).format(value) : value;
  }
  return String(format.format(values));
}

/** The ICU parser's element type of a plain `{name}` argument (TYPE.argument in @formatjs/icu-messageformat-parser). */
const ICU_ARGUMENT = 1;
const plainArgs = new WeakMap<IntlMessageFormat, Set<string>>();
/** Names used as plain `{name}` arguments anywhere in the pattern (also inside plural and select branches). */
function simpleArguments(format: IntlMessageFormat): Set<string> {
  let names = plainArgs.get(format);
  if (!names) {
    const found = new Set<string>();
    type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
    const walk = (elements: Element[]) => {
      for (const el of elements) {
        if (el.type === ICU_ARGUMENT && typeof el.value === 'string') found.add(el.value);
        for (const option of Object.values(el.options ?? {})) walk(option.value);
      }
    };
    walk(format.getAst() as unknown as Element[]);
    plainArgs.set(format, (names = found));
  }
  return names;
}

/** English without isolates: for logs, the CLI and the English fields kept in the JSON report. */
export function englishText(message: Message): string {
  return formatMessage(message, 'en', { isolate: false });
}
