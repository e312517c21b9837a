// A journey that cannot go on ends with a finding, not an exception out of the audit. Every stage throws a
// JourneyFailure with one of the report's reasons; classifyError turns anything else (Puppeteer timeouts, a
// dead browser) into one.
import type { CheckoutSection } from '../../src/report/schema.ts';

export type FailureReason = NonNullable<CheckoutSection['failure']>['reason'];

export class JourneyFailure extends Error {
  override name = 'JourneyFailure';
  readonly reason: FailureReason;
  readonly field: string | undefined;
  /** A server hiccup (5xx, 429) that a second try may not meet. */
  readonly transient: boolean;

  constructor(reason: FailureReason, message: string, field?: string, transient = false) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.transient = transient;
  }
}

/** Thrown by the never-pay guard. Never retried, never swallowed into "flaky". */
export class PaymentGuardError extends Error {
  override name = 'PaymentGuardError';
}

const CRASH = /Target closed|Session closed|browser has disconnected|Connection closed|Page crashed|crashed|detached Frame|Navigating frame was detached|Protocol error.*(closed|detached)|WebSocket is not open/i;

export function isCrash(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return CRASH.test(message);
}

export function classifyError(error: unknown): JourneyFailure {
  if (error instanceof JourneyFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PaymentGuardError) return new JourneyFailure('other', `payment guard stopped the journey: ${message}`);
  if (isCrash(error)) return new JourneyFailure('crash', `browser crashed: ${message}`);
  if (error instanceof Error && error.name === 'TimeoutError') return new JourneyFailure('timeout', message);
  if (error instanceof Error && error.name === 'AbortError') return new JourneyFailure('other', `aborted: ${message}`);
  return new JourneyFailure('other', message);
}

/** Timeouts, vanished elements and server hiccups can pass on a second try; a rejected field or a sold-out product will not. */
export function isRetriable(failure: JourneyFailure): boolean {
  return failure.transient || failure.reason === 'timeout' || failure.reason === 'selector-not-found';
}

/**
 * Whose failure it is. The store's only with evidence a shopper would meet too: a rejected field, an HTTP
 * error from the store, a sold-out or locked store, a cart that lost the item. Our selectors not matching,
 * timeouts, crashes and the guard stopping us are the auditor's: reported as "could not test", never priced.
 */
export function failureOrigin(failure: JourneyFailure): 'store' | 'auditor' {
  switch (failure.reason) {
    case 'validation-error':
    case 'sold-out':
    case 'no-products':
    case 'password-protected':
    case 'empty-cart':
      return 'store';
    case 'other':
      return /HTTP [45]\d\d|answered [45]\d\d|was refused|failed to load|led back to the cart/.test(failure.message) ? 'store' : 'auditor';
    default:
      return 'auditor';
  }
}
