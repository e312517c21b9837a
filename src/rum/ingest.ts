// The ingestion service the server's beacon and pixel routes share: validated payloads become store rows,
// written in group-committed batches (BatchWriter), with the limits the routes enforce in one place.
import { randomBytes } from 'node:crypto';
import type { BeaconInput, FunnelEventInput, Store } from '../store/index.ts';
import { BatchWriter, type BatchWriterOptions } from './batch-writer.ts';
import { ingestKeyFor, isValidIngestKey } from './ingest-key.ts';
import type { BeaconPayload, PixelBatch } from './payloads.ts';

export interface RumLimits {
  /** Largest accepted request body. Default 16 KB (a real beacon is under 2 KB). */
  maxBodyBytes: number;
  /** Requests per shop per minute (beacons and pixel batches counted separately). Default 60,000. */
  perShopPerMinute: number;
  /** Requests per client address per minute. Default 600. */
  perAddressPerMinute: number;
}

export const DEFAULT_RUM_LIMITS: RumLimits = { maxBodyBytes: 16 * 1024, perShopPerMinute: 60_000, perAddressPerMinute: 600 };

export interface RumIngestOptions {
  /** Secret the per-shop pixel ingest keys derive from (the app's API secret). Random per process when omitted. */
  keySecret?: string;
  limits?: Partial<RumLimits>;
  batch?: BatchWriterOptions;
  /** Clock for received-at times (tests). */
  now?: () => Date;
}

export interface RumIngest {
  limits: RumLimits;
  /** Stores one beacon's metrics; resolves after commit. Rejects with IngestOverloadError when full. */
  acceptBeacon(shop: string, beacon: BeaconPayload): Promise<number>;
  acceptPixelBatch(shop: string, batch: PixelBatch): Promise<number>;
  ingestKeyFor(shop: string): string;
  isValidIngestKey(shop: string, key: string): boolean;
  /** Rows committed since start. */
  stored(): { beacons: number; events: number };
  /** Refuses new data and writes everything accepted (call before closing the store). */
  close(): Promise<void>;
}

export function beaconRows(shop: string, beacon: BeaconPayload, receivedAt: Date): BeaconInput[] {
  return beacon.m.map((m) => ({
    shop, occurredAt: receivedAt, clientId: beacon.cid ?? null, pageViewId: beacon.pv, template: beacon.t, device: beacon.d,
    navType: beacon.n ?? null, metric: m.n, value: m.v, rating: m.r ?? null, target: m.e ?? null, urlPath: beacon.p ?? null,
    synthetic: beacon.s ?? false,
  }));
}

export function eventRows(shop: string, batch: PixelBatch): FunnelEventInput[] {
  return batch.events.map((e) => ({
    shop, occurredAt: e.ts, clientId: e.clientId, eventId: e.id, event: e.name, template: e.t ?? null, urlPath: e.p ?? null,
    value: e.value ?? null, currency: e.currency ?? null, synthetic: batch.s ?? false,
  }));
}

export function createRumIngest(store: Store, options: RumIngestOptions = {}): RumIngest {
  const secret = options.keySecret ?? randomBytes(32).toString('hex');
  const now = options.now ?? (() => new Date());
  // PostgreSQL commits on several pool connections at once; SQLite's one connection writes one batch at a time.
  const batch: BatchWriterOptions = { writers: store.backend === 'postgres' ? 3 : 1, ...options.batch };
  const beacons = new BatchWriter<BeaconInput>((rows) => store.rum.insertBeacons(rows), batch);
  const events = new BatchWriter<FunnelEventInput>((rows) => store.rum.insertFunnelEvents(rows), batch);
  return {
    limits: { ...DEFAULT_RUM_LIMITS, ...options.limits },
    async acceptBeacon(shop, beacon) {
      const rows = beaconRows(shop, beacon, now());
      await beacons.submit(rows);
      return rows.length;
    },
    async acceptPixelBatch(shop, batch) {
      const rows = eventRows(shop, batch);
      await events.submit(rows);
      return rows.length;
    },
    ingestKeyFor: (shop) => ingestKeyFor(secret, shop),
    isValidIngestKey: (shop, key) => isValidIngestKey(secret, shop, key),
    stored: () => ({ beacons: beacons.stored, events: events.stored }),
    async close() {
      await Promise.all([beacons.close(), events.close()]);
    },
  };
}
