// "Since the last audit": what changed between the shop's two newest succeeded runs. New fixes, fixes no longer
// found (resolved when the audit that finds them ran again, unconfirmed when it did not), and the score change
// set against its noise band, so a 2-point wobble between identical runs is not shown as progress.
import type { Fix } from '../../report/schema.ts';
import type { RunRecord } from '../../store/index.ts';
import { measured, type ViewSection } from './admin-shared.ts';

export interface SinceLast {
  previousAt: string;
  newFixes: Array<{ id: string; title: string; text?: Fix['text'] }>;
  resolved: Array<{ id: string; title: string; text?: Fix['text'] }>;
  unconfirmed: Array<{ id: string; title: string; text?: Fix['text'] }>;
  score: { before: number | null; after: number | null; change: number | null; noise: number; beyondNoise: boolean };
}

/** Lighthouse documents run-to-run variance of a few points for an unchanged page; used until history shows more. */
const DEFAULT_NOISE = 5;

function sectionOf(fix: Fix): ViewSection {
  if (fix.category === 'broken-links' || fix.category === 'redirects') return 'links';
  if (fix.category === 'checkout') return 'checkout';
  return 'loadTime';
}

/** Half the 90th-percentile successive change of the store score over the history (at least 2), else the default. */
export function scoreNoise(scores: number[]): number {
  const steps = scores.slice(1).map((s, i) => Math.abs(s - (scores[i] as number))).sort((a, b) => a - b);
  if (steps.length < 4) return DEFAULT_NOISE;
  const p90 = steps[Math.min(steps.length - 1, Math.floor(steps.length * 0.9))] as number;
  return Math.max(2, p90 / 2);
}

const brief = (f: Fix) => ({ id: f.id, title: f.title, ...(f.text ? { text: f.text } : {}) });

export function sinceLast(latest: RunRecord, previous: RunRecord, latestFixes: Fix[], previousFixes: Fix[], history: RunRecord[]): SinceLast {
  const nowIds = new Set(latestFixes.map((f) => f.id));
  const thenIds = new Set(previousFixes.map((f) => f.id));
  const gone = previousFixes.filter((f) => !nowIds.has(f.id));
  const rechecked = (f: Fix) => measured(latest, sectionOf(f));
  const scores = history.map((r) => r.storeScore).filter((s): s is number => typeof s === 'number').reverse();
  const noise = scoreNoise(scores);
  const before = previous.storeScore;
  const after = latest.storeScore;
  const change = before !== null && after !== null ? after - before : null;
  return {
    previousAt: previous.finishedAt ?? previous.createdAt,
    newFixes: latestFixes.filter((f) => !thenIds.has(f.id)).map(brief),
    resolved: gone.filter(rechecked).map(brief),
    unconfirmed: gone.filter((f) => !rechecked(f)).map(brief),
    score: { before, after, change, noise, beyondNoise: change !== null && Math.abs(change) > noise },
  };
}
