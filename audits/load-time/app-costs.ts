// What each owner (theme, platform, app, third party, the store's content) costs on one page: bytes over the
// network, main-thread time, and time it blocks rendering or input. All from the same Lighthouse result,
// attributed by URL. Blocking time is a share of the page's own total, never a sum of per-item savings:
// Lighthouse simulates each render-blocking request's saving on its own, so they overlap (Dawn's ~16
// per-section stylesheets each "save" most of the same first-paint delay).
import type { Result } from 'lighthouse';
import type { AppCost } from '../../src/report/schema.ts';
import { ownerOf, UNATTRIBUTED, type AttributionRules, type Owner } from './attribution.ts';
import { detailRows, numericValue } from './lhr-details.ts';

// A long task blocks input for the part of it beyond 50 ms; that is its share of Total Blocking Time.
const LONG_TASK_FLOOR_MS = 50;

interface Tally {
  owner: Owner;
  urls: Set<string>;
  transferBytes: number;
  mainThreadMs: number;
  renderBlockingWeight: number;
  renderBlockingBytes: number;
  longTaskExcessMs: number;
}

/** The page-level totals that owners' shares are cut from. */
export interface BlockingTotals {
  /** The render-blocking insight's saving for the page (the larger of its FCP and LCP savings). */
  renderBlockingMs: number;
  /** Lighthouse's Total Blocking Time for the page. */
  tbtMs: number;
}

export function blockingTotalsOf(lhr: Result): BlockingTotals {
  const savings = lhr.audits['render-blocking-insight']?.metricSavings ?? {};
  const fromSavings = Math.max(0, ...[savings.FCP, savings.LCP].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  return { renderBlockingMs: fromSavings, tbtMs: Math.max(0, numericValue(lhr, 'total-blocking-time') ?? 0) };
}

export function appCostsOf(lhr: Result, rules: AttributionRules): AppCost[] {
  const tallies = new Map<string, Tally>();
  const tallyFor = (url: unknown): Tally | null => {
    // Long tasks Lighthouse cannot tie to a script carry a label ("Unattributable"), not a URL.
    const owner = typeof url === 'string' ? ownerOf(url, rules) : UNATTRIBUTED;
    if (!owner) return null;
    const key = `${owner.kind}:${owner.name}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { owner, urls: new Set(), transferBytes: 0, mainThreadMs: 0, renderBlockingWeight: 0, renderBlockingBytes: 0, longTaskExcessMs: 0 };
      tallies.set(key, tally);
    }
    if (typeof url === 'string' && /^https?:/i.test(url)) tally.urls.add(url);
    return tally;
  };

  for (const row of detailRows(lhr.audits['network-requests']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.transferSize === 'number') tally.transferBytes += row.transferSize;
  }
  // bootup-time: CPU time per script URL under the simulated CPU slowdown (scripts under 50 ms are omitted).
  for (const row of detailRows(lhr.audits['bootup-time']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.total === 'number') tally.mainThreadMs += row.total;
  }
  // Render-blocking: each item's own saving is its weight in the split, its bytes the fallback weight.
  for (const row of detailRows(lhr.audits['render-blocking-insight']?.details)) {
    const tally = tallyFor(row.url);
    if (!tally) continue;
    if (typeof row.wastedMs === 'number' && row.wastedMs > 0) tally.renderBlockingWeight += row.wastedMs;
    if (typeof row.totalBytes === 'number' && row.totalBytes > 0) tally.renderBlockingBytes += row.totalBytes;
  }
  // TBT share: long tasks are attributed to the script that ran them.
  for (const row of detailRows(lhr.audits['long-tasks']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.duration === 'number') tally.longTaskExcessMs += Math.max(0, row.duration - LONG_TASK_FLOOR_MS);
  }

  const totals = blockingTotalsOf(lhr);
  const all = [...tallies.values()];
  const renderShares = shares(all, totals.renderBlockingMs, (t) => t.renderBlockingWeight, (t) => t.renderBlockingBytes);
  // Long tasks outside FCP..TTI do not count towards TBT, so the excess can exceed TBT: scale down, never up.
  const excess = all.reduce((sum, t) => sum + t.longTaskExcessMs, 0);
  const tbtScale = excess > totals.tbtMs ? totals.tbtMs / excess : 1;

  return all
    .map((t, i) => {
      const renderBlockingMs = floorRound(renderShares[i] ?? 0);
      const tbtMs = floorRound(t.longTaskExcessMs * tbtScale);
      const cost: AppCost = {
        name: t.owner.name,
        kind: t.owner.kind,
        nameSource: t.owner.nameSource,
        ...(t.owner.extensionId ? { extensionId: t.owner.extensionId } : {}),
        urls: [...t.urls].sort(),
        transferBytes: t.transferBytes,
        mainThreadMs: Math.round(t.mainThreadMs),
        blockingMs: renderBlockingMs + tbtMs,
        renderBlockingMs,
        tbtMs,
      };
      return cost;
    })
    .sort((a, b) => b.blockingMs + b.mainThreadMs - (a.blockingMs + a.mainThreadMs) || b.transferBytes - a.transferBytes);
}

/** `total` split in proportion to each tally's weight (or, when no item has one, its fallback weight). */
function shares(tallies: Tally[], total: number, weight: (t: Tally) => number, fallback: (t: Tally) => number): number[] {
  const pick = tallies.some((t) => weight(t) > 0) ? weight : fallback;
  const sum = tallies.reduce((s, t) => s + pick(t), 0);
  return tallies.map((t) => (sum > 0 ? (total * pick(t)) / sum : 0));
}

// Rounded down, so that rounded shares never add up to more than the total they were cut from.
function floorRound(value: number): number {
  return Math.floor(value + 1e-9);
}
