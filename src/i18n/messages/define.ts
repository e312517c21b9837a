// A namespace's catalogue: the English strings (declared beside the code that emits them) plus every other
// shipped language, typed complete against the English keys, so a missing translation fails `tsc`.
import type { UiStrings } from '../../report/message.ts';

export const LOCALES = ['en', 'zh-CN', 'he', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];
export type Translations<S extends UiStrings> = { readonly [K in keyof S]: string };

export interface Catalogue {
  namespace: string;
  strings: Record<Locale, Readonly<Record<string, string>>>;
}

export function defineCatalogue<S extends UiStrings>(
  namespace: string,
  en: S,
  others: Record<Exclude<Locale, 'en'>, Translations<S>>,
): Catalogue {
  return { namespace, strings: { en, ...others } };
}
