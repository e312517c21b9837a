// Schedules as the API and the CLI see them: add or change (`daily`, `weekly` or cron), list, remove, the
// default schedule every installed shop gets, and stopping a shop at once on uninstall. The schedules table
// is the record in both modes; in scale-out mode each schedule is also registered with pg-boss's cron.
import type { ScheduleRecord, Store } from '../store/index.ts';
import type { AuditJobInput } from './audit-job.ts';
import type { AuditQueue } from './queue.ts';
import { assertTimeZone, cronFor, nextRunAt, ScheduleError, type Every } from './schedule-plan.ts';

export interface SchedulesDeps {
  store: Store;
  queue: AuditQueue;
}

export interface ScheduleChange {
  shop: string;
  every: Every;
  /** Several schedules per shop are allowed; 'default' is the one every shop gets. */
  name?: string;
  /** Defaults to the shop's time zone, else UTC. */
  timezone?: string;
  /** Defaults to the shop's store URL. */
  storeUrl?: string;
  only?: AuditJobInput['only'];
  enabled?: boolean;
}

export interface ScheduleView extends ScheduleRecord {
  every: string;
  storeUrl: string | null;
}

function view(record: ScheduleRecord): ScheduleView {
  const options = record.options ?? {};
  return { ...record, every: String(options.every ?? record.cron), storeUrl: (options.storeUrl as string | undefined) ?? null };
}

export async function setSchedule(deps: SchedulesDeps, change: ScheduleChange): Promise<ScheduleView> {
  const { store, queue } = deps;
  const shop = await store.shops.get(change.shop);
  if (shop?.uninstalledAt) throw new ScheduleError(`shop ${change.shop} is uninstalled; it cannot be scheduled`);
  const timezone = assertTimeZone(change.timezone ?? shop?.timezone ?? 'UTC');
  const storeUrl = change.storeUrl ?? shop?.storeUrl ?? (shop?.primaryDomain ? `https://${shop.primaryDomain}/` : null);
  if (!storeUrl) throw new ScheduleError(`no store URL known for ${change.shop}: pass one`);
  try {
    new URL(storeUrl);
  } catch {
    throw new ScheduleError(`not a URL: ${storeUrl}`);
  }
  const cron = cronFor(change.every, change.shop, timezone);
  const name = change.name ?? 'default';
  const enabled = change.enabled ?? true;
  const record = await store.schedules.upsert({
    shop: change.shop,
    name,
    cron,
    timezone,
    enabled,
    options: { every: change.every.trim(), storeUrl, ...(change.only ? { only: change.only } : {}) },
    nextRunAt: enabled ? nextRunAt(cron, timezone) : null,
  });
  const job: AuditJobInput = { shop: change.shop, storeUrl, triggeredBy: 'schedule', ...(change.only ? { only: change.only } : {}) };
  if (enabled) await queue.applySchedule({ shop: change.shop, name, cron, timezone, job });
  else await queue.removeSchedule(change.shop, name);
  return view(record);
}

export async function listSchedules(deps: SchedulesDeps, shop?: string): Promise<ScheduleView[]> {
  const records = shop ? await deps.store.schedules.list(shop) : await deps.store.schedules.listAll();
  return records.map(view);
}

export async function removeSchedule(deps: SchedulesDeps, shop: string, name = 'default'): Promise<boolean> {
  await deps.queue.removeSchedule(shop, name);
  return deps.store.schedules.remove(shop, name);
}

/** Gives a newly installed shop its daily off-peak audit, unless it already has a default schedule. */
export async function ensureDefaultSchedule(
  deps: SchedulesDeps,
  shop: string,
  opts: { timezone?: string | null; storeUrl?: string } = {},
): Promise<ScheduleView> {
  const existing = await deps.store.schedules.get(shop, 'default');
  if (existing?.enabled) return view(existing);
  return setSchedule(deps, { shop, every: 'daily', timezone: opts.timezone ?? undefined, storeUrl: opts.storeUrl });
}

/**
 * Uninstall: every schedule of the shop is disabled and unregistered, and its queued jobs are cancelled,
 * at once. A job that starts later for the shop is skipped; one already running finishes its run but sends
 * no alert.
 */
export async function stopShop(deps: SchedulesDeps, shop: string): Promise<{ schedules: number; cancelledJobs: number }> {
  const schedules = await deps.store.schedules.list(shop);
  for (const schedule of schedules) await deps.queue.removeSchedule(shop, schedule.name);
  const disabled = await deps.store.schedules.setEnabled(shop, false);
  const cancelledJobs = await deps.queue.cancelShop(shop);
  return { schedules: disabled, cancelledJobs };
}
