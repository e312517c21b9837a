// A tiny translation lookup with Intl formatting. Catalogues are plain objects keyed like `en`; a missing key
// or locale falls back to English, so adding a language never breaks a report.
import { en, type MessageKey } from './en.ts';
import { FA } from './fa.ts';
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
  t(key: MessageKey, params?: Record<string, string | number>): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  money(value: number, currency: string): string;
  percent(value: number): string;
  ms(value: number): string;
  bytes(value: number): string;
  date(iso: string): string;
}

function canonical(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale ?? 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function createI18n(requested?: string): I18n {
  const locale = canonical(requested);
  const language = locale.split('-')[0] ?? 'en';
  const catalogue = CATALOGUES[locale] ?? CATALOGUES[language] ?? {};
  const nf = (options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);
  return {
    locale,
    lang: locale,
    dir: RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr',
    t(key, params = {}) {
      const template = catalogue[key] ?? en[key] ?? key;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
    number: (value, options) => nf(options).format(value),
    money(value, currency) {
      try {
        return nf({ style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
      } catch {
        return `${nf({ maximumFractionDigits: 0 }).format(value)} ${currency}`;
      }
    },
    percent: (value) => nf({ style: 'percent', maximumFractionDigits: 2 }).format(value / 100),
    ms: (value) => (value >= 1000 ? `${nf({ maximumFractionDigits: 1 }).format(value / 1000)} s` : `${nf({ maximumFractionDigits: 0 }).format(value)} ms`),
    bytes: (value) => (value >= 1e6 ? `${nf({ maximumFractionDigits: 1 }).format(value / 1e6)} MB` : `${nf({ maximumFractionDigits: 0 }).format(value / 1e3)} KB`),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d) + ' UTC';
    },
  };
}
