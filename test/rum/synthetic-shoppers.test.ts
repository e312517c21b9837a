// A short synthetic-shoppers run: real Chromium sessions at different throttling through the demo store leave
// beacons (through the signed proxy) and funnel events that join on the client id, all flagged synthetic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { runSyntheticShoppers } from '../../src/rum/synthetic-shoppers.ts';
import { sqliteBackend } from '../store/backends.ts';
import { API_SECRET, startRumApp, type RumApp } from './app.ts';

const SHOP = 'synthetic.myshopify.com';
const backend = sqliteBackend();
const pool = new BrowserPool();
let app: RumApp;

beforeAll(async () => {
  app = await startRumApp(backend);
});
afterAll(async () => {
  await pool.close();
  await app?.close();
  await backend.cleanup();
});

describe('synthetic shoppers', () => {
  it('records joined, synthetic sessions with real Web Vitals', async () => {
    const result = await runSyntheticShoppers({ appUrl: app.url, shop: SHOP, secret: API_SECRET, ingestKey: app.rum.ingestKeyFor(SHOP), pool, sessions: 3, seed: 7 });
    expect(result.sessions).toBe(3);
    const range = { from: '2000-01-01', to: '2100-01-01' };
    let outcomes = await app.store.rumSessions.sessionOutcomes(SHOP, range);
    for (let i = 0; i < 25 && outcomes.some((o) => o.landingLcpMs === null); i++) {
      await new Promise((r) => setTimeout(r, 200));
      outcomes = await app.store.rumSessions.sessionOutcomes(SHOP, range);
    }
    expect(outcomes).toHaveLength(3);
    for (const o of outcomes) {
      expect(o.synthetic).toBe(true);
      expect(o.landingLcpMs).toBeGreaterThan(0);
    }
    expect(outcomes.filter((o) => o.converted)).toHaveLength(result.conversions);
    const day = new Date().toISOString().slice(0, 10);
    const daily = await app.store.rum.rollupDay(SHOP, day);
    expect(daily.length).toBeGreaterThan(0);
    for (const r of daily) expect(r.syntheticSamples).toBe(r.samples);
  }, 180_000);
});
