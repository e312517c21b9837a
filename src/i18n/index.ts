// Translation lookup with Intl formatting, for the HTML report and the admin UI. The report's own strings
// (`en.ts`, typed complete in every shipped language) are looked up by key; messages the audits and the advisor
// emit (`{ id, params }`) are rendered through `formatMessage`. Numbers, units, money and dates go through Intl
// in the reader's locale, and dates in the shop's time zone.
import type { Message } from '../report/schema.ts';
import { en, type MessageKey } from './en.ts';
import { FA } from './fa.ts';
import { formatMessage, hasMessage } from './format-message.ts';
import { HE } from './he.ts';
import { ZH_CN } from './zh-cn.ts';

export type { MessageKey };
export type Catalogue = Partial<Record<MessageKey, string>>;

// `zh` (and zh-Hans-*, via the language fallback) resolves to Simplified Chinese, as in the admin UI.
const CATALOGUES: Record<string, Catalogue> = { en, 'zh-CN': ZH_CN, zh: ZH_CN, he: HE, fa: FA };
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

/** Lets other catalogues (zh-CN, he, fa, ...) plug in without editing this file. */
export function registerCatalogue(locale: string, catalogue: Catalogue): void {
  CATALOGUES[locale] = catalogue;
}

export interface I18n {
  locale: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** IANA time zone dates are shown in (the shop's). */
  timeZone: string;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A message in this locale; `fallback` (the English the report kept) when there is none or its id is unknown. */
  msg(message: Message | undefined, fallback?: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  money(value: number, currency: string): string;
  percent(value: number): string;
  ms(value: number): string;
  bytes(value: number): string;
  date(iso: string): string;
  /** A date without the time of day. */
  day(iso: string): string;
}

function canonical(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale ?? 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function validTimeZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

export interface I18nOptions {
  timeZone?: string;
}

export function createI18n(requested?: string, options: I18nOptions = {}): I18n {
  const locale = canonical(requested);
  const language = locale.split('-')[0] ?? 'en';
  const catalogue = CATALOGUES[locale] ?? CATALOGUES[language] ?? {};
  const timeZone = validTimeZone(options.timeZone);
  const nf = (o?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o);
  const unit = (value: number, name: string, digits: number) =>
    nf({ style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  const dated = (iso: string, o: Intl.DateTimeFormatOptions) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { ...o, timeZone }).format(d);
  };
  return {
    locale,
    lang: locale,
    dir: RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr',
    timeZone,
    t(key, params = {}) {
      const template = catalogue[key] ?? en[key] ?? key;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
    msg(message, fallback = '') {
      if (!message || !hasMessage(message.id)) return fallback || (message ? message.id : '');
      return formatMessage(message, locale, { timeZone });
    },
    number: (value, o) => nf(o).format(value),
    money(value, currency) {
      try {
        return nf({ style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
      } catch {
        return `${nf({ maximumFractionDigits: 0 }).format(value)} ${currency}`;
      }
    },
    percent: (value) => nf({ style: 'percent', maximumFractionDigits: 2 }).format(value / 100),
    ms: (value) => (Math.abs(value) >= 1000 ? unit(value / 1000, 'second', 1) : unit(value, 'millisecond', 0)),
    bytes: (value) => (Math.abs(value) >= 1e6 ? unit(value / 1e6, 'megabyte', 1) : unit(value / 1e3, 'kilobyte', 0)),
    date: (iso) => dated(iso, { dateStyle: 'medium', timeStyle: 'short' }),
    day: (iso) => dated(iso, { dateStyle: 'medium' }),
  };
}
