// Why an audit failed, in one plain sentence in the merchant's language: the failures a merchant can act on
// are recognised from the run's error (a store that cannot be reached, a password page, a timeout); anything
// else says the audit failed and that retrying is safe. The raw error stays available in the run's details.
import type { AdminKey } from '../i18n/admin.ts';
import { t } from './i18n.ts';

const KNOWN: Array<[RegExp, AdminKey]> = [
  [/store_unreachable|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION|fetch failed|could not reach/i, 'runError.unreachable'],
  [/password/i, 'runError.password'],
  [/timed? ?out|timeout|aborted/i, 'runError.timeout'],
  [/interrupted|worker (died|stopped)|stale/i, 'runError.interrupted'],
];

export function runErrorKey(error: string | null | undefined): AdminKey {
  if (!error) return 'runError.generic';
  return KNOWN.find(([pattern]) => pattern.test(error))?.[1] ?? 'runError.generic';
}

export function runErrorText(error: string | null | undefined): string {
  return t(runErrorKey(error));
}
