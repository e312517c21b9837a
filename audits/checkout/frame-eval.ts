// Reading a child frame's document (card fields live in frames on the card vault's origin). Puppeteer's
// frame.evaluate waits for the frame's execution context with no end of its own, and an iframe that swaps from
// the parent's process to its own (any cross-site frame: it starts as the parent's about:blank) can be left
// holding a context that never arrives: puppeteer#10715, seen here on the card frames under CPU load, where one
// frame's every evaluate hung for the whole step timeout while the others answered. So each read is bounded,
// and a frame that does not answer is read through its own out-of-process target's session instead, which
// asks Chromium directly and does not depend on Puppeteer's bookkeeping of contexts.
import type { Frame, Page } from 'puppeteer-core';
import { withDeadline } from './run-step.ts';
import { sleep } from './session.ts';

/** How long one read waits for Puppeteer's own path before asking the frame's target instead. */
const FRAME_READ_MS = 1_500;

/**
 * Runs a self-contained function (no arguments, no closure) in the frame's document and returns its result,
 * or null when the frame was not readable within timeoutMs (detached, or neither path answered).
 */
export async function evaluateInFrame<T>(page: Page, frame: Frame, fn: () => T, timeoutMs: number): Promise<T | null> {
  const started = Date.now();
  while (!frame.detached) {
    const left = timeoutMs - (Date.now() - started);
    if (left <= 0) return null;
    const direct = await withDeadline(frame.evaluate(fn), Math.min(FRAME_READ_MS, left), 'frame read').then(
      (value) => ({ value: value as T }),
      () => null,
    );
    if (direct) return direct.value;
    const viaTarget = await evaluateViaTarget(page, frame, fn, Math.max(1, Math.min(FRAME_READ_MS, timeoutMs - (Date.now() - started))));
    if (viaTarget) return viaTarget.value;
    await sleep(100);
  }
  return null;
}

/** The frame's out-of-process target (Chromium gives a cross-site frame its own), matched by URL. */
async function evaluateViaTarget<T>(page: Page, frame: Frame, fn: () => T, timeoutMs: number): Promise<{ value: T } | null> {
  const url = frame.url();
  const targets = page.browserContext().targets().filter((t) => t.type() === 'other' && t.url() === url);
  // esbuild (vitest) may wrap nested functions in __name(); Puppeteer's own path copes, a bare expression must too.
  const expression = `(() => { const __name = (f) => f; return (${fn.toString()})(); })()`;
  for (const target of targets) {
    const result = await withDeadline(
      (async () => {
        const session = await target.createCDPSession();
        try {
          const answer = await session.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
          return answer.exceptionDetails ? null : { value: answer.result.value as T };
        } finally {
          await session.detach().catch(() => undefined);
        }
      })(),
      timeoutMs,
      'frame target read',
    ).catch(() => null);
    if (result) return result;
  }
  return null;
}
