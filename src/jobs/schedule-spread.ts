// How evenly the default schedule spreads a population of shops: per local off-peak hour, per UTC hour of
// the day, and per minute. Used by the tests and `npm run bench:workers` (10,000 shops).
import { cronFor, nextRunAt } from './schedule-plan.ts';

export interface SpreadFigures {
  shops: number;
  /** Busiest local hour of the off-peak window over the average of the window's hours. */
  maxHourOverAverage: number;
  /** Busiest UTC hour over the average of all 24 (meaningful for a mix of time zones). */
  maxUtcHourOverAverage: number;
  maxPerMinute: number;
  localHours: number[];
}

export function planSpread(shops: Array<{ shop: string; timezone: string }>, day = new Date('2026-03-02T00:00:00Z')): SpreadFigures {
  const localHourCounts = new Map<number, number>();
  const utcHours = new Array<number>(24).fill(0);
  const minutes = new Map<string, number>();
  // Many shops share a slot; cron-parser's time-zone walk is the slow part, so each slot is resolved once.
  const resolved = new Map<string, Date>();
  for (const { shop, timezone } of shops) {
    const cron = cronFor('daily', shop, timezone);
    const hour = Number(cron.split(' ')[1]);
    localHourCounts.set(hour, (localHourCounts.get(hour) ?? 0) + 1);
    const slot = `${timezone}|${cron}`;
    const at = resolved.get(slot) ?? nextRunAt(cron, timezone, day);
    resolved.set(slot, at);
    utcHours[at.getUTCHours()] = (utcHours[at.getUTCHours()] ?? 0) + 1;
    const key = `${at.getUTCHours()}:${at.getUTCMinutes()}`;
    minutes.set(key, (minutes.get(key) ?? 0) + 1);
  }
  const local = [...localHourCounts.values()];
  const localAverage = shops.length / Math.max(1, local.length);
  return {
    shops: shops.length,
    maxHourOverAverage: Math.max(...local) / localAverage,
    maxUtcHourOverAverage: Math.max(...utcHours) / (shops.length / 24),
    maxPerMinute: Math.max(...minutes.values()),
    localHours: [...localHourCounts.keys()].sort((a, b) => a - b),
  };
}
