// Prices LCP fixes without double counting: within an LCP phase the savings overlap, so a phase gives at most
// its largest saving; the whole page gives at most its headroom above the plateau floor. Fixes are taken
// greedily by revenue, and each next fix only gets what the fixes ranked above it left.
import { PLATEAU_FLOOR_MS } from './defaults.ts';
import { monthlyRevenue } from './inputs.ts';
import { LCP_PHASES } from './lcp-phases.ts';
import type { Measurement } from './measurements.ts';
import { scale } from './range.ts';
import type { Candidate, LcpPhase, Range, ResolvedInputs } from './types.ts';

type LcpCandidate = Extract<Candidate, { kind: 'lcp' }>;

export interface LcpPricing {
  candidate: LcpCandidate;
  /** Largest field-scaled saving granted on any one measurement. */
  savingMs: number;
  rawSavingMs: number;
  lift: Range;
  revenue: Range;
  /** Share of sessions the fix touches. */
  share: number;
  overlapsWith: string[];
  capped: boolean;
  allField: boolean;
}

interface Claimed {
  total: number;
  byPhase: Record<LcpPhase, number>;
  by: Map<LcpPhase, string[]>;
}

export function allocateLcp(candidates: LcpCandidate[], measurements: Measurement[], inputs: ResolvedInputs): LcpPricing[] {
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const state = new Map<string, Claimed>();
  const claimedOn = (key: string): Claimed => {
    let c = state.get(key);
    if (!c) {
      c = { total: 0, byPhase: Object.fromEntries(LCP_PHASES.map((p) => [p, 0])) as Record<LcpPhase, number>, by: new Map() };
      state.set(key, c);
    }
    return c;
  };
  const base = monthlyRevenue(inputs);
  const e = inputs.elasticity.value;

  const evaluate = (c: LcpCandidate) => {
    let weightedMs = 0;
    let savingMs = 0;
    let rawSavingMs = 0;
    let share = 0;
    let capped = false;
    let allField = true;
    const grants: { key: string; phase: LcpPhase; ms: number }[] = [];
    const overlaps = new Set<string>();
    for (const claim of c.claims) {
      const m = byKey.get(claim.key);
      if (!m) continue;
      const got = claimedOn(claim.key);
      const want = claim.labMs * m.ratio;
      const pending = grants.filter((g) => g.key === claim.key);
      const pendingTotal = pending.reduce((s, g) => s + g.ms, 0);
      const pendingPhase = pending.filter((g) => g.phase === claim.phase).reduce((s, g) => s + g.ms, 0);
      const phaseLeft = m.phaseMaxMs[claim.phase] - got.byPhase[claim.phase] - pendingPhase;
      const headLeft = m.headroomMs - got.total - pendingTotal;
      const ms = Math.max(0, Math.min(want, phaseLeft, headLeft));
      if (ms < want) {
        if (headLeft < want) capped = true;
        for (const other of got.by.get(claim.phase) ?? []) overlaps.add(other);
      }
      grants.push({ key: claim.key, phase: claim.phase, ms });
      weightedMs += ms * m.weight;
      savingMs = Math.max(savingMs, ms);
      rawSavingMs = Math.max(rawSavingMs, want);
      if (!pending.length) share += m.weight;
      allField &&= m.hasField;
    }
    // relative lift for the store = Σ saving/100 × elasticity × the measurement's share of sessions
    const lift = scale(e, weightedMs / 100);
    return { grants, savingMs, rawSavingMs, share, lift, revenue: scale(lift, base / 100), capped, allField, overlapsWith: [...overlaps] };
  };

  const remaining = [...candidates];
  const out: LcpPricing[] = [];
  while (remaining.length) {
    let best = 0;
    let bestEval = evaluate(remaining[0]!);
    for (let i = 1; i < remaining.length; i++) {
      const ev = evaluate(remaining[i]!);
      const better = ev.revenue.central > bestEval.revenue.central ||
        (ev.revenue.central === bestEval.revenue.central && ev.rawSavingMs > bestEval.rawSavingMs);
      if (better) {
        best = i;
        bestEval = ev;
      }
    }
    const [chosen] = remaining.splice(best, 1);
    for (const g of bestEval.grants) {
      const got = claimedOn(g.key);
      got.total += g.ms;
      got.byPhase[g.phase] += g.ms;
      if (g.ms > 0) got.by.set(g.phase, [...(got.by.get(g.phase) ?? []), chosen!.id]);
    }
    const { grants: _grants, ...priced } = bestEval;
    out.push({ candidate: chosen!, ...priced });
  }
  return out;
}

export function plateauText(): string {
  return `${PLATEAU_FLOOR_MS.mobile / 1000} s phone / ${PLATEAU_FLOOR_MS.desktop / 1000} s desktop`;
}
