// The admin API under /api. Every router here sits behind requireShopSession, so handlers get the shop with
// shopOf(res) and never from the request. To add an area: create routes/<area>.ts exporting
// `<area>Routes(ctx: ServerContext): Router` with paths relative to /api, and list it below.
import { Router } from 'express';
import type { ServerContext } from '../deps.ts';
import { adminAlertsRoutes } from './admin-alerts.ts';
import { adminCheckoutRoutes } from './admin-checkout.ts';
import { adminFixesRoutes } from './admin-fixes.ts';
import { adminLinksRoutes } from './admin-links.ts';
import { adminOverviewRoutes } from './admin-overview.ts';
import { adminPagesRoutes } from './admin-pages.ts';
import { adminReportRoutes } from './admin-report.ts';
import { adminRunsRoutes } from './admin-runs.ts';
import { adminSettingsRoutes } from './admin-settings.ts';
import { auditRequestRoutes } from './audit-requests.ts';
import { shopRoutes } from './shop.ts';

export function apiRoutes(ctx: ServerContext): Router[] {
  return [
    shopRoutes(ctx),
    auditRequestRoutes(ctx),
    adminOverviewRoutes(ctx),
    adminRunsRoutes(ctx),
    adminReportRoutes(ctx),
    adminFixesRoutes(ctx),
    adminPagesRoutes(ctx),
    adminCheckoutRoutes(ctx),
    adminLinksRoutes(ctx),
    adminSettingsRoutes(ctx),
    adminAlertsRoutes(ctx),
    // runsRoutes(ctx), fixesRoutes(ctx), settingsRoutes(ctx), schedulesRoutes(ctx), rumRoutes(ctx) ...
  ];
}
