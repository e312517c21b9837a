// Per-session views of real-user data for the analysis layer: what each anonymous browsing session (one
// Shopify client id) saw (its landing LCP) and did (page views, checkout, order), and how many sessions
// reached each funnel step. The analysis itself (buckets, slopes, intervals) lives in src/rum/.
import type { Db } from '../db/types.ts';
import { toBool } from './values.ts';

export interface DayRange {
  /** First UTC day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last UTC day, YYYY-MM-DD, inclusive. */
  to: string;
}

export interface SessionOutcome {
  clientId: string;
  /** LCP of the session's first measured page, or null when no LCP beacon arrived. */
  landingLcpMs: number | null;
  pageViews: number;
  reachedCheckout: boolean;
  converted: boolean;
  synthetic: boolean;
}

export function rumSessionsRepository(db: Db) {
  return {
    async sessionOutcomes(shop: string, range: DayRange): Promise<SessionOutcome[]> {
      const events = await db.all<Record<string, unknown>>(
        `SELECT client_id,
           SUM(CASE WHEN event = 'page_viewed' THEN 1 ELSE 0 END) AS page_views,
           MAX(CASE WHEN event = 'checkout_started' THEN 1 ELSE 0 END) AS reached_checkout,
           MAX(CASE WHEN event = 'checkout_completed' THEN 1 ELSE 0 END) AS converted,
           MAX(CASE WHEN synthetic THEN 1 ELSE 0 END) AS synthetic
         FROM funnel_events WHERE shop = ? AND day >= ? AND day <= ? GROUP BY client_id`,
        [shop, range.from, range.to],
      );
      const lcps = await db.all<{ client_id: string; value: number }>(
        `SELECT client_id, value FROM rum_beacons
         WHERE shop = ? AND day >= ? AND day <= ? AND metric = 'LCP' AND client_id IS NOT NULL ORDER BY client_id, occurred_at, id`,
        [shop, range.from, range.to],
      );
      const landing = new Map<string, number>();
      for (const row of lcps) if (!landing.has(row.client_id)) landing.set(row.client_id, Number(row.value));
      return events.map((row) => ({
        clientId: String(row.client_id),
        landingLcpMs: landing.get(String(row.client_id)) ?? null,
        pageViews: Number(row.page_views),
        reachedCheckout: toBool(Number(row.reached_checkout)),
        converted: toBool(Number(row.converted)),
        synthetic: toBool(Number(row.synthetic)),
      }));
    },

    /** Distinct sessions per funnel event name, for drop-off per checkout step. */
    async funnelCounts(shop: string, range: DayRange): Promise<Record<string, number>> {
      const rows = await db.all<{ event: string; sessions: number }>(
        'SELECT event, COUNT(DISTINCT client_id) AS sessions FROM funnel_events WHERE shop = ? AND day >= ? AND day <= ? GROUP BY event',
        [shop, range.from, range.to],
      );
      return Object.fromEntries(rows.map((r) => [r.event, Number(r.sessions)]));
    },
  };
}

export type RumSessionsRepository = ReturnType<typeof rumSessionsRepository>;
