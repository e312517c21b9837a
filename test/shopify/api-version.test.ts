// The pinned Admin API version must not lapse silently: this fails from 90 days before the pinned version
// leaves Shopify's 12-month support window, and checks the window arithmetic against Shopify's own table.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { daysOfSupportLeft, supportedVersions, supportEndsOn } from '../../src/shopify/api-version.ts';
import { SHOPIFY_API_VERSION } from '../../src/shopify/shopify-app.ts';

const toml = parse(readFileSync(new URL('../../shopify.app.toml', import.meta.url), 'utf8')) as { webhooks: { api_version: string } };

describe('Shopify API version', () => {
  it('pins a version at least 90 days away from leaving support', () => {
    const left = daysOfSupportLeft(SHOPIFY_API_VERSION);
    expect(left, `${SHOPIFY_API_VERSION} leaves support on ${supportEndsOn(SHOPIFY_API_VERSION).toISOString().slice(0, 10)}; move to a newer stable version`).toBeGreaterThanOrEqual(90);
  });

  it('uses the same version for webhooks (shopify.app.toml) as for the Admin API client', () => {
    expect(toml.webhooks.api_version).toBe(SHOPIFY_API_VERSION);
  });

  it('follows Shopify\'s published schedule (2023-01 supported until 2024-01-01, 2023-10 until 2024-10-01)', () => {
    expect(supportEndsOn('2023-01').toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(supportEndsOn('2023-10').toISOString()).toBe('2024-10-01T00:00:00.000Z');
    // The case: 2026-01 leaves support on 2027-01-01, so on 2026-12-02 it has 30 days left.
    expect(daysOfSupportLeft('2026-01', new Date('2026-12-02T00:00:00Z'))).toBe(30);
    expect(() => supportEndsOn('2026-02')).toThrow(RangeError);
    expect(() => supportEndsOn('unstable')).toThrow(RangeError);
  });

  it('lists the versions supported on a day, new ones from 17:00 UTC on release day', () => {
    expect(supportedVersions(new Date('2026-10-01T16:59:00Z'))).toEqual(['2026-01', '2026-04', '2026-07']);
    expect(supportedVersions(new Date('2026-10-01T17:00:00Z'))).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
  });
});
