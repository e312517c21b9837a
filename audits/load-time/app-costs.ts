// What each owner (theme, platform, app, third party) costs on one page: bytes over the network, main-thread
// time, and time it blocks rendering or input. All from the same Lighthouse result, attributed by URL.
import type { Result } from 'lighthouse';
import type { AppCost } from '../../src/report/schema.ts';
import { ownerOf, type AttributionRules } from './attribution.ts';
import { detailRows } from './lhr-details.ts';

// A long task blocks input for the part of it beyond 50 ms; that is its share of Total Blocking Time.
const LONG_TASK_FLOOR_MS = 50;

interface Tally {
  cost: AppCost;
  urls: Set<string>;
}

export function appCostsOf(lhr: Result, rules: AttributionRules): AppCost[] {
  const tallies = new Map<string, Tally>();
  const tallyFor = (url: unknown): Tally | null => {
    if (typeof url !== 'string') return null;
    const owner = ownerOf(url, rules);
    if (!owner) return null;
    const key = `${owner.kind}:${owner.name}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { cost: { name: owner.name, kind: owner.kind, urls: [], transferBytes: 0, mainThreadMs: 0, blockingMs: 0 }, urls: new Set() };
      tallies.set(key, tally);
    }
    tally.urls.add(url);
    return tally;
  };

  for (const row of detailRows(lhr.audits['network-requests']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.transferSize === 'number') tally.cost.transferBytes += row.transferSize;
  }
  // bootup-time: CPU time per script URL under the simulated CPU slowdown (scripts under 50 ms are omitted).
  for (const row of detailRows(lhr.audits['bootup-time']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.total === 'number') tally.cost.mainThreadMs += row.total;
  }
  // Render-blocking: the time each blocking request holds back first paint.
  for (const row of detailRows(lhr.audits['render-blocking-insight']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.wastedMs === 'number') tally.cost.blockingMs += row.wastedMs;
  }
  // TBT share: long tasks are attributed to the script that ran them.
  for (const row of detailRows(lhr.audits['long-tasks']?.details)) {
    const tally = tallyFor(row.url);
    if (tally && typeof row.duration === 'number') tally.cost.blockingMs += Math.max(0, row.duration - LONG_TASK_FLOOR_MS);
  }

  return [...tallies.values()]
    .map(({ cost, urls }) => ({
      ...cost,
      urls: [...urls].sort(),
      mainThreadMs: Math.round(cost.mainThreadMs),
      blockingMs: Math.round(cost.blockingMs),
    }))
    .sort((a, b) => b.blockingMs + b.mainThreadMs - (a.blockingMs + a.mainThreadMs) || b.transferBytes - a.transferBytes);
}
