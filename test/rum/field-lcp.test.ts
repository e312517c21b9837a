// The field LCP figures the impact model reads (range p75 and good share per template and device) from the
// daily rollups, and the page-type mapping they rest on: a page type comes from a shopper's beacon, so any
// text, Object's member names included, maps to a template or to "other".
import { describe, expect, it } from 'vitest';
import { fieldLcpGoodShare, fieldLcpP75, reportTemplate } from '../../src/rum/analysis/vitals.ts';
import type { RumDailyRecord } from '../../src/store/index.ts';

const day = (template: string, device: string, samples: number, p75: number, good: number): RumDailyRecord => ({
  shop: 's.myshopify.com', day: '2026-11-30', template, device, metric: 'LCP', samples, syntheticSamples: 0, p75, good, needsImprovement: samples - good, poor: 0,
});

describe('field LCP from the daily rollups', () => {
  it("maps Liquid page types to the report's templates, and anything else to other", () => {
    expect(['index', 'list-collections', 'product', 'cart'].map(reportTemplate)).toEqual(['home', 'collection', 'product', 'cart']);
    for (const pageType of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'gift_card']) expect(reportTemplate(pageType), pageType).toBe('other');
  });

  it('weights each day by its samples, skips days without samples, and keys by template and template:device', () => {
    const records = [day('index', 'mobile', 300, 3000, 150), day('index', 'mobile', 100, 2000, 100), day('index', 'desktop', 0, 9000, 0), day('constructor', 'mobile', 50, 4000, 10)];
    expect(fieldLcpP75(records)).toEqual({ home: 2750, 'home:mobile': 2750, other: 4000, 'other:mobile': 4000 });
    expect(fieldLcpGoodShare(records)).toEqual({ 'home:mobile': 250 / 400, 'other:mobile': 0.2 });
  });
});
