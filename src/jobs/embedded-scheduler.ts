// Embedded mode's cron: every tick, due schedules are advanced to their next slot and their audit queued.
// Advancing is guarded on the slot it fired for, so two processes on one file never queue a slot twice. A
// slot missed while the app was down fires once on start (like pg-boss's missed: 'once').
import type { Logger } from 'pino';
import type { Store } from '../store/index.ts';
import type { AuditQueue } from './queue.ts';
import { nextRunAt } from './schedule-plan.ts';
import { messageOf } from './errors.ts';

export async function fireDueSchedules(store: Store, queue: AuditQueue, logger: Logger, now: Date = new Date()): Promise<number> {
  let fired = 0;
  for (const schedule of await store.schedules.listDue(now)) {
    const next = nextRunAt(schedule.cron, schedule.timezone, now);
    if (!(await store.schedules.advance(schedule.id, schedule.nextRunAt, next, now))) continue;
    const shop = await store.shops.get(schedule.shop);
    const storeUrl = (schedule.options?.storeUrl as string | undefined) ?? shop?.storeUrl;
    if (shop?.uninstalledAt || !storeUrl) continue;
    try {
      const only = schedule.options?.only as Array<'load' | 'checkout' | 'links'> | undefined;
      const id = await queue.enqueue({ shop: schedule.shop, storeUrl, triggeredBy: 'schedule', ...(only ? { only } : {}) });
      if (id) fired += 1;
    } catch (error) {
      logger.error({ shop: schedule.shop, schedule: schedule.name, err: messageOf(error) }, 'could not queue a scheduled audit');
    }
  }
  return fired;
}

export function startEmbeddedScheduler(store: Store, queue: AuditQueue, logger: Logger, intervalMs = 30_000): () => void {
  const tick = () => {
    fireDueSchedules(store, queue, logger).catch((error: unknown) => logger.error({ err: messageOf(error) }, 'scheduler tick failed'));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
