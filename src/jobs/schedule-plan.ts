// When a shop's audits run. Every shop gets a daily audit at an off-peak minute of its own time zone, chosen
// by a hash of the shop so the choice is stable across restarts and machines, and 10,000 shops spread over
// the whole off-peak window instead of all firing at 00:00. Cron text is parsed by cron-parser, never by hand.
import { createHash } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';

/** Off-peak window in the shop's local time: 01:00–05:59, when storefront traffic is lowest. */
export const OFF_PEAK_START_HOUR = 1;
export const OFF_PEAK_HOURS = 5;
/** A schedule may not fire more often than this: audits are heavy and per-run numbers need time to settle. */
export const MIN_INTERVAL_MINUTES = 60;

export type Every = 'daily' | 'weekly' | string;

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

function shopHash(shop: string): number {
  return createHash('sha256').update(shop).digest().readUInt32BE(0);
}

/** The shop's off-peak slot: minute and hour (local time), and a weekday for weekly schedules. */
export function offPeakSlot(shop: string): { minute: number; hour: number; weekday: number } {
  const hash = shopHash(shop);
  const offset = hash % (OFF_PEAK_HOURS * 60);
  return {
    minute: offset % 60,
    hour: OFF_PEAK_START_HOUR + Math.floor(offset / 60),
    weekday: Math.floor(hash / (OFF_PEAK_HOURS * 60)) % 7,
  };
}

const knownZones = new Set<string>();

export function assertTimeZone(timezone: string): string {
  if (knownZones.has(timezone)) return timezone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    knownZones.add(timezone);
    return timezone;
  } catch {
    throw new ScheduleError(`unknown time zone "${timezone}": use an IANA name such as Europe/Berlin or America/New_York`);
  }
}

/** Turns `daily`, `weekly` or a 5-field cron expression into the cron to store, validated. */
export function cronFor(every: Every, shop: string, timezone = 'UTC'): string {
  assertTimeZone(timezone);
  const slot = offPeakSlot(shop);
  const value = every.trim();
  if (value === 'daily') return `${slot.minute} ${slot.hour} * * *`;
  if (value === 'weekly') return `${slot.minute} ${slot.hour} * * ${slot.weekday}`;
  const fields = value.split(/\s+/);
  if (fields.length !== 5) {
    throw new ScheduleError(`"${every}" is not daily, weekly or a 5-field cron expression (minute hour day month weekday)`);
  }
  let occurrences: Date[];
  try {
    const parsed = CronExpressionParser.parse(value, { tz: timezone, currentDate: new Date() });
    occurrences = [parsed.next().toDate(), parsed.next().toDate(), parsed.next().toDate()];
  } catch (error) {
    throw new ScheduleError(`invalid cron expression "${every}": ${(error as Error).message}`);
  }
  for (let i = 1; i < occurrences.length; i++) {
    const gap = (occurrences[i] as Date).getTime() - (occurrences[i - 1] as Date).getTime();
    if (gap < MIN_INTERVAL_MINUTES * 60_000) {
      throw new ScheduleError(`"${every}" runs more often than every ${MIN_INTERVAL_MINUTES} minutes; audits are too heavy for that`);
    }
  }
  return value;
}

/** The next time `cron` fires in `timezone` strictly after `from`. */
export function nextRunAt(cron: string, timezone: string, from: Date = new Date()): Date {
  return CronExpressionParser.parse(cron, { tz: timezone, currentDate: from }).next().toDate();
}
