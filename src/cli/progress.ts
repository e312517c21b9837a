// Progress goes to stderr so that `--json -` stays clean. Each step the engine reports is one line with the
// time since process start, whole (never cut), in the reader's language, the same on a terminal and in CI
// logs. No bar and no percentage (so no progress-bar library): how long a store's checkout or crawl takes is
// not known in advance, and a bar that guesses sits at 95 % for minutes.
import type { Message } from '../report/schema.ts';
import { text } from './text.ts';

export interface ProgressReporter {
  (message: string | Message): void;
  done(): void;
}

export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}

export function createProgressReporter(stream: NodeJS.WritableStream = process.stderr, _legacySteps = 0, started = Date.now()): ProgressReporter {
  let last = '';
  const report = ((message: string | Message) => {
    const line = typeof message === 'string' ? message : text(message);
    if (line === last) return;
    last = line;
    stream.write(`[${formatElapsed(Date.now() - started).padStart(7)}] ${line}\n`);
  }) as ProgressReporter;
  report.done = () => undefined;
  return report;
}
