// Render-blocking CSS/JS, split between the theme and the apps that injected it, so each owner gets a fix.
import type { AppCost } from '../../report/schema.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { appOwning, fileName, findOpportunity, itemNumber, measuredAppSaving, ms, slug, where } from './util.ts';

interface Share {
  app: AppCost | null;
  files: string[];
  weight: number;
}

const isScript = (file: string): boolean => /\.m?js$/i.test(file.split('?')[0]!);

export function renderBlockingRules(m: Measurement, minLcpMs: number): Candidate[] {
  const o = findOpportunity(m.page, 'render-blocking-insight', 'render-blocking-resources');
  const total = o?.metricSavings.LCP ?? 0;
  // The fix's presence rests on the blocking files, its price on the LCP saving: a page whose LCP waits on
  // something else (a heavy hero) still has its first paint held back, so it gets the flat, no-threshold price.
  const fcp = o?.metricSavings.FCP ?? 0;
  if (!o || (total < minLcpMs && fcp < minLcpMs)) return [];
  const lcpPriced = total >= minLcpMs;
  const shares = new Map<string, Share>();
  for (const item of o.items ?? []) {
    if (typeof item.url !== 'string') continue;
    const app = appOwning(m.page, item.url) ?? null;
    const owner = app?.name ?? '';
    const share = shares.get(owner) ?? { app, files: [], weight: 0 };
    share.files.push(fileName(item.url));
    // Lighthouse gives per-item wastedMs; bytes are the fallback, then an equal split.
    share.weight += itemNumber(item, 'wastedMs') || itemNumber(item, 'totalBytes', 'transferSize') || 1;
    shares.set(owner, share);
  }
  if (shares.size === 0) shares.set('', { app: null, files: [], weight: 1 });
  const weightSum = [...shares.values()].reduce((s, x) => s + x.weight, 0);
  const out: Candidate[] = [];
  for (const share of shares.values()) {
    // Without an LCP saving only a blocking script is worth a fix: it is the defect, whatever this run timed.
    if (!lcpPriced && !share.files.some(isScript)) continue;
    const split = (total * share.weight) / weightSum;
    // Measured beats estimated: the page re-run without this app gives its real LCP cost (issue #20's runs).
    const measured = measuredAppSaving(share.app, 'lcpMsDelta', split);
    const saving = measured ? measured.ms : split;
    const files = share.files.length ? share.files.join(', ') : 'theme CSS and scripts in <head>';
    const evidence = measured
      ? `${where(m.page)}: ${files} block rendering; without ${share.app!.name} the page's lab LCP was ${ms(saving)} faster (median of ${measured.runs} paired runs; Lighthouse's split of the render-blocking saving: ~${ms(split)})`
      : lcpPriced
        ? `${where(m.page)}: ${files} block rendering; ~${ms(saving)} of the ${ms(total)} render-blocking LCP saving`
        : `${where(m.page)}: ${files} block rendering; first paint ~${ms((fcp * share.weight) / weightSum)} later, but Lighthouse estimates no LCP saving because the LCP waits on something else`;
    const lcpPricedHere = measured ? saving >= minLcpMs : lcpPriced;
    const priced = lcpPricedHere
      // A blocking script is always avoidable (defer/async); one blocking stylesheet is how a theme is styled.
      ? { kind: 'lcp' as const, claims: [{ key: m.key, phase: 'render-delay' as const, labMs: saving }], defect: share.files.some(isScript) }
      : { kind: 'flat' as const, metric: 'FCP', claims: [{ key: m.key }], note: measured ? `the page re-run without ${share.app!.name} was not measurably faster (LCP ${ms(saving)})` : `first paint ~${ms(fcp)} later but no LCP saving measured` };
    if (share.app) {
      const name = share.app.name;
      out.push({
        ...priced, id: `app-render-blocking:${slug(name)}`, category: 'third-party-apps', pages: [m.url],
        title: `Stop the “${name}” app from blocking the first paint`,
        evidence,
        howTo: [
          `In Online Store › Themes › Customize › App embeds, switch off the ${name} embed and re-test; if you still need it, enable it only on the templates that use it.`,
          `If ${name} was installed by pasting a <script> into theme.liquid (or via a legacy script tag), remove that tag and use the app's app embed or app block, which loads asynchronously.`,
          `Ask ${name}'s developer for a deferred/async loader: Shopify's App Store rules forbid apps that lower storefront Lighthouse performance by more than 10 points.`,
        ],
      });
    } else {
      out.push({
        ...priced, id: 'render-blocking-theme', category: 'render-blocking', pages: [m.url],
        title: 'Stop theme scripts and stylesheets from blocking the first paint',
        evidence,
        howTo: [
          `Add defer to theme scripts in layout/theme.liquid: <script src="{{ '${share.files.find((f) => f.endsWith('.js')) ?? 'theme.js'}' | asset_url }}" defer></script>.`,
          'Keep only the CSS needed above the fold render-blocking: inline it (or one small file), and load the rest with {{ \'file.css\' | asset_url | stylesheet_tag: preload: true }} or media="print" onload="this.media=\'all\'".',
          'Merge or delete large theme CSS files and unused rules left by old sections and removed apps.',
        ],
      });
    }
  }
  return out;
}
