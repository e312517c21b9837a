// The pure rules of the load-time audit, without a browser (attribution has its own file): how the store score is weighted,
// what counts as a bot challenge, which options are refused.
import { describe, expect, it } from 'vitest';
import { detectInterstitial } from '../../audits/load-time/interstitial.ts';
import { resolveLoadTimeOptions } from '../../audits/load-time/options.ts';
import { failureFromException, failureFromRuntimeError } from '../../audits/load-time/page-failure.ts';
import { storeScoreOf } from '../../audits/load-time/store-score.ts';
import type { LoadTimePage } from '../../src/report/schema.ts';

const scored = (template: LoadTimePage['template'], score: number | null, error: string | null = null): LoadTimePage => ({
  url: `https://shop.example/${template}`, template, device: 'mobile', runs: 1, score, error,
  metrics: { lcpMs: null, fcpMs: null, tbtMs: null, cls: null, ttfbMs: null, speedIndexMs: null },
  spread: {}, opportunities: [], apps: [],
});

describe('store score', () => {
  it('weights home 17%, product 40%, collection 43%', () => {
    const result = storeScoreOf([scored('home', 100), scored('product', 50), scored('collection', 0)]);
    expect(result.storeScore).toBe(37); // 17 + 20 + 0
    expect(result.weights).toEqual({ home: 0.17, product: 0.4, collection: 0.43 });
    expect(result.notes).toEqual([]);
  });

  it('averages pages of one template, ignores other templates and failed pages', () => {
    const result = storeScoreOf([
      scored('home', 80), scored('product', 40), scored('product', 60), scored('collection', 70),
      scored('page', 0), scored('collection', null, 'timeout: x'),
    ]);
    expect(result.storeScore).toBe(Math.round(0.17 * 80 + 0.4 * 50 + 0.43 * 70));
  });

  it('renormalises when a template is missing and says so', () => {
    const result = storeScoreOf([scored('home', 90), scored('product', 50)]);
    expect(result.weights).toEqual({ home: 0.298, product: 0.702 });
    expect(result.storeScore).toBe(Math.round((0.17 * 90 + 0.4 * 50) / 0.57));
    expect(result.notes[0]).toMatch(/renormalised: no measured collection page/);
  });

  it('has no score without a home, product or collection page', () => {
    const result = storeScoreOf([scored('page', 99)]);
    expect(result.storeScore).toBeNull();
    expect(result.notes[0]).toMatch(/no store score/);
  });
});

describe('interstitials and failures', () => {
  it('recognises a challenge by header or by text, even on HTTP 200', () => {
    expect(detectInterstitial({ status: 403, headers: { 'cf-mitigated': 'challenge' } }, null)).toMatch(/cf-mitigated: challenge/);
    expect(detectInterstitial({ status: 200, headers: {} }, { title: 'Just a moment...', text: '' })).toMatch(/"Just a moment\.\.\."/);
    expect(detectInterstitial({ status: 200, headers: {} }, { title: 'Shop', text: 'Verify you are human by completing the action below.' })).not.toBeNull();
    expect(detectInterstitial({ status: 200, headers: {} }, { title: 'Linen shirt – Shop', text: 'Add to cart' })).toBeNull();
  });

  it('turns Lighthouse errors into reasons a merchant can read', () => {
    expect(failureFromRuntimeError({ code: 'ERRORED_DOCUMENT_REQUEST', message: 'Lighthouse was unable… (Status code: 500)' }).reason).toBe('http-error: the page answered HTTP 500');
    expect(failureFromRuntimeError({ code: 'NO_FCP', message: '' }).kind).toBe('no-paint');
    expect(failureFromException(new Error('Protocol error (Page.navigate): Target closed')).kind).toBe('crash');
    expect(failureFromException(Object.assign(new Error('x'), { code: 'PAGE_HUNG' })).kind).toBe('timeout');
  });
});

describe('options', () => {
  it('defaults to mobile, 3 runs, and refuses nonsense', () => {
    expect(resolveLoadTimeOptions({})).toMatchObject({ device: 'mobile', runs: 3 });
    expect(resolveLoadTimeOptions({ runs: undefined, device: 'both' })).toMatchObject({ device: 'both', runs: 3 });
    expect(() => resolveLoadTimeOptions({ runs: 0 })).toThrow(/runs must be an integer from 1 to 15/);
    expect(() => resolveLoadTimeOptions({ device: 'tablet' as never })).toThrow(/device must be mobile, desktop or both/);
    expect(() => resolveLoadTimeOptions({ runTimeoutMs: 10 })).toThrow(/runTimeoutMs must be at least 1000/);
  });
});
