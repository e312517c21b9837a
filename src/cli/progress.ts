// Progress goes to stderr so that `--json -` stays clean. Each step the engine reports is one line with the
// time since start, whole (never cut), on a terminal and in CI logs alike. No percentage: how long a store's
// checkout or crawl takes is not known in advance, and a bar that guesses sits at 95 % for minutes.
export interface ProgressReporter {
  (message: string): void;
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
  const report = ((message: string) => {
    if (message === last) return;
    last = message;
    stream.write(`[${formatElapsed(Date.now() - started).padStart(7)}] ${message}\n`);
  }) as ProgressReporter;
  report.done = () => undefined;
  return report;
}
