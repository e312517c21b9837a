// Retry delay of the embedded queue: exponential with full jitter, capped. (pg-boss computes its own from
// the same policy via retryBackoff/retryDelay/retryDelayMax.)
import type { RetryPolicy } from './queue.ts';

/** Delay before attempt `failedAttempt + 1`, in ms. `random` is injectable so tests can pin it. */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(16, Math.max(0, failedAttempt - 1));
  const ceiling = Math.min(policy.retryDelayMaxSeconds, policy.retryDelaySeconds * 2 ** exponent) * 1000;
  // Half fixed, half jittered: never zero, and retries of many shops that failed together spread out.
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
