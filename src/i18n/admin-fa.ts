import type { AdminCatalogue } from './admin.ts';
export const ADMIN_FA: AdminCatalogue = {};
