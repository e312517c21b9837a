// What a person reads about a links finding, as messages in the 'links' namespace (src/i18n/messages/links.ts),
// built from the check's outcome. The English `error`/`reason` strings stay in the report for old readers.
import { messageFn, url } from '../../src/report/message.ts';
import type { Message } from '../../src/report/schema.ts';
import { LINKS_STRINGS } from '../../src/i18n/messages/links.ts';
import type { CheckOutcome } from './link-checker.ts';

const msg = messageFn('links', LINKS_STRINGS);

export function brokenText(outcome: Extract<CheckOutcome, { type: 'broken' }>, maxRedirects: number): Message {
  const { status, error, errorKind } = outcome;
  if (status === 304) return msg('notModified');
  if (status !== null && status >= 300 && status < 400) return msg('redirectWithoutLocation', { status });
  if (status !== null) return msg('httpStatus', { status });
  if (error?.startsWith('too many redirects')) return msg('tooManyRedirects', { max: maxRedirects });
  return msg('unreachable', { kind: errorKind ?? 'other', detail: error ?? '' });
}

export function unverifiedText(reason: string, target: string): Message {
  if (reason.includes('999')) return msg('botRefusal', { host: url(safeHost(target)) });
  return msg('botChallenge');
}

export const missingFragmentText = (fragment: string): Message => msg('missingFragment', { fragment });
export const malformedText = (detail: string): Message => msg('malformedUrl', { detail });
export const pageCapText = (max: number, more: number): Message => msg('pageCap', { max, count: more });
export const trapText = (detail: string): Message => msg('crawlTrap', { detail });

function safeHost(target: string): string {
  try {
    return new URL(target).host;
  } catch {
    return target;
  }
}
