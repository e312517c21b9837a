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
}

/** Rejects with a timeout failure when the attempt overruns; Puppeteer's own timeouts usually fire first. */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JourneyFailure('timeout', `${label} did not finish within ${timeoutMs} ms`)), timeoutMs);
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
  try {
    return { value: await withDeadline(attempt(), budget, label), flaky: false };
  } catch (error) {
    const failure = classifyError(error);
    if (!options.retry || !isRetriable(failure) || options.signal?.aborted) throw failure;
    await options.onRetry?.(failure);
    try {
      return { value: await withDeadline(attempt(), budget, label), flaky: true };
    } catch (second) {
      const again = classifyError(second);
      throw new JourneyFailure(again.reason, `${again.message} (also failed on retry after: ${failure.message})`, again.field);
    }
  }
}
