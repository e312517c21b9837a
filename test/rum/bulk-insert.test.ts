// The bulk write path real-user data takes (issue #16, item 12): Db.insertMany is one unnest() statement on
// PostgreSQL and chunked multi-row INSERTs on SQLite. These tests pin what the faster form must not change:
// text comes back exactly as sent (array literals have their own quoting), duplicates inside one batch are
// stored once, a batch is all or nothing, and with several writes in flight a bad row is still refused alone
// while rows stored equal rows acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriter, RowRefusedError } from '../../src/rum/batch-writer.ts';
import type { BeaconInput, Store } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from '../store/backends.ts';

describe.each(BACKENDS)('bulk RUM inserts on %s', (name, makeBackend) => {
  const SHOP = 'bulk.myshopify.com';
  let backend: TestBackend;
  let store: Store;
  const beacon = (over: Partial<BeaconInput> = {}): BeaconInput => ({
    shop: SHOP, occurredAt: '2026-11-22T10:00:00.123Z', template: 'product', device: 'mobile', metric: 'LCP', value: 2100, ...over,
  });

  beforeAll(async () => {
    backend = makeBackend();
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend?.cleanup();
  });

  it('stores awkward text exactly as sent: quotes, backslashes, braces, commas, "NULL", empty, non-ASCII', async () => {
    const awkward = ['a"b', 'back\\slash', '{x,y}', 'NULL', '', ' padded ', 'tab\there', 'line\nbreak', 'שלום 商店 ✓', 'é\u0301', '"\\"'];
    const rows = awkward.map((text, i) => beacon({ pageViewId: `pv-awk-${i}`, target: text, urlPath: `/p/${text}`, clientId: i % 2 ? null : text }));
    expect(await store.rum.insertBeacons(rows)).toBe(awkward.length);
    const back = await store.db.all<{ page_view_id: string; target: string; url_path: string; client_id: string | null; occurred_at: string; value: number; synthetic: unknown }>(
      "SELECT page_view_id, target, url_path, client_id, occurred_at, value, synthetic FROM rum_beacons WHERE page_view_id LIKE 'pv-awk-%' ORDER BY id",
    );
    expect(back.map((r) => r.target)).toEqual(awkward);
    expect(back.map((r) => r.url_path)).toEqual(awkward.map((t) => `/p/${t}`));
    expect(back.map((r) => r.client_id)).toEqual(awkward.map((t, i) => (i % 2 ? null : t)));
    expect(back[0]).toMatchObject({ occurred_at: '2026-11-22T10:00:00.123Z', value: 2100 });
    expect(Boolean(back[0]?.synthetic)).toBe(false);
  });

  it('stores an event id repeated inside one batch once, and counts what it stored', async () => {
    const event = { shop: SHOP, occurredAt: '2026-11-22T12:00:00Z', clientId: 'c1', event: 'page_viewed' };
    expect(await store.rum.insertFunnelEvents([{ ...event, eventId: 'dup' }, { ...event, eventId: 'dup' }, { ...event, eventId: 'other' }])).toBe(2);
    expect(await store.rum.countFunnelEvents(SHOP, '2026-11-22')).toBe(2);
  });

  it('stores 6,000 rows in one call, or none when the last one breaks a constraint', async () => {
    const before = await store.rum.countBeacons(SHOP);
    const many = Array.from({ length: 6_000 }, (_, i) => beacon({ pageViewId: `pv-many-${i}` }));
    expect(await store.rum.insertBeacons(many)).toBe(6_000);
    const poisoned = [...many, beacon({ device: null as unknown as string })];
    await expect(store.rum.insertBeacons(poisoned)).rejects.toThrow();
    expect(await store.rum.countBeacons(SHOP)).toBe(before + 6_000);
  });

  it('with several writes in flight, refuses only the bad submission and stores every acknowledged row', async () => {
    let inFlight = 0;
    let most = 0;
    const writer = new BatchWriter<BeaconInput>(
      async (rows) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          return await store.rum.insertBeacons(rows);
        } finally {
          inFlight--;
        }
      },
      { writers: 3, maxRows: 20, maxDelayMs: 1 },
    );
    const before = await store.rum.countBeacons(SHOP);
    // Past validation on purpose: a NOT NULL breach, which both engines refuse as data (400, not a retryable 503).
    const bad = beacon({ pageViewId: 'pv-bad', template: null as unknown as string });
    const submissions = Array.from({ length: 200 }, (_, i) => (i === 137 ? [bad] : [beacon({ pageViewId: `pv-w-${i}` }), beacon({ pageViewId: `pv-w-${i}`, metric: 'CLS', value: 0.01 })]));
    const results = await Promise.allSettled(submissions.map((rows) => writer.submit(rows)));
    await writer.close();
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(refused).toEqual([137]);
    expect((results[137] as PromiseRejectedResult).reason).toBeInstanceOf(RowRefusedError);
    expect(writer.stored).toBe(199 * 2);
    expect(await store.rum.countBeacons(SHOP)).toBe(before + 199 * 2);
    // SQLite's one connection queues the writes, but the writer still hands several over at once.
    expect(most, `${name}: writes in flight`).toBeGreaterThan(1);
  });
});
