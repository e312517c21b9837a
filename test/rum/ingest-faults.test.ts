// One bad beacon must not poison its batch on PostgreSQL (issue #16, item 11): a NUL in a path or selector is
// stripped at validation, and when the database refuses a batch anyway, its submissions are retried one by one
// so that only the bad one is refused (400) and every other is committed and acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowRefusedError } from '../../src/rum/batch-writer.ts';
import type { BeaconPayload } from '../../src/rum/payloads.ts';
import { postgresBackend } from '../store/backends.ts';
import { signedProxyQuery, startRumApp, type RumApp } from './app.ts';

const SHOP = 'nul.myshopify.com';
const backend = postgresBackend();
let app: RumApp;

const beacon = (pv: string, over: Partial<BeaconPayload> = {}): BeaconPayload => ({
  v: 1, cid: 'client-1', pv, t: 'product', d: 'mobile', p: '/products/a',
  m: [{ n: 'LCP', v: 2100, e: 'img.hero' }, { n: 'CLS', v: 0.02 }], ...over,
});
const postBeacon = (body: unknown) =>
  fetch(`${app.url}/apps/storefront-auditor/beacon?${signedProxyQuery(SHOP)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });

beforeAll(async () => {
  // A long group-commit window puts every request of a burst into one batch, as a busy store does.
  app = await startRumApp(backend, { limits: { perAddressPerMinute: 10_000 }, batch: { maxDelayMs: 50 } });
});
afterAll(async () => {
  await app?.close();
  await backend.cleanup();
});

describe('RUM ingest on PostgreSQL under bad rows', () => {
  it('stores 29 valid beacons and the NUL-bearing one beside them, NUL stripped, all acknowledged', async () => {
    const bad = beacon('pv-nul', { p: '/products/a\u0000b', m: [{ n: 'LCP', v: 1800, e: 'img\u0000.hero' }] });
    const answers = await Promise.all([...Array.from({ length: 29 }, (_, i) => postBeacon(beacon(`pv-${i}`))), postBeacon(bad)]);
    expect(answers.map((r) => r.status)).toEqual(Array(30).fill(204));
    expect(await app.store.rum.countBeacons(SHOP)).toBe(29 * 2 + 1);
    const row = await app.store.db.get<{ url_path: string; target: string }>('SELECT url_path, target FROM rum_beacons WHERE page_view_id = ?', ['pv-nul']);
    expect(row).toEqual({ url_path: '/products/ab', target: 'img.hero' });
  });

  it('when the database refuses one submission of a batch, only that one fails; the rest are stored', async () => {
    const before = await app.store.rum.countBeacons(SHOP);
    // Past validation (as a future field or another client might be): PostgreSQL refuses the NUL itself.
    const poisoned = beacon('pv-poison', { p: '/x\u0000y' });
    const results = await Promise.allSettled([
      ...Array.from({ length: 9 }, (_, i) => app.rum.acceptBeacon(SHOP, beacon(`pv-batch-${i}`))),
      app.rum.acceptBeacon(SHOP, poisoned),
    ]);
    expect(results.slice(0, 9).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[9]).toMatchObject({ status: 'rejected', reason: expect.any(RowRefusedError) });
    expect(await app.store.rum.countBeacons(SHOP)).toBe(before + 9 * 2);
    expect(app.rum.stored().beacons).toBe(before + 9 * 2);
  });
});
