// One attempt's time limit. When it passes, the audit's signal is aborted and `onTimeout` kills the browser
// (a hung Chrome ignores polite requests), and the attempt rejects with TimeLimitError so the queue retries.
import { TimeLimitError } from './errors.ts';

export async function withTimeLimit<T>(
  seconds: number,
  work: (signal: AbortSignal) => Promise<T>,
  onTimeout: () => Promise<void>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const forward = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forward, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let timedOut: TimeLimitError | null = null;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeLimitError(seconds);
      timedOut = error;
      controller.abort(error);
      onTimeout().finally(() => reject(error));
    }, seconds * 1000);
  });
  const running = work(controller.signal);
  running.catch(() => undefined); // after a timeout its late rejection is expected and ignored
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    // Killing the browser makes the audit fail with its own error first; the reason is still the time limit.
    throw timedOut ?? error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
