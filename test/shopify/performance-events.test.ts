// Shopify's performanceEvents is an unstable API: whatever it answers (a changed shape, unknown event types,
// unreadable times, an error), reading it never throws, keeps only events it understands, and tells "not
// available" apart from "no changes".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPerformanceEvents } from '../../src/shopify/performance-events.ts';

const answering = (answer: unknown) => async <T>() => answer as T;
const KINDS = ['app-install', 'app-uninstall', 'theme-publication', 'theme-live-edit'];

describe('readPerformanceEvents', () => {
  it('maps the documented event types, oldest first, with the app or theme title when the metadata has one', async () => {
    const read = await readPerformanceEvents(answering({
      performanceEvents: [
        { type: 'THEME_PUBLICATION', occurrence: '2026-11-20T10:00:00Z', metadata: { theme_name: 'Horizon' } },
        { type: 'APP_INSTALL', occurrence: '2026-11-02T08:30:00Z', metadata: { app_title: 'Reviews Pro' } },
        { type: 'SOMETHING_NEW', occurrence: '2026-11-03T08:30:00Z', metadata: {} },
        { type: 'THEME_LIVE_EDIT', occurrence: 'yesterday', metadata: {} },
        // Names of Object's own members are unknown types too (fast-check found 'toString' read as a kind).
        { type: 'toString', occurrence: '2026-11-04T08:30:00Z', metadata: {} },
        { type: 'constructor', occurrence: '2026-11-05T08:30:00Z', metadata: {} },
        { type: '__proto__', occurrence: '2026-11-06T08:30:00Z', metadata: {} },
      ],
    }));
    expect(read).toEqual({
      available: true,
      changes: [
        { kind: 'app-install', at: '2026-11-02T08:30:00.000Z', subject: 'Reviews Pro', source: 'shopify' },
        { kind: 'theme-publication', at: '2026-11-20T10:00:00.000Z', subject: 'Horizon', source: 'shopify' },
      ],
    });
  });

  it('an empty list is "no changes"; an error or another shape is "not available"', async () => {
    expect(await readPerformanceEvents(answering({ performanceEvents: [] }))).toEqual({ available: true, changes: [] });
    expect(await readPerformanceEvents(answering({ performanceEvents: null }))).toMatchObject({ available: false });
    expect(await readPerformanceEvents(async () => { throw new Error('HTTP 404'); })).toMatchObject({ available: false, reason: expect.stringMatching(/404/) });
  });

  it('never throws on any answer, and every change it keeps is well-formed', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ performanceEvents: fc.array(fc.record({
      type: fc.oneof(fc.constantFrom('APP_INSTALL', 'APP_UNINSTALL', 'THEME_PUBLICATION', 'THEME_LIVE_EDIT'), fc.string()),
      occurrence: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer()),
      metadata: fc.jsonValue(),
    }, { requiredKeys: [] })) })), async (answer) => {
      const read = await readPerformanceEvents(answering(answer));
      if (!read.available) return;
      for (const change of read.changes) {
        expect(KINDS).toContain(change.kind);
        expect(Number.isNaN(Date.parse(change.at))).toBe(false);
        expect(change.subject === null || (typeof change.subject === 'string' && change.subject.length <= 120)).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
