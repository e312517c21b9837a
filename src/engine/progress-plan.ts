// How far along an audit is, weighted by how long each step is expected to take, so a step of a minute counts
// as a minute and not as one step of N (a bar of fixed steps sat at 95 % through the checkout and the crawl).
// Each audit estimates its own duration (`Audit.expectedMs`); within a step the fraction moves with the time
// spent, and a step that runs over its estimate holds at 95 % of its share instead of eating the next one's.
// Estimates are rough and machine-dependent: the figure is a guide for a person, never a promise.

export interface ProgressStep {
  id: string;
  expectedMs: number;
}

export interface ProgressPlan {
  start(id: string): void;
  finish(id: string): void;
  /** 0..1 of the whole run. */
  fraction(): number;
}

/** Shown as the share of a step that overruns its estimate, until it finishes. */
const OVERRUN_HOLD = 0.95;

export function createProgressPlan(steps: readonly ProgressStep[], done: readonly ProgressStep[] = [], now: () => number = () => performance.now()): ProgressPlan {
  const positive = (ms: number) => (Number.isFinite(ms) && ms > 0 ? ms : 1);
  const total = [...done, ...steps].reduce((sum, s) => sum + positive(s.expectedMs), 0);
  let finishedMs = done.reduce((sum, s) => sum + positive(s.expectedMs), 0);
  let current: { ms: number; startedAt: number } | undefined;
  const byId = new Map(steps.map((s) => [s.id, positive(s.expectedMs)]));
  return {
    start(id) {
      current = { ms: byId.get(id) ?? 1, startedAt: now() };
    },
    finish(id) {
      finishedMs += byId.get(id) ?? 0;
      byId.delete(id);
      current = undefined;
    },
    fraction() {
      const inStep = current ? Math.min(now() - current.startedAt, OVERRUN_HOLD * current.ms) : 0;
      return Math.min(1, (finishedMs + inStep) / total);
    },
  };
}
