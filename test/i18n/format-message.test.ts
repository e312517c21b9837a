import { describe, expect, it } from 'vitest';
import { englishText, formatMessage, hasMessage, resolveLocale } from '../../src/i18n/format-message.ts';
import { CATALOGUES } from '../../src/i18n/messages/index.ts';
import { LOCALES } from '../../src/i18n/messages/define.ts';
import { messageFn, money, ms, nested, url } from '../../src/report/message.ts';

describe('formatMessage', () => {
  it('renders common words in every shipped locale, differently from English', () => {
    const msg = { id: 'common.template.product' };
    expect(formatMessage(msg, 'en')).toBe('product page');
    for (const locale of ['zh-CN', 'he', 'fa']) expect(formatMessage(msg, locale)).not.toBe('product page');
  });

  it('resolves locales by language and falls back to English', () => {
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale('he-IL')).toBe('he');
    expect(resolveLocale('xx')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('formats typed parameters per locale and isolates URLs', () => {
    const value = (v: Parameters<typeof formatMessage>[0]['params']) => ({ id: 'common.value', params: v });
    expect(formatMessage(value({ value: ms(1234) }), 'en')).toBe('1.2 sec');
    expect(formatMessage(value({ value: ms(850) }), 'en')).toBe('850 ms');
    expect(formatMessage(value({ value: ms(1234) }), 'fa')).toContain('۱٫۲');
    expect(formatMessage(value({ value: money(4561.7, 'USD') }), 'en')).toBe('$4,562');
    expect(formatMessage(value({ value: url('/products/x?page=2') }), 'he')).toBe('\u2068/products/x?page=2\u2069');
    expect(formatMessage(value({ value: nested({ id: 'common.template.cart' }) }), 'zh-CN')).toBe('购物车');
    expect(englishText(value({ value: url('/x') }))).toBe('/x');
  });

  it('writes plain number parameters in the locale\'s digits (ICU alone would print 1500 in Persian), plurals still choose', () => {
    const value = { id: 'common.value', params: { value: 1500 } };
    expect(formatMessage(value, 'fa')).toBe('۱۵۰۰');
    expect(formatMessage(value, 'en')).toBe('1500');
    expect(formatMessage({ id: 'alerts.brokenTitle', params: { count: 1 } }, 'he')).toBe('קישור שבור חדש אחד');
    expect(formatMessage({ id: 'alerts.budgetLine', params: { rule: 'lcpMs', actual: 3100, limit: 2500 } }, 'fa')).toMatch(/۳۱۰۰.*۲۵۰۰/);
  });

  it('renders an unknown id as the id, and says it is unknown', () => {
    expect(hasMessage('nope.nothing')).toBe(false);
    expect(formatMessage({ id: 'nope.nothing' }, 'he')).toBe('nope.nothing');
  });

  it('every catalogue has every key in every locale (tsc enforces it; this guards against casts)', () => {
    for (const catalogue of CATALOGUES) {
      const keys = Object.keys(catalogue.strings.en).sort();
      for (const locale of LOCALES) expect(Object.keys(catalogue.strings[locale]).sort(), `${catalogue.namespace} ${locale}`).toEqual(keys);
    }
  });

  it('messageFn builds namespaced ids', () => {
    const msg = messageFn('demo', { hello: 'Hello {name}' } as const);
    expect(msg('hello', { name: 'x' })).toEqual({ id: 'demo.hello', params: { name: 'x' } });
    expect(msg.namespace).toBe('demo');
  });
});
