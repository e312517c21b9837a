/** What CI scripts can rely on (documented in `--help`, README.md and docs/cli.md). */
export const EXIT = {
  /** The audit ran completely and no error-level assertion failed. */
  ok: 0,
  /** An error-level assertion or a budget failed; a measurement that failed counts as failed. */
  assertionFailed: 1,
  budgetBreached: 1,
  /** Usage error (bad flag, bad config) or a fatal error (unreachable store). */
  usage: 2,
  /** Incomplete: an audit errored or a page could not be measured; 0 with --allow-partial. */
  partial: 3,
} as const;
