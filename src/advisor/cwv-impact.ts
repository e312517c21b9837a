// TBT/INP/CLS fixes have no per-ms elasticity: each page is priced by the Core Web Vitals threshold that all its
// fixes of one metric cross together, with a small flat lift range, and that one pool is shared between them in
// proportion to what each saves (as the LCP pools are). Not greedily: a greedy order judged the second app on
// what the first left, and that rest is the noisy part of Lighthouse's attribution (Chatly's 0.9–1.3 s of a
// stable 1.35 s TBT), so the second app crossed 200 ms in one audit and not in the next (bench:stability:
// Reviews Pro 70 / 47 / 16 USD over three audits of the unchanged demo store, in and out of the top five).
import { CWV_FLAT_LIFT, CWV_THRESHOLDS } from './defaults.ts';
import { monthlyRevenue } from './inputs.ts';
import type { Measurement } from './measurements.ts';
import { add, scale, ZERO } from './range.ts';
import type { Candidate, Range, ResolvedInputs } from './types.ts';

type CwvCandidate = Extract<Candidate, { kind: 'cwv' }>;
export type Crossing = keyof typeof CWV_FLAT_LIFT;

export interface CwvPricing {
  candidate: CwvCandidate;
  /** The largest share of a page's joint change granted to this fix (ms, or CLS units). */
  saving: number;
  /** Per page: the metric before and after all of its fixes of this metric, and the threshold that crosses. */
  crossings: { key: string; before: number; after: number; crossing: Crossing }[];
  lift: Range;
  revenue: Range;
  /** Other fixes that share a page pool with this one. */
  sharedWith: string[];
}

export function crossingOf(metric: 'CLS' | 'TBT' | 'INP', before: number, after: number): Crossing {
  const t = CWV_THRESHOLDS[metric];
  if (before > t.good && after <= t.good) return 'to-good';
  if (before > t.poor && after <= t.poor) return 'out-of-poor';
  return 'none';
}

function current(m: Measurement, metric: 'CLS' | 'TBT' | 'INP'): number {
  return (metric === 'CLS' ? m.page.metrics.cls : m.page.metrics.tbtMs) ?? 0;
}

interface Pool {
  before: number;
  after: number;
  crossing: Crossing;
  /** Sum of the claims on this page and metric (the share's denominator). */
  claimed: number;
  members: { candidate: CwvCandidate; saving: number }[];
}

export function priceCwv(candidates: CwvCandidate[], measurements: Measurement[], inputs: ResolvedInputs): CwvPricing[] {
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const pools = new Map<string, Pool>();
  for (const c of candidates) {
    for (const claim of c.claims) {
      const m = byKey.get(claim.key);
      if (!m) continue;
      const poolKey = `${c.metric} ${claim.key}`;
      const pool = pools.get(poolKey) ?? { before: current(m, c.metric), after: 0, crossing: 'none', claimed: 0, members: [] };
      pool.claimed += Math.max(0, claim.saving);
      pool.members.push({ candidate: c, saving: Math.max(0, claim.saving) });
      pools.set(poolKey, pool);
    }
  }
  for (const [poolKey, pool] of pools) {
    pool.after = Math.max(0, pool.before - pool.claimed);
    pool.crossing = crossingOf(poolKey.split(' ')[0] as 'CLS' | 'TBT' | 'INP', pool.before, pool.after);
  }
  const base = monthlyRevenue(inputs);
  return candidates.map((c) => {
    let lift = ZERO;
    let saving = 0;
    const crossings: CwvPricing['crossings'] = [];
    const sharedWith = new Set<string>();
    for (const claim of c.claims) {
      const m = byKey.get(claim.key);
      const pool = pools.get(`${c.metric} ${claim.key}`);
      if (!m || !pool) continue;
      // Equal shares when nothing is claimed in ms (the pool then only holds the small "no crossing" lift).
      const share = pool.claimed > 0 ? Math.max(0, claim.saving) / pool.claimed : 1 / pool.members.length;
      crossings.push({ key: claim.key, before: pool.before, after: pool.after, crossing: pool.crossing });
      lift = add(lift, scale(CWV_FLAT_LIFT[pool.crossing], m.weight * share));
      saving = Math.max(saving, (pool.before - pool.after) * share);
      for (const other of pool.members) if (other.candidate.id !== c.id) sharedWith.add(other.candidate.id);
    }
    return { candidate: c, saving, crossings, lift, revenue: scale(lift, base / 100), sharedWith: [...sharedWith].sort() };
  });
}
