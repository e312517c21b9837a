// An alert names a page and a device with the words the admin and the fixes use (the common catalogue), in
// every language: one word per template, not a second, disagreeing translation in the alerts catalogue.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { COMMON_STRINGS } from '../../src/i18n/messages/common.ts';
import { regressionCondition } from '../../src/jobs/alert-conditions.ts';

const line = (metric: string, locale: string) => formatMessage(regressionCondition([{ metric, baseline: 2100, current: 3200 }]).lines[0]!, locale);
const common = (key: keyof typeof COMMON_STRINGS, locale: string) => formatMessage({ id: `common.${key}` }, locale);

describe('regression alert lines', () => {
  it('reads as an English sentence, the page in the fixes’ words', () => {
    expect(line('product/mobile.lcpMs', 'en')).toMatch(/^Largest Contentful Paint \(LCP\) on the product page \(phone\): 3\.2\ssec \(usually 2\.1\ssec\)$/);
  });

  it.each(['zh-CN', 'he', 'fa'])('uses the common words for template and device in %s', (locale) => {
    const text = line('page/desktop.lcpMs', locale);
    expect(text).toContain(common('template.page', locale));
    expect(text).toContain(common('device.desktop', locale));
  });

  it('keeps an unknown template as data rather than inventing a word', () => {
    expect(line('landing/mobile.lcpMs', 'en')).toContain('landing');
  });
});
