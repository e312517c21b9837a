// Prices LCP fixes without double counting. Each measured page is one pool: the lift from its field LCP down to
// the plateau on the response curve (curve.ts). Within an LCP phase the savings overlap, so a phase gives at most
// its largest saving; the page gives at most its headroom. Milliseconds are granted in a fixed order, and each
// next fix only gets the milliseconds the fixes before it left; the page's joint lift is then shared in proportion
// to the milliseconds granted, so the fixes of a page add up to the page's joint lift and never more.
import { curvesFor, relativeConversion, VARIANTS, type Curve, type Variant } from './curve.ts';
import { PLATEAU_FLOOR_MS } from './defaults.ts';
import { monthlyRevenue } from './inputs.ts';
import { LCP_PHASES } from './lcp-phases.ts';
import type { Measurement } from './measurements.ts';
import type { Candidate, LcpPhase, Range, ResolvedInputs } from './types.ts';

type LcpCandidate = Extract<Candidate, { kind: 'lcp' }>;

export interface LcpPricing {
  candidate: LcpCandidate;
  /** Largest field saving (central) granted on any one measurement, ms. */
  savingMs: number;
  /** Largest field saving (central) the fix claimed before caps, ms. */
  rawSavingMs: number;
  /** Largest lab saving Lighthouse reported, ms. */
  labSavingMs: number;
  /** Relative conversion lift of the store, %. */
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

interface Grant {
  key: string;
  phase: LcpPhase;
  /** Lab ms. */
  ms: number;
}

interface Evaluation {
  grants: Grant[];
  liftFraction: number;
  savingMs: number;
  rawSavingMs: number;
  labSavingMs: number;
  share: number;
  capped: boolean;
  allField: boolean;
  overlaps: Set<string>;
}

/** Headroom above the plateau in lab ms for a variant: the saving's share of lab LCP, applied to field LCP. */
function labHeadroom(m: Measurement, v: Variant): number {
  if (!m.fieldLcpMs || m.labLcpMs === null) return 0;
  return Math.max(0, m.labLcpMs * (1 - PLATEAU_FLOOR_MS[m.device] / m.fieldLcpMs[v]));
}

function fieldAfter(m: Measurement, v: Variant, labMsSaved: number): number {
  return (m.fieldLcpMs?.[v] ?? 0) - labMsSaved * m.ratio[v];
}

/** The joint lift of one page (fraction of its conversion): from its field LCP all the way to the plateau. */
export function poolLift(m: Measurement, v: Variant, curve: Curve): number {
  if (!m.fieldLcpMs) return 0;
  return 1 / relativeConversion(m.fieldLcpMs[v], m.device, curve) - 1;
}

function newClaimed(): Claimed {
  return { total: 0, byPhase: Object.fromEntries(LCP_PHASES.map((p) => [p, 0])) as Record<LcpPhase, number>, by: new Map() };
}

export function allocateLcp(candidates: LcpCandidate[], measurements: Measurement[], inputs: ResolvedInputs): LcpPricing[] {
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const curves = curvesFor(inputs.elasticity.value);
  const base = monthlyRevenue(inputs);
  // Grants are made in a fixed order (largest weighted lab claim first, then id), so the same report always
  // gives the same split; the money does not depend on the order (see below).
  const weightOf = (c: LcpCandidate) => c.claims.reduce((s, cl) => s + cl.labMs * (byKey.get(cl.key)?.weight ?? 0), 0);
  const order = [...candidates].sort((a, b) => weightOf(b) - weightOf(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const evals = new Map<LcpCandidate, Record<Variant, Evaluation>>(order.map((c) => [c, {} as Record<Variant, Evaluation>]));
  for (const v of VARIANTS) {
    const state = new Map<string, Claimed>();
    const claimedOn = (key: string): Claimed => {
      let c = state.get(key);
      if (!c) state.set(key, (c = newClaimed()));
      return c;
    };
    for (const c of order) {
      const ev: Evaluation = { grants: [], liftFraction: 0, savingMs: 0, rawSavingMs: 0, labSavingMs: 0, share: 0, capped: false, allField: true, overlaps: new Set() };
      for (const claim of c.claims) {
        const m = byKey.get(claim.key);
        if (!m || !m.fieldLcpMs || m.labLcpMs === null) continue;
        const got = claimedOn(claim.key);
        const want = Math.min(claim.labMs, m.labLcpMs);
        const pending = ev.grants.filter((g) => g.key === claim.key);
        const pendingTotal = pending.reduce((s, g) => s + g.ms, 0);
        const pendingPhase = pending.filter((g) => g.phase === claim.phase).reduce((s, g) => s + g.ms, 0);
        const phaseLeft = m.phaseMaxMs[claim.phase] - got.byPhase[claim.phase] - pendingPhase;
        const headLeft = labHeadroom(m, v) - got.total - pendingTotal;
        const ms = Math.max(0, Math.min(want, phaseLeft, headLeft));
        if (ms < want) {
          if (headLeft < want) ev.capped = true;
          for (const other of got.by.get(claim.phase) ?? []) ev.overlaps.add(other);
        }
        ev.grants.push({ key: claim.key, phase: claim.phase, ms });
        ev.savingMs = Math.max(ev.savingMs, ms * m.ratio[v]);
        ev.rawSavingMs = Math.max(ev.rawSavingMs, want * m.ratio[v]);
        ev.labSavingMs = Math.max(ev.labSavingMs, claim.labMs);
        if (!pending.length) ev.share += m.weight;
        ev.allField &&= m.hasField;
      }
      for (const g of ev.grants) {
        const got = claimedOn(g.key);
        got.total += g.ms;
        got.byPhase[g.phase] += g.ms;
        if (g.ms > 0) got.by.set(g.phase, [...(got.by.get(g.phase) ?? []), c.id]);
      }
      evals.get(c)![v] = ev;
    }
    // Each page's joint lift (its field LCP minus everything granted, on the curve) is split between its fixes
    // in proportion to the field ms each was granted: the fixes of a page add up to the page's joint lift, and
    // no fix's figure depends on which one was listed first.
    for (const c of order) {
      const ev = evals.get(c)![v];
      for (const g of ev.grants) {
        const m = byKey.get(g.key)!;
        const total = state.get(g.key)!.total;
        if (!(total > 0) || !(g.ms > 0)) continue;
        const today = relativeConversion(m.fieldLcpMs![v], m.device, curves[v]);
        const joint = relativeConversion(fieldAfter(m, v, total), m.device, curves[v]) / today - 1;
        // Only the shoppers above the plateau gain (exposedShare); the others already see a fast page.
        ev.liftFraction += Math.max(0, joint) * (g.ms / total) * m.weight * m.exposedShare;
      }
    }
  }
  return order.map((c) => {
    const ev = evals.get(c)!;
    const lift = { low: ev.low.liftFraction * 100, central: ev.central.liftFraction * 100, high: ev.high.liftFraction * 100 };
    const central = ev.central;
    return {
      candidate: c, savingMs: central.savingMs, rawSavingMs: central.rawSavingMs, labSavingMs: central.labSavingMs,
      lift, revenue: { low: (lift.low / 100) * base, central: (lift.central / 100) * base, high: (lift.high / 100) * base },
      share: central.share, overlapsWith: [...central.overlaps], capped: central.capped, allField: central.allField,
    };
  });
}

export function plateauText(): string {
  return `${PLATEAU_FLOOR_MS.mobile / 1000} s phone / ${PLATEAU_FLOOR_MS.desktop / 1000} s desktop`;
}
