// `storefront-audit schedule add <url> --every daily|weekly|"<cron>" [--tz Zone] [--only …] [--name n]`,
// `schedule list [--json]`, `schedule remove <shop|url> [--name n]`.
import type { AppConfig } from '../../config.ts';
import { UsageError } from '../../engine/errors.ts';
import { parseStoreUrl } from '../../engine/store-url.ts';
import { ScheduleError } from '../../jobs/schedule-plan.ts';
import { listSchedules, removeSchedule, setSchedule } from '../../jobs/schedules-api.ts';
import { parseOnlyList } from './enqueue.ts';
import { openJobsContext, shopOfUrl } from './jobs-context.ts';
import { t } from '../text.ts';

export interface ScheduleAddOptions {
  every: string;
  tz?: string;
  only?: string;
  name?: string;
  shop?: string;
  out?: NodeJS.WritableStream;
}

function asUsage(error: unknown): never {
  if (error instanceof ScheduleError) throw new UsageError(error.message);
  throw error;
}

export async function scheduleAddCommand(config: AppConfig, url: string, options: ScheduleAddOptions): Promise<number> {
  if (!options.every) throw new UsageError(t('error.everyMissing'));
  const storeUrl = parseStoreUrl(url).href;
  const only = parseOnlyList(options.only);
  const shop = options.shop ?? shopOfUrl(storeUrl);
  const ctx = await openJobsContext(config);
  try {
    await ctx.store.shops.upsert(shop, { storeUrl, ...(options.tz ? { timezone: options.tz } : {}) });
    const schedule = await setSchedule(ctx.jobs.schedules, { shop, every: options.every, timezone: options.tz, name: options.name, storeUrl, only }).catch(asUsage);
    (options.out ?? process.stdout).write(
      `${t('schedule.added', { shop: schedule.shop, name: schedule.name, every: schedule.every, cron: schedule.cron, timezone: schedule.timezone, next: String(schedule.nextRunAt) })}\n`,
    );
    return 0;
  } finally {
    await ctx.close({ graceful: false });
  }
}

export async function scheduleListCommand(config: AppConfig, options: { json?: boolean; shop?: string; out?: NodeJS.WritableStream } = {}): Promise<number> {
  const out = options.out ?? process.stdout;
  const ctx = await openJobsContext(config);
  try {
    const schedules = await listSchedules(ctx.jobs.schedules, options.shop);
    if (options.json) out.write(`${JSON.stringify(schedules, null, 2)}\n`);
    else if (schedules.length === 0) out.write(`${t('schedule.none')}\n`);
    else {
      for (const s of schedules) {
        out.write(`${s.shop}\t${s.name}\t${s.every}\t${s.cron}\t${s.timezone}\t${s.enabled ? t('schedule.next', { next: String(s.nextRunAt) }) : t('schedule.disabled')}\n`);
      }
    }
    return 0;
  } finally {
    await ctx.close({ graceful: false });
  }
}

export async function scheduleRemoveCommand(config: AppConfig, shopOrUrl: string, options: { name?: string; out?: NodeJS.WritableStream } = {}): Promise<number> {
  const shop = /^https?:\/\//i.test(shopOrUrl) ? shopOfUrl(shopOrUrl) : shopOrUrl;
  const ctx = await openJobsContext(config);
  try {
    const removed = await removeSchedule(ctx.jobs.schedules, shop, options.name ?? 'default');
    if (!removed) throw new UsageError(t('error.noSchedule', { name: options.name ?? 'default', shop }));
    (options.out ?? process.stdout).write(`${t('schedule.removed', { shop, name: options.name ?? 'default' })}\n`);
    return 0;
  } finally {
    await ctx.close({ graceful: false });
  }
}
