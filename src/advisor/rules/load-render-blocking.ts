// Render-blocking CSS/JS, split between the theme and the apps that injected it, so each owner gets a fix.
import type { AppCost } from '../../report/schema.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { basisMsg } from '../../i18n/messages/basis.ts';
import { code, fixMsg, fixWords, msP, nested, wherePage } from '../fix-text.ts';
import { appOwning, fileName, findOpportunity, itemNumber, measuredAppSaving, ms, slug } from './util.ts';

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
    const files = share.files.length ? code(share.files.join(', ')) : nested(fixMsg('themeHeadFiles'));
    const where = wherePage(m.page);
    const evidence = measured
      ? fixMsg('renderBlocking.evidenceMeasured', { where, files, app: share.app!.name, saving: msP(saving), runs: measured.runs, split: msP(split) })
      : lcpPriced
        ? fixMsg('renderBlocking.evidence', { where, files, saving: msP(saving), total: msP(total) })
        : fixMsg('renderBlocking.evidenceFcp', { where, files, fcp: msP((fcp * share.weight) / weightSum) });
    const lcpPricedHere = measured ? saving >= minLcpMs : lcpPriced;
    const priced = lcpPricedHere
      // A blocking script is always avoidable (defer/async); one blocking stylesheet is how a theme is styled.
      ? { kind: 'lcp' as const, claims: [{ key: m.key, phase: 'render-delay' as const, labMs: saving }], defect: share.files.some(isScript) }
      : { kind: 'flat' as const, metric: 'FCP', claims: [{ key: m.key }], note: measured ? basisMsg('noteAppNotFaster', { app: share.app!.name, saving: msP(saving) }) : basisMsg('noteFirstPaint', { fcp: msP(fcp) }) };
    if (share.app) {
      const name = share.app.name;
      out.push({
        ...priced, id: `app-render-blocking:${slug(name)}`, category: 'third-party-apps', pages: [m.url],
        ...fixWords(fixMsg('appRenderBlocking.title', { app: name }), evidence, [
          fixMsg('appRenderBlocking.howToEmbed', { app: name }),
          fixMsg('appRenderBlocking.howToScriptTag', { app: name }),
          fixMsg('appRenderBlocking.howToDeveloper', { app: name }),
        ]),
      });
    } else {
      const script = share.files.find((f) => f.endsWith('.js')) ?? 'theme.js';
      out.push({
        ...priced, id: 'render-blocking-theme', category: 'render-blocking', pages: [m.url],
        ...fixWords(fixMsg('renderBlockingTheme.title'), evidence, [
          fixMsg('renderBlockingTheme.howToDefer', { example: code(`<script src="{{ '${script}' | asset_url }}" defer></script>`) }),
          fixMsg('renderBlockingTheme.howToCss', { example: code("{{ 'file.css' | asset_url | stylesheet_tag: preload: true }}"), media: code(`media="print" onload="this.media='all'"`) }),
          fixMsg('renderBlockingTheme.howToMerge'),
        ]),
      });
    }
  }
  return out;
}
