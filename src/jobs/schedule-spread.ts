// How evenly the default schedule spreads a population of shops: per local off-peak hour, per UTC hour of
// the day, and per minute. Used by the tests and `npm run bench:workers` (10,000 shops).
import { nextRunAt } from './schedule-plan.ts';
import { cronFor } from './schedule-plan.ts';

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
  for (const { shop, timezone } of shops) {
    const cron = cronFor('daily', shop, timezone);
    const [minute, hour] = cron.split(' ').map(Number) as [number, number];
    localHourCounts.set(hour, (localHourCounts.get(hour) ?? 0) + 1);
    const at = nextRunAt(cron, timezone, day);
    utcHours[at.getUTCHours()] = (utcHours[at.getUTCHours()] ?? 0) + 1;
    const key = `${at.getUTCHours()}:${at.getUTCMinutes()}`;
    minutes.set(key, (minutes.get(key) ?? 0) + 1);
    void minute;
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
