// Pages and the HTML report name Lighthouse's opportunities in the merchant's words; Lighthouse's own English
// title shows only for an audit this catalogue does not know. This holds the catalogue to the Lighthouse that
// is installed: every insight and diagnostic of its performance category has a title, so an upgrade that adds
// one fails here instead of showing English in zh-CN, he and fa.
import config from 'lighthouse/core/config/default-config.js';
import { describe, expect, it } from 'vitest';
import { lighthouseDescription, lighthouseTitle } from '../../src/i18n/messages/lighthouse.ts';

/** Never listed as an opportunity (audits/load-time/opportunities.ts), with why. */
const NEVER_SHOWN: Record<string, string> = {
  'lcp-breakdown-insight': 'restates LCP; shown as the LCP phases instead',
  'user-timings': 'informative, no savings',
  'bf-cache': 'no metric savings, not an opportunity',
  'network-requests': 'raw data', 'network-rtt': 'raw data', 'network-server-latency': 'raw data',
  'main-thread-tasks': 'raw data', diagnostics: 'raw data', metrics: 'raw data', 'resource-summary': 'raw data',
  'screenshot-thumbnails': 'image', 'final-screenshot': 'image', 'script-treemap-data': 'raw data',
  interactive: 'a metric', 'max-potential-fid': 'a metric',
};

describe('Lighthouse titles in the merchant catalogue', () => {
  it('cover every insight and diagnostic of the installed Lighthouse performance category', () => {
    const refs = (config as { categories: Record<string, { auditRefs: Array<{ id: string; group?: string }> }> }).categories.performance!.auditRefs;
    const shown = refs.filter((r) => r.group !== 'metrics' && !Object.hasOwn(NEVER_SHOWN, r.id)).map((r) => r.id);
    expect(shown.length).toBeGreaterThan(25);
    expect(shown.filter((id) => !lighthouseTitle(id) || !lighthouseDescription(id))).toEqual([]);
  });
});
