import type { AdminCatalogue } from './admin.ts';
export const ADMIN_HE: AdminCatalogue = {};
