// Analysis on seeded real-user rows in a real SQLite store: p75 and CWV pass per template × device, bounce and
// conversion per LCP bucket, the speed-to-conversion slope with its interval, funnel drop-off, and the advisor
// switching from the literature to the store's own curve only when the sample supports it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/advisor/index.ts';
import { analyseRum, rumAdviceInputs } from '../../src/rum/advice-inputs.ts';
import type { BeaconInput, FunnelEventInput, Store } from '../../src/store/index.ts';
import { sqliteBackend } from '../store/backends.ts';

const DAY = '2026-11-20';
const RANGE = { from: DAY, to: DAY };
const backend = sqliteBackend();
let store: Store;

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sessions whose conversion falls 1 point per second of landing LCP: 8 % at 0.5 s, 2.5 % at 6 s (≈1.9 % relative per 100 ms). */
async function seedSessions(shop: string, count: number, seed: number): Promise<Array<{ lcp: number; converted: boolean; views: number }>> {
  const random = rng(seed);
  const beacons: BeaconInput[] = [];
  const events: FunnelEventInput[] = [];
  const truth = [];
  for (let i = 0; i < count; i++) {
    const lcp = 500 + random() * 5500;
    const converted = random() < 0.08 - 0.01 * (lcp / 1000 - 0.5);
    const views = converted || random() < 0.6 ? 2 : 1;
    const clientId = `${shop}-c${i}`;
    const at = `${DAY}T10:00:00.000Z`;
    beacons.push({ shop, occurredAt: at, clientId, pageViewId: `pv${i}`, template: 'product', device: 'mobile', metric: 'LCP', value: lcp });
    for (let v = 0; v < views; v++) events.push({ shop, occurredAt: at, clientId, eventId: `${clientId}-v${v}`, event: 'page_viewed' });
    if (converted) {
      events.push({ shop, occurredAt: at, clientId, eventId: `${clientId}-s`, event: 'checkout_started' });
      events.push({ shop, occurredAt: at, clientId, eventId: `${clientId}-c`, event: 'checkout_completed' });
    }
    truth.push({ lcp, converted, views });
  }
  await store.rum.insertBeacons(beacons);
  await store.rum.insertFunnelEvents(events);
  return truth;
}

let big: Awaited<ReturnType<typeof seedSessions>>;

beforeAll(async () => {
  store = await backend.open(backend.fresh());
  big = await seedSessions('big.myshopify.com', 4000, 1);
  await seedSessions('small.myshopify.com', 300, 2);
  const shop = 'p75.myshopify.com';
  const rows: BeaconInput[] = [];
  for (let i = 1; i <= 100; i++) {
    rows.push({ shop, occurredAt: `${DAY}T09:00:00Z`, template: 'collection', device: 'desktop', metric: 'LCP', value: i * 100 });
    rows.push({ shop, occurredAt: `${DAY}T09:00:00Z`, template: 'index', device: 'mobile', metric: 'LCP', value: 1000 + i });
    rows.push({ shop, occurredAt: `${DAY}T09:00:00Z`, template: 'index', device: 'mobile', metric: 'CLS', value: 0.01, synthetic: true });
  }
  await store.rum.insertBeacons(rows);
});
afterAll(async () => {
  await store?.close();
  await backend.cleanup();
});

describe('RUM analysis', () => {
  it('computes the daily p75 per template × device and Core Web Vitals pass/fail', async () => {
    const { daily, fieldLcpP75 } = await analyseRum(store, 'p75.myshopify.com', RANGE);
    const collection = daily.find((r) => r.template === 'collection');
    expect(collection).toMatchObject({ device: 'desktop', p75: { LCP: 7500 }, cwvPass: null });
    const index = daily.find((r) => r.template === 'index');
    expect(index).toMatchObject({ p75: { LCP: 1075, CLS: 0.01 }, cwvPass: true, syntheticSamples: 100 });
    expect(fieldLcpP75).toMatchObject({ home: 1075, 'home:mobile': 1075, collection: 7500 });
  });

  it('gives bounce and conversion per LCP bucket exactly as the sessions were seeded', async () => {
    const { buckets, sessions } = await analyseRum(store, 'big.myshopify.com', RANGE);
    expect(sessions).toBe(4000);
    const inBucket = (lo: number, hi: number) => big.filter((s) => s.lcp >= lo && s.lcp < hi);
    const fast = inBucket(0, 1000);
    const slow = inBucket(4000, Infinity);
    expect(buckets.map((b) => b.bucket)).toEqual(['<1s', '1-2s', '2-3s', '3-4s', '>4s']);
    expect(buckets[0]).toEqual({ bucket: '<1s', sessions: fast.length, bounceRate: fast.filter((s) => s.views === 1).length / fast.length,
      conversionRate: fast.filter((s) => s.converted).length / fast.length });
    expect(buckets[4]?.sessions).toBe(slow.length);
    expect(buckets[4]?.conversionRate).toBeLessThan(buckets[0]?.conversionRate as number);
  });

  it('estimates the slope with an interval that holds the true ≈1.9 % per 100 ms and excludes zero', async () => {
    const { slope, funnel } = await analyseRum(store, 'big.myshopify.com', RANGE);
    expect(slope?.sampleSize).toBe(4000);
    expect(slope?.ciLow).toBeGreaterThan(0);
    expect(slope?.ciLow).toBeLessThan(1.9);
    expect(slope?.ciHigh).toBeGreaterThan(1.9);
    const started = funnel.find((s) => s.step === 'checkout_started');
    const completed = funnel.find((s) => s.step === 'checkout_completed');
    expect(completed?.sessions).toBe(big.filter((s) => s.converted).length);
    expect(completed?.dropOff).toBe(0);
    expect(started?.dropOff).toBeCloseTo(1 - (started?.sessions ?? 0) / 4000, 10);
  });

  it('switches the advisor to the store\'s own curve with enough sessions, and stays on the literature otherwise', async () => {
    const big = await rumAdviceInputs(store, 'big.myshopify.com', RANGE, { product: 2000 });
    const resolved = resolveInputs(big.inputs);
    expect(resolved.elasticity.source).toBe('rum');
    expect(resolved.elasticity.basis).toContain("your store's own");
    expect(resolved.monthlySessions).toEqual({ value: 120_000, source: 'rum' });
    expect(resolved.templateShares.source).toBe('rum');
    expect(resolved.fieldLabRatio.product).toBeGreaterThan(1);

    const small = await rumAdviceInputs(store, 'small.myshopify.com', RANGE);
    expect(small.analysis.slope?.sampleSize).toBe(300);
    const fallback = resolveInputs(small.inputs);
    expect(fallback.elasticity.source).toBe('default');
    expect(fallback.assumed).toContain('elasticity');
  });
});
