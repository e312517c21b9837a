// The UI's language: Shopify's `locale` parameter, else the browser's. Strings come from the admin catalogues
// (src/i18n/admin-*.ts, typed complete) and, for what the audits and the advisor say, from the message
// catalogues (src/i18n/messages) through `fmt().msg`. Dates are shown in the shop's time zone once the server
// has said which it is (`setTimeZone`).
import { createI18n, type I18n } from '../i18n/index.ts';
import { adminCatalogue, ADMIN_EN, type AdminKey } from '../i18n/admin.ts';

export const SUPPORTED = ['en', 'zh-CN', 'he', 'fa'] as const;

export function pickLocale(search: string, browser: readonly string[]): string {
  const requested = [new URLSearchParams(search).get('locale'), ...browser].filter((l): l is string => Boolean(l));
  for (const locale of requested) {
    const lang = locale.toLowerCase().split(/[-_]/)[0];
    if (lang === 'zh') return 'zh-CN';
    const hit = SUPPORTED.find((s) => s === lang);
    if (hit) return hit;
  }
  return 'en';
}

let current: I18n = createI18n('en');
let messages: Record<AdminKey, string> = ADMIN_EN;

export function setLocale(locale: string, timeZone?: string): I18n {
  current = createI18n(locale, { timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone });
  messages = adminCatalogue(locale);
  return current;
}

export function setTimeZone(timeZone: string | null | undefined): void {
  if (timeZone) current = createI18n(current.locale, { timeZone });
}

export function fmt(): I18n {
  return current;
}

export function t(key: AdminKey, params: Record<string, string | number> = {}): string {
  const template = messages[key] ?? ADMIN_EN[key] ?? key;
  // Numbers go through Intl, so a Persian reader sees Persian digits; strings come formatted already.
  const show = (value: string | number) => (typeof value === 'number' ? current.number(value) : value);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? show(params[name] as string | number) : whole));
}

export function money(value: number, currency: string): string {
  return current.money(value, currency);
}
