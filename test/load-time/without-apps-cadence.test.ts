// Scheduled audits make the "without this app" runs weekly: on the shop's own weekday, once that day.
import { describe, expect, it } from 'vitest';
import { offPeakSlot } from '../../src/jobs/schedule-plan.ts';
import { measureWithoutAppsNow } from '../../src/jobs/without-apps-cadence.ts';

const shop = 'cadence-test.myshopify.com';
const weekday = offPeakSlot(shop).weekday;
/** A date in the week of 2026-11-01 (a Sunday) falling on `day` (0 = Sunday). */
const on = (day: number, hour = 3): Date => new Date(Date.UTC(2026, 10, 1 + day, hour));
const measured = (at: Date) => ({ startedAt: at.toISOString(), loadTime: { storeScore: 50, pages: [], withoutAppsCost: { apps: 3, extraRuns: 27, elapsedMs: 1, text: { id: 'apps.withoutAppsCost' } } } });
const plain = (at: Date) => ({ startedAt: at.toISOString(), loadTime: { storeScore: 50, pages: [] } });

describe('without-app runs in schedules', () => {
  it('run on the shop’s weekday and on no other day of a daily schedule', () => {
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => measureWithoutAppsNow(shop, on(d), plain(on(d - 1))));
    expect(days).toEqual([weekday]);
  });

  it('run once that day, even when an hourly schedule fires again', () => {
    expect(measureWithoutAppsNow(shop, on(weekday, 4), measured(on(weekday, 3)))).toBe(false);
    expect(measureWithoutAppsNow(shop, on(weekday, 3), null)).toBe(true);
  });

  it('make up a missed week', () => {
    const other = (weekday + 1) % 7;
    expect(measureWithoutAppsNow(shop, on(other + 7), measured(on(weekday - 7 + 0)))).toBe(true);
  });
});
