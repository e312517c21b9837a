// Shopify's own list of storefront changes that affect speed (Admin API `performanceEvents`, unstable, needs
// read_themes and read_reports): app installs and uninstalls, theme publications, live theme edits. Saved with
// the storefront signals so the jobs layer can name the likely cause of a confirmed regression (a change between
// the last good run and the regressed one). The API is unstable: any error, an unknown field, a refused scope
// or an odd shape reads as "not available", never as "no changes".
import type { StorefrontChange } from '../jobs/likely-causes.ts';
import { PERFORMANCE_EVENTS_QUERY } from './admin-queries.ts';
import { GraphqlQueryError } from './library.ts';

type Run = <T>(document: string, variables?: Record<string, unknown>) => Promise<T>;

export type PerformanceEvents = { available: true; changes: StorefrontChange[] } | { available: false; reason: string };

const KINDS: Record<string, StorefrontChange['kind']> = {
  APP_INSTALL: 'app-install',
  APP_UNINSTALL: 'app-uninstall',
  THEME_PUBLICATION: 'theme-publication',
  THEME_LIVE_EDIT: 'theme-live-edit',
};

/** Kept per shop: the newest this many (90 days of a busy shop's edits stays small). */
const MAX_CHANGES = 200;
const MAX_DAYS = 90;

/** A name for the change from the event's free-form metadata (an app's or theme's title), when it has one. */
function subjectOf(metadata: unknown): string | null {
  if (!metadata || typeof metadata !== 'object') return null;
  const m = metadata as Record<string, unknown>;
  for (const key of ['app_title', 'appTitle', 'app_name', 'appName', 'theme_name', 'themeName', 'title', 'name']) {
    const value = m[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 120);
  }
  return null;
}

export async function readPerformanceEvents(runUnstable: Run): Promise<PerformanceEvents> {
  let answer: { performanceEvents?: unknown };
  try {
    answer = await runUnstable(PERFORMANCE_EVENTS_QUERY, { maxDays: MAX_DAYS });
  } catch (error) {
    // GraphQL errors (unknown field on this version, ACCESS_DENIED) and HTTP faults of the unstable endpoint alike.
    return { available: false, reason: error instanceof GraphqlQueryError ? error.message : `performanceEvents: ${(error as Error).message}` };
  }
  if (!Array.isArray(answer?.performanceEvents)) return { available: false, reason: 'performanceEvents answered no list' };
  const changes: StorefrontChange[] = [];
  for (const raw of answer.performanceEvents as unknown[]) {
    const event = (raw ?? {}) as { type?: unknown; occurrence?: unknown; metadata?: unknown };
    // Own keys only: a type named like an Object method ("toString") is a type we do not know, not a kind.
    const type = String(event.type);
    const kind = Object.hasOwn(KINDS, type) ? KINDS[type] : undefined;
    const at = typeof event.occurrence === 'string' ? Date.parse(event.occurrence) : Number.NaN;
    // A type added later, or an unreadable time, is skipped rather than guessed at.
    if (!kind || !Number.isFinite(at)) continue;
    changes.push({ kind, at: new Date(at).toISOString(), subject: subjectOf(event.metadata), source: 'shopify' });
  }
  changes.sort((a, b) => a.at.localeCompare(b.at));
  return { available: true, changes: changes.slice(-MAX_CHANGES) };
}
