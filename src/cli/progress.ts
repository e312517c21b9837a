// Progress goes to stderr so that `--json -` stays clean. Each step the engine reports is one line with the
// time since process start and the share done, whole (never cut), in the reader's language, the same on a
// terminal and in CI logs (so no redrawn bar and no progress-bar library). The share is weighted by each
// audit's expected duration (src/engine/progress-plan.ts): the Lighthouse runs count for what they take,
// and the checkout and the crawl have their own share instead of the last few steps of a fixed count.
import type { ProgressState } from '../engine/run-audit.ts';
import type { Message } from '../report/schema.ts';
import { currentLocale, text } from './text.ts';

export interface ProgressReporter {
  (message: string | Message, state?: ProgressState): void;
  done(): void;
}

export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}

const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(): Intl.NumberFormat {
  const locale = currentLocale();
  let format = percentFormats.get(locale);
  if (!format) percentFormats.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent' })));
  return format;
}

/** Whole percent, padded so the lines stay aligned; Intl gives the reader's digits and sign placement. */
export function formatShare(fraction: number): string {
  return percentFormat().format(Math.floor(Math.min(1, Math.max(0, fraction)) * 100) / 100).padStart(4);
}

export function createProgressReporter(stream: NodeJS.WritableStream = process.stderr, _legacySteps = 0, started = Date.now()): ProgressReporter {
  let last = '';
  const report = ((message: string | Message, state?: ProgressState) => {
    const line = typeof message === 'string' ? message : text(message);
    if (line === last) return;
    last = line;
    const share = state ? ` ${formatShare(state.fraction)}` : '';
    stream.write(`[${formatElapsed(Date.now() - started).padStart(7)}${share}] ${line}\n`);
  }) as ProgressReporter;
  report.done = () => undefined;
  return report;
}
