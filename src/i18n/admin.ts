// The admin UI's catalogues, one per shipped language, each typed complete against the English keys.
import { ADMIN_EN, type AdminKey } from './admin-en.ts';
import { ADMIN_FA } from './admin-fa.ts';
import { ADMIN_HE } from './admin-he.ts';
import { ADMIN_ZH_CN } from './admin-zh-cn.ts';

export { ADMIN_EN, type AdminKey };
export type AdminCatalogue = Record<AdminKey, string>;

const CATALOGUES: Record<string, AdminCatalogue> = { en: ADMIN_EN, 'zh-CN': ADMIN_ZH_CN, zh: ADMIN_ZH_CN, he: ADMIN_HE, fa: ADMIN_FA };

export function adminCatalogue(locale: string): AdminCatalogue {
  return CATALOGUES[locale] ?? CATALOGUES[locale.split('-')[0] ?? 'en'] ?? ADMIN_EN;
}
