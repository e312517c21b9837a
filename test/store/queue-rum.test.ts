// Real-user data bulk writes and aggregates, the embedded job table, schedules and alert state, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeaconInput, Store } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from './backends.ts';

const SHOP = 'queue-rum.myshopify.com';

describe.each(BACKENDS)('queue, schedules, alerts and RUM on %s', (_name, makeBackend) => {
  let backend: TestBackend;
  let store: Store;

  beforeAll(async () => {
    backend = makeBackend();
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend?.cleanup();
  });

  it('bulk-inserts a large batch of beacons in one transaction and aggregates p75 per template × device', async () => {
    const beacons: BeaconInput[] = [];
    for (let i = 0; i < 5_000; i++) {
      beacons.push({
        shop: SHOP,
        occurredAt: new Date(Date.UTC(2026, 10, 20, 12, 0, i % 3600)),
        clientId: `c${i % 400}`,
        template: i % 2 ? 'product' : 'collection',
        device: 'mobile',
        metric: 'LCP',
        // product: 1..2500 ms in steps; collection: everything poor.
        value: i % 2 ? (i % 2500) + 1 : 5000 + i,
        synthetic: i % 10 === 0,
      });
    }
    expect(await store.rum.insertBeacons(beacons)).toBe(5_000);
    expect(await store.rum.countBeacons(SHOP, '2026-11-20')).toBe(5_000);
    const daily = await store.rum.rollupDay(SHOP, '2026-11-20');
    const product = daily.find((d) => d.template === 'product');
    const collection = daily.find((d) => d.template === 'collection');
    expect(product).toMatchObject({ samples: 2_500, good: 2_500, poor: 0, syntheticSamples: 0 });
    expect(collection).toMatchObject({ samples: 2_500, good: 0, poor: 2_500, syntheticSamples: 500 });
    const productValues = beacons.filter((b) => b.template === 'product').map((b) => b.value).sort((a, b) => a - b);
    expect(product?.p75).toBe(productValues[Math.ceil(2_500 * 0.75) - 1]);
    // Idempotent: rolling up again replaces, never doubles.
    await store.rum.rollupDay(SHOP, '2026-11-20');
    expect(await store.rum.daily(SHOP, { from: '2026-11-20', to: '2026-11-20' })).toHaveLength(2);
  });

  it('stores all of a batch or none of it when one row is invalid', async () => {
    const before = await store.rum.countBeacons(SHOP);
    const good: BeaconInput = { shop: SHOP, occurredAt: '2026-11-21T00:00:00Z', template: 'home', device: 'desktop', metric: 'CLS', value: 0.05 };
    await expect(store.rum.insertBeacons([good, { ...good, value: Number.NaN }])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.rum.insertBeacons([good, { ...good, metric: 'XYZ' as 'LCP' }])).rejects.toThrow(/unknown RUM metric/);
    await expect(store.rum.insertBeacons([good, { ...good, occurredAt: 'yesterday' }])).rejects.toThrow(/not a valid date/);
    // A batch larger than one statement whose last row breaks a NOT NULL constraint in the database: the
    // statements before it are rolled back too.
    const big = Array.from({ length: 2_500 }, () => good);
    big.push({ ...good, template: null as unknown as string });
    await expect(store.rum.insertBeacons(big)).rejects.toThrow();
    expect(await store.rum.countBeacons(SHOP)).toBe(before);
    expect(await store.rum.insertBeacons([])).toBe(0);
  });

  it('stores funnel events once per event id', async () => {
    const event = { shop: SHOP, occurredAt: '2026-11-20T12:00:00Z', clientId: 'c1', event: 'checkout_started' };
    expect(await store.rum.insertFunnelEvents([{ ...event, eventId: 'e1' }, { ...event, eventId: 'e2' }, { ...event }])).toBe(3);
    expect(await store.rum.insertFunnelEvents([{ ...event, eventId: 'e1' }, { ...event, eventId: 'e3' }])).toBe(1);
    expect(await store.rum.countFunnelEvents(SHOP, '2026-11-20')).toBe(4);
    expect(await store.rum.deleteRawBefore('2026-11-21')).toBeGreaterThanOrEqual(5_004);
    expect(await store.rum.daily(SHOP, { from: '2026-11-01', to: '2026-11-30' })).toHaveLength(2);
  });

  it('joins beacons and funnel events per session: landing LCP, page views, checkout, order', async () => {
    const shop = 'sessions.myshopify.com';
    const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, s));
    await store.rum.insertBeacons([
      { shop, occurredAt: at(1), clientId: 'fast', template: 'home', device: 'mobile', metric: 'LCP', value: 900 },
      { shop, occurredAt: at(9), clientId: 'fast', template: 'product', device: 'mobile', metric: 'LCP', value: 3000 },
      { shop, occurredAt: at(2), clientId: 'slow', template: 'product', device: 'mobile', metric: 'LCP', value: 4800 },
      { shop: 'other.myshopify.com', occurredAt: at(2), clientId: 'slow', template: 'home', device: 'mobile', metric: 'LCP', value: 100 },
    ]);
    const ev = (clientId: string, event: string, s: number) => ({ shop, occurredAt: at(s), clientId, event });
    await store.rum.insertFunnelEvents([
      ev('fast', 'page_viewed', 1), ev('fast', 'page_viewed', 9), ev('fast', 'checkout_started', 20), ev('fast', 'checkout_completed', 60),
      ev('slow', 'page_viewed', 2), ev('bouncer', 'page_viewed', 3),
    ]);
    const outcomes = await store.rumSessions.sessionOutcomes(shop, { from: '2026-11-22', to: '2026-11-22' });
    const byId = Object.fromEntries(outcomes.map((o) => [o.clientId, o]));
    expect(byId.fast).toEqual({ clientId: 'fast', landingLcpMs: 900, pageViews: 2, reachedCheckout: true, converted: true, synthetic: false });
    expect(byId.slow).toMatchObject({ landingLcpMs: 4800, pageViews: 1, converted: false });
    expect(byId.bouncer).toMatchObject({ landingLcpMs: null, pageViews: 1 });
    expect(await store.rumSessions.funnelCounts(shop, { from: '2026-11-22', to: '2026-11-22' })).toEqual({
      page_viewed: 3, checkout_started: 1, checkout_completed: 1,
    });
    expect(await store.rumSessions.sessionOutcomes(shop, { from: '2026-11-23', to: '2026-11-30' })).toEqual([]);
  });

  it('hands each job to one worker, keeps singletons single, retries and recovers expired leases', async () => {
    const job = await store.jobs.enqueue({ queue: 'audit', shop: SHOP, payload: { url: 'http://x/' }, singletonKey: `audit:${SHOP}`, maxAttempts: 2 });
    expect(job?.status).toBe('queued');
    expect(await store.jobs.enqueue({ queue: 'audit', shop: SHOP, payload: {}, singletonKey: `audit:${SHOP}` })).toBeNull();
    const claims = await Promise.all(['w1', 'w2', 'w3'].map((w) => store.jobs.claim('audit', w, 60_000)));
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    const claimed = winners[0]!;
    expect(claimed).toMatchObject({ id: job?.id, status: 'active', attempts: 1 });
    expect(await store.jobs.complete(claimed.id, 'someone-else')).toBe(false);
    expect(await store.jobs.fail(claimed.id, claimed.lockedBy!, 'Chrome hung', new Date(Date.now() - 1))).toBe('queued');

    // The worker dies holding the lease: recovery puts the job back, the last attempt then fails it.
    const second = await store.jobs.claim('audit', 'w4', -1);
    expect(second?.attempts).toBe(2);
    expect(await store.jobs.recoverExpired()).toEqual({ requeued: 0, failed: 1 });
    expect(await store.jobs.get(job!.id)).toMatchObject({ status: 'failed', lastError: 'lease expired after the last attempt' });
    // The singleton key is free again once the job is no longer queued or active.
    const again = await store.jobs.enqueue({ queue: 'audit', shop: SHOP, payload: {}, singletonKey: `audit:${SHOP}` });
    expect(again?.status).toBe('queued');
    const third = await store.jobs.claim('audit', 'w5', 60_000);
    expect(await store.jobs.heartbeat(third!.id, 'w5', 60_000)).toBe(true);
    expect(await store.jobs.complete(third!.id, 'w5', { runId: 7 })).toBe(true);
    expect((await store.jobs.get(third!.id))?.result).toEqual({ runId: 7 });
    expect(await store.jobs.counts('audit')).toMatchObject({ queued: 0, active: 0, completed: 1, failed: 1 });
  });

  it('does not start a second job for a shop that has one active, when asked', async () => {
    const a = await store.jobs.enqueue({ queue: 'audit', shop: 'one.myshopify.com', payload: 1 });
    await store.jobs.enqueue({ queue: 'audit', shop: 'one.myshopify.com', payload: 2 });
    const other = await store.jobs.enqueue({ queue: 'audit', shop: 'two.myshopify.com', payload: 3, runAt: new Date(Date.now() + 1) });
    const first = await store.jobs.claim('audit', 'w1', 60_000, { onePerShop: true });
    expect(first?.id).toBe(a?.id);
    const next = await store.jobs.claim('audit', 'w2', 60_000, { onePerShop: true, now: new Date(Date.now() + 10) });
    expect(next?.id).toBe(other?.id);
    expect(await store.jobs.claim('audit', 'w3', 60_000, { onePerShop: true, now: new Date(Date.now() + 10) })).toBeNull();
    expect(await store.jobs.cancelQueuedForShop('one.myshopify.com')).toBe(1);
  });

  it('finds due schedules and lets only one scheduler advance each', async () => {
    const s = await store.schedules.upsert({ shop: SHOP, cron: '0 3 * * *', timezone: 'Asia/Shanghai', nextRunAt: '2026-11-20T19:00:00Z', options: { only: ['links'] } });
    await store.schedules.upsert({ shop: 'later.myshopify.com', cron: '0 4 * * *', nextRunAt: '2026-11-22T04:00:00Z' });
    const due = await store.schedules.listDue('2026-11-21T00:00:00Z');
    expect(due.map((d) => d.shop)).toEqual([SHOP]);
    expect(due[0]).toMatchObject({ enabled: true, options: { only: ['links'] }, timezone: 'Asia/Shanghai' });
    const raced = await Promise.all([1, 2].map(() => store.schedules.advance(s.id, s.nextRunAt, '2026-11-21T19:00:00Z')));
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect((await store.schedules.get(SHOP))?.nextRunAt).toBe('2026-11-21T19:00:00.000Z');
    expect(await store.schedules.setEnabled(SHOP, false)).toBe(1);
    expect(await store.schedules.listDue('2027-01-01T00:00:00Z')).toHaveLength(1);
    expect(await store.schedules.remove(SHOP)).toBe(true);
    await expect(store.schedules.upsert({ shop: SHOP, cron: ' ' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('reports an alert as started once and recovered once', async () => {
    expect((await store.alerts.fire(SHOP, 'checkout', { details: { step: 'payment' }, runId: 1 })).started).toBe(true);
    await store.alerts.markNotified(SHOP, 'checkout');
    const again = await store.alerts.fire(SHOP, 'checkout', { runId: 2 });
    expect(again.started).toBe(false);
    expect(again.alert.lastNotifiedAt).not.toBeNull();
    expect(await store.alerts.resolve(SHOP, 'checkout', { runId: 3 })).toBe(true);
    expect(await store.alerts.resolve(SHOP, 'checkout')).toBe(false);
    expect((await store.alerts.fire(SHOP, 'checkout')).started).toBe(true);
    expect((await store.alerts.list(SHOP, { state: 'firing' })).map((a) => a.alertKey)).toEqual(['checkout']);
  });
});
