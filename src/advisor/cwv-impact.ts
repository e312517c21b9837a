// TBT/INP/CLS fixes have no per-ms elasticity: each is priced by the Core Web Vitals threshold its saving
// crosses on each page, with a small flat lift range, greedily so two fixes cannot both claim one crossing.
import { CWV_FLAT_LIFT, CWV_THRESHOLDS } from './defaults.ts';
import { monthlyRevenue } from './inputs.ts';
import type { Measurement } from './measurements.ts';
import { add, scale, ZERO } from './range.ts';
import type { Candidate, Range, ResolvedInputs } from './types.ts';

type CwvCandidate = Extract<Candidate, { kind: 'cwv' }>;
export type Crossing = keyof typeof CWV_FLAT_LIFT;

export interface CwvPricing {
  candidate: CwvCandidate;
  saving: number;
  crossings: { key: string; before: number; after: number; crossing: Crossing }[];
  lift: Range;
  revenue: Range;
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

export function priceCwv(candidates: CwvCandidate[], measurements: Measurement[], inputs: ResolvedInputs): CwvPricing[] {
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const now = new Map<string, number>();
  const base = monthlyRevenue(inputs);
  const evaluate = (c: CwvCandidate) => {
    let lift = ZERO;
    let saving = 0;
    const crossings: CwvPricing['crossings'] = [];
    for (const claim of c.claims) {
      const m = byKey.get(claim.key);
      if (!m) continue;
      const stateKey = `${c.metric} ${claim.key}`;
      const before = now.get(stateKey) ?? current(m, c.metric);
      const after = Math.max(0, before - claim.saving);
      const crossing = crossingOf(c.metric, before, after);
      crossings.push({ key: claim.key, before, after, crossing });
      lift = add(lift, scale(CWV_FLAT_LIFT[crossing], m.weight));
      saving = Math.max(saving, before - after);
    }
    return { saving, crossings, lift, revenue: scale(lift, base / 100) };
  };
  const remaining = [...candidates];
  const out: CwvPricing[] = [];
  while (remaining.length) {
    const evals = remaining.map(evaluate);
    let best = 0;
    evals.forEach((ev, i) => {
      if (ev.revenue.central > evals[best]!.revenue.central) best = i;
    });
    const chosen = remaining.splice(best, 1)[0]!;
    const ev = evals[best]!;
    for (const x of ev.crossings) now.set(`${chosen.metric} ${x.key}`, x.after);
    out.push({ candidate: chosen, ...ev });
  }
  return out;
}
