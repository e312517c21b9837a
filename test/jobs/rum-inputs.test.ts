// Scheduled runs take the store's own real-user figures when the storefront plugin has sent any.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/advisor/index.ts';
import { rumInputsFor } from '../../src/jobs/rum-inputs.ts';
import type { BeaconInput, FunnelEventInput, Store } from '../../src/store/index.ts';
import { sqliteBackend } from '../store/backends.ts';

const backend = sqliteBackend();
let store: Store;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  store = await backend.open(backend.fresh());
  const beacons: BeaconInput[] = [];
  const events: FunnelEventInput[] = [];
  for (let i = 0; i < 100; i++) {
    const clientId = `c${i}`;
    const at = `${today}T08:00:00.000Z`;
    beacons.push({ shop: 'with-rum.example', occurredAt: at, clientId, pageViewId: `pv${i}`, template: 'home', device: 'mobile', metric: 'LCP', value: 1500 + i * 20 });
    events.push({ shop: 'with-rum.example', occurredAt: at, clientId, eventId: `${clientId}-v`, event: 'page_viewed' });
    if (i % 25 === 0) events.push({ shop: 'with-rum.example', occurredAt: at, clientId, eventId: `${clientId}-done`, event: 'checkout_completed' });
  }
  await store.rum.insertBeacons(beacons);
  await store.rum.insertFunnelEvents(events);
});

afterAll(async () => {
  await store?.close();
});

describe('real-user inputs for scheduled runs', () => {
  it('turns the last 30 days of beacons and funnel events into sourced advisor inputs', async () => {
    const inputs = await rumInputsFor(store)('with-rum.example');
    const resolved = resolveInputs(inputs);
    expect(resolved.monthlySessions.source).toBe('rum');
    expect(resolved.monthlySessions.value).toBeGreaterThan(0);
    expect(resolved.conversionRate.source).toBe('rum');
    expect(resolved.conversionRate.value).toBeCloseTo(0.04, 5);
  });

  it('adds nothing for a shop without the plugin, so the merchant\'s inputs stand', async () => {
    expect(await rumInputsFor(store)('no-rum.example')).toEqual({});
  });
});
