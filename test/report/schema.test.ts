import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, validateReport } from '../../src/report/schema.ts';

const minimal = {
  schemaVersion: SCHEMA_VERSION,
  tool: { name: 'storefront-auditor', version: '0.1.0' },
  store: { url: 'https://example.com' },
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  pages: [{ url: 'https://example.com/', template: 'home' }],
  loadTime: null,
  checkout: null,
  links: null,
  fixes: [],
  errors: [],
};

describe('report schema', () => {
  it('accepts a minimal report with every audit section null', () => {
    expect(validateReport(minimal).schemaVersion).toBe(1);
  });

  it('names every field that is wrong', () => {
    const broken = { ...minimal, schemaVersion: 2, pages: [{ url: 'x', template: 'nope' }] };
    expect(() => validateReport(broken)).toThrow(/schemaVersion[\s\S]*pages\.0\.template/);
  });
});
