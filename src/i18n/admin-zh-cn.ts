import type { AdminCatalogue } from './admin.ts';
export const ADMIN_ZH_CN: AdminCatalogue = {};
