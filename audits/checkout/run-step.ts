// Every step gets a deadline, and one second chance: a step that times out or loses an element is tried
// again, and marked flaky when the retry passes. Deterministic failures (a rejected field, a sold-out
// product, the payment guard) are not retried: a second try would only repeat them.
import { classifyError, isRetriable, JourneyFailure } from './failure.ts';

export interface StepRun<T> {
  value: T;
  flaky: boolean;
}

export interface RunStepOptions {
  timeoutMs: number;
  retry: boolean;
  signal?: AbortSignal;
  /** Called before the second attempt, e.g. to reload the step's page. */
  onRetry?: (failure: JourneyFailure) => Promise<void> | void;
  /**
   * The attempt reports progress here (a wait it finished). With one, the deadline is "no progress for the
   * budget" instead of "the budget in all", capped at PROGRESS_CAP budgets.
   */
  heartbeat?: Heartbeat;
}

/**
 * How a page whose work is made of several waits gets its deadline. A one-page checkout waits for its load,
 * for the shipping methods its address brings, for the card frames, then takes its screenshot: the work of
 * the three-page checkout's three pages, each of which had a whole budget. A shopper waits as long as the page
 * visibly moves on; one wait that never ends is what is stuck. So each finished wait renews the budget, and
 * the page fails when nothing finished for a whole budget (each wait inside is bounded by the step timeout,
 * so one stuck wait ends the page with its own reason first).
 */
export class Heartbeat {
  #at = performance.now();
  #phase = 'start';

  beat(phase: string): void {
    this.#at = performance.now();
    this.#phase = phase;
  }

  get idleMs(): number {
    return performance.now() - this.#at;
  }

  get phase(): string {
    return this.#phase;
  }
}

/** A page that keeps making progress still ends after this many budgets. */
export const PROGRESS_CAP = 4;

/** Rejects with a timeout failure when the attempt overruns; Puppeteer's own timeouts usually fire first. */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, label: string, heartbeat?: Heartbeat): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const deadline = new Promise<never>((_, reject) => {
    if (!heartbeat) {
      timer = setTimeout(() => reject(new JourneyFailure('timeout', `${label} did not finish within ${timeoutMs} ms`)), timeoutMs);
      return;
    }
    const check = (): void => {
      if (heartbeat.idleMs >= timeoutMs) reject(new JourneyFailure('timeout', `${label} made no progress for ${timeoutMs} ms (last done: ${heartbeat.phase})`));
      else if (performance.now() - started >= timeoutMs * PROGRESS_CAP) reject(new JourneyFailure('timeout', `${label} did not finish within ${timeoutMs * PROGRESS_CAP} ms though it kept making progress (last done: ${heartbeat.phase})`));
      else timer = setTimeout(check, Math.min(250, Math.max(10, timeoutMs - heartbeat.idleMs)));
    };
    check();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

export async function runStep<T>(label: string, attempt: () => Promise<T>, options: RunStepOptions): Promise<StepRun<T>> {
  // A little over the per-operation timeout, so Puppeteer's more precise error wins when it can.
  const budget = options.timeoutMs + 2_000;
  const attemptWithin = (): Promise<T> => {
    options.heartbeat?.beat('start');
    return withDeadline(attempt(), budget, label, options.heartbeat);
  };
  try {
    return { value: await attemptWithin(), flaky: false };
  } catch (error) {
    const failure = classifyError(error);
    if (!options.retry || !isRetriable(failure) || options.signal?.aborted) throw failure;
    await options.onRetry?.(failure);
    try {
      return { value: await attemptWithin(), flaky: true };
    } catch (second) {
      const again = classifyError(second);
      throw new JourneyFailure(again.reason, `${again.message} (also failed on retry after: ${failure.message})`, again.field);
    }
  }
}
