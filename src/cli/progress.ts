// Progress goes to stderr so that `--json -` style piping of stdout stays clean. A bar on a TTY, plain
// timestamped lines elsewhere (CI logs).
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  (message: string): void;
  done(): void;
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, totalSteps = 0): ProgressReporter {
  if (!stream.isTTY || totalSteps <= 0) {
    const started = Date.now();
    const report = ((message: string) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
      stream.write(`[${seconds}s] ${message}\n`);
    }) as ProgressReporter;
    report.done = () => undefined;
    return report;
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {percentage}% | {message}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalSteps, 0, { message: 'starting' });
  let step = 0;
  const report = ((message: string) => {
    step = Math.min(totalSteps - 1, step + 1);
    bar.update(step, { message: message.slice(0, 60) });
  }) as ProgressReporter;
  report.done = () => bar.stop();
  return report;
}
