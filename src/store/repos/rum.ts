// Real-user data: Web Vitals beacons and funnel events, written in bulk (Db.insertMany: one unnest() statement
// on PostgreSQL, multi-row INSERTs in one transaction on SQLite; either way an acknowledged batch is stored
// entirely or not at all), and daily p75 aggregates per template × device × metric.
import type { BulkColumn, Db } from '../db/types.ts';
import { StoreError } from '../errors.ts';
import { chunkRows, nowIso, requireShop, toBool, toIso, valuesList } from './values.ts';

export const RUM_METRICS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
export type RumMetric = (typeof RUM_METRICS)[number];

/** Core Web Vitals thresholds (good ≤ first, poor > second), as web.dev defines them. */
export const RUM_THRESHOLDS: Record<RumMetric, [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

export interface BeaconInput {
  shop: string;
  occurredAt: Date | string;
  clientId?: string | null;
  pageViewId?: string | null;
  template: string;
  device: string;
  navType?: string | null;
  metric: RumMetric;
  value: number;
  rating?: string | null;
  /** LCP element or INP interaction target selector. */
  target?: string | null;
  urlPath?: string | null;
  synthetic?: boolean;
}

export interface FunnelEventInput {
  shop: string;
  occurredAt: Date | string;
  clientId: string;
  /** The pixel's event id; a re-sent event with the same id is stored once. */
  eventId?: string | null;
  event: string;
  template?: string | null;
  urlPath?: string | null;
  value?: number | null;
  currency?: string | null;
  synthetic?: boolean;
}

export interface RumDailyRecord {
  shop: string;
  day: string;
  template: string;
  device: string;
  metric: RumMetric;
  samples: number;
  syntheticSamples: number;
  p75: number;
  good: number;
  needsImprovement: number;
  poor: number;
}

const columns = (spec: string): BulkColumn[] =>
  spec.split(' ').map((pair) => {
    const [name, pgType] = pair.split(':') as [string, BulkColumn['pgType']];
    return { name, pgType };
  });
const BEACON_COLUMNS = columns('shop:text day:text occurred_at:timestamptz client_id:text page_view_id:text template:text device:text nav_type:text metric:text value:float8 rating:text target:text url_path:text synthetic:bool');
const EVENT_COLUMNS = columns('shop:text day:text occurred_at:timestamptz client_id:text event_id:text event:text template:text url_path:text value:float8 currency:text synthetic:bool');

function beaconValues(b: BeaconInput): Array<string | number | boolean | null> {
  if (!RUM_METRICS.includes(b.metric)) throw new StoreError('invalid-input', `unknown RUM metric ${JSON.stringify(b.metric)}`);
  if (!Number.isFinite(b.value)) throw new StoreError('invalid-input', `RUM value for ${b.metric} is not a finite number`);
  const at = toIso(b.occurredAt);
  return [requireShop(b.shop), at.slice(0, 10), at, b.clientId ?? null, b.pageViewId ?? null, b.template, b.device, b.navType ?? null,
    b.metric, b.value, b.rating ?? null, b.target ?? null, b.urlPath ?? null, b.synthetic ?? false];
}

function eventValues(e: FunnelEventInput): Array<string | number | boolean | null> {
  const at = toIso(e.occurredAt);
  return [requireShop(e.shop), at.slice(0, 10), at, e.clientId, e.eventId ?? null, e.event, e.template ?? null, e.urlPath ?? null,
    e.value ?? null, e.currency ?? null, e.synthetic ?? false];
}

function percentile75(sorted: number[]): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.75) - 1)] as number;
}

export function rumRepository(db: Db) {
  return {
    /** Validates every row first, then stores the whole batch in one transaction. Returns rows stored. */
    insertBeacons: async (beacons: BeaconInput[]): Promise<number> => db.insertMany('rum_beacons', BEACON_COLUMNS, beacons.map(beaconValues)),
    /** Like insertBeacons; events whose (shop, eventId) was stored before are skipped and not counted. */
    insertFunnelEvents: async (events: FunnelEventInput[]): Promise<number> =>
      db.insertMany('funnel_events', EVENT_COLUMNS, events.map(eventValues), { ignoreConflicts: true }),

    async countBeacons(shop: string, day?: string): Promise<number> {
      const row = day
        ? await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM rum_beacons WHERE shop = ? AND day = ?', [shop, day])
        : await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM rum_beacons WHERE shop = ?', [shop]);
      return Number(row?.n ?? 0);
    },
    async countFunnelEvents(shop: string, day?: string): Promise<number> {
      const row = day
        ? await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM funnel_events WHERE shop = ? AND day = ?', [shop, day])
        : await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM funnel_events WHERE shop = ?', [shop]);
      return Number(row?.n ?? 0);
    },

    /** Recomputes one shop's aggregates for one UTC day (YYYY-MM-DD) from its beacons. Idempotent. */
    async rollupDay(shop: string, day: string): Promise<RumDailyRecord[]> {
      const rows = await db.all<{ template: string; device: string; metric: RumMetric; value: number; synthetic: unknown }>(
        'SELECT template, device, metric, value, synthetic FROM rum_beacons WHERE shop = ? AND day = ?',
        [shop, day],
      );
      const groups = new Map<string, { values: number[]; synthetic: number; template: string; device: string; metric: RumMetric }>();
      for (const row of rows) {
        const key = `${row.template}\u0000${row.device}\u0000${row.metric}`;
        const group = groups.get(key) ?? { values: [], synthetic: 0, template: row.template, device: row.device, metric: row.metric };
        group.values.push(Number(row.value));
        if (toBool(row.synthetic)) group.synthetic++;
        groups.set(key, group);
      }
      const records: RumDailyRecord[] = [...groups.values()].map((g) => {
        const sorted = g.values.sort((a, b) => a - b);
        const [good, poor] = RUM_THRESHOLDS[g.metric] ?? [Infinity, Infinity];
        const goodCount = sorted.filter((v) => v <= good).length;
        const poorCount = sorted.filter((v) => v > poor).length;
        return { shop, day, template: g.template, device: g.device, metric: g.metric, samples: sorted.length, syntheticSamples: g.synthetic,
          p75: percentile75(sorted), good: goodCount, needsImprovement: sorted.length - goodCount - poorCount, poor: poorCount };
      });
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM rum_daily WHERE shop = ? AND day = ?', [shop, day]);
        const now = nowIso();
        for (const chunk of chunkRows(records, 12, db.dialect.maxParams, 500)) {
          await tx.run(
            `INSERT INTO rum_daily (shop, day, template, device, metric, samples, synthetic_samples, p75, good, needs_improvement, poor, updated_at)
             VALUES ${valuesList(chunk.length, 12)}`,
            chunk.flatMap((r) => [r.shop, r.day, r.template, r.device, r.metric, r.samples, r.syntheticSamples, r.p75, r.good, r.needsImprovement, r.poor, now]),
          );
        }
      });
      return records;
    },

    /** Daily aggregates between two UTC days, inclusive. */
    async daily(shop: string, range: { from: string; to: string }): Promise<RumDailyRecord[]> {
      const rows = await db.all<Record<string, unknown>>(
        'SELECT * FROM rum_daily WHERE shop = ? AND day >= ? AND day <= ? ORDER BY day, template, device, metric',
        [shop, range.from, range.to],
      );
      return rows.map((r) => ({
        shop: String(r.shop), day: String(r.day), template: String(r.template), device: String(r.device), metric: r.metric as RumMetric,
        samples: Number(r.samples), syntheticSamples: Number(r.synthetic_samples), p75: Number(r.p75), good: Number(r.good),
        needsImprovement: Number(r.needs_improvement), poor: Number(r.poor),
      }));
    },

    /** Retention: drops raw beacons and events older than `day` (aggregates stay). */
    async deleteRawBefore(day: string): Promise<number> {
      return db.transaction(async (tx) => {
        const a = await tx.run('DELETE FROM rum_beacons WHERE day < ?', [day]);
        const b = await tx.run('DELETE FROM funnel_events WHERE day < ?', [day]);
        return a.changes + b.changes;
      });
    },
  };
}

export type RumRepository = ReturnType<typeof rumRepository>;
