// Every route an Express app answers, read from its router (Express 5 / router 2): nested routers are walked
// with their mount paths, so a route someone adds tomorrow is listed without anyone listing it. The schemas a
// route declared through validated() (src/server/validate.ts) come along.
import type { Express } from 'express';
import { ROUTE_SCHEMAS, type RouteSchemas } from '../../src/server/validate.ts';

export interface RouteEntry {
  method: string;
  /** The Express path pattern, mount prefixes included (`/api/admin/runs/:id/artifacts/{*path}`). */
  path: string;
  schemas: RouteSchemas | undefined;
}

interface LayerLike {
  rawPath?: unknown;
  slash?: boolean;
  handle?: { stack?: LayerLike[]; [ROUTE_SCHEMAS]?: RouteSchemas };
  route?: { path: string | string[]; methods: Record<string, boolean>; stack: LayerLike[] };
}

function joinPath(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/$/, '')}${path === '/' ? '' : path}`;
  return joined === '' ? '/' : joined;
}

export function routesOf(app: Express): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        const schemas = layer.route.stack.map((l) => l.handle?.[ROUTE_SCHEMAS]).find(Boolean);
        for (const path of paths) {
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
            routes.push({ method: method.toUpperCase(), path: joinPath(prefix, path), schemas });
          }
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
        walk(layer.handle.stack, joinPath(prefix, mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return routes;
}
