// Scheduled audits measure apps by their absence once a week, not on every run: the "without this app" runs
// cost (top apps × weighed pages × runs) extra Lighthouse runs, and an app's cost changes with its releases,
// not daily. The week day is the shop's own off-peak weekday, so shops spread over the week.
import type { Report } from '../report/schema.ts';
import { offPeakSlot } from './schedule-plan.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * True on the shop's weekday (UTC), unless the previous report already measured them less than a day ago (an
 * hourly schedule fires 24 times that day). Also true when the latest report is itself a measurement over a
 * week old (a weekly schedule whose weekday was missed is made up on its next run).
 */
export function measureWithoutAppsNow(shop: string, now: Date, previous?: Pick<Report, 'startedAt' | 'loadTime'> | null): boolean {
  const lastMeasured = previous?.loadTime?.withoutAppsCost ? Date.parse(previous.startedAt) : null;
  if (lastMeasured !== null && now.getTime() - lastMeasured < DAY_MS) return false;
  if (now.getUTCDay() === offPeakSlot(shop).weekday) return true;
  return lastMeasured !== null && now.getTime() - lastMeasured > 7 * DAY_MS;
}
