// What a person reads about a links finding, as messages in the 'links' namespace (src/i18n/messages/links.ts),
// built from the check's outcome. The English `error`/`reason` strings stay in the report for old readers.
import { bytes, code, messageFn, url } from '../../src/report/message.ts';
import type { Message } from '../../src/report/schema.ts';
import { LINKS_STRINGS } from '../../src/i18n/messages/links.ts';
import type { FetchErrorKind } from '../shared/fetch-errors.ts';
import type { CheckOutcome } from './link-checker.ts';

const msg = messageFn('links', LINKS_STRINGS);

export function brokenText(outcome: Extract<CheckOutcome, { type: 'broken' }>, maxRedirects: number): Message {
  const { status, error, errorKind, errorCode } = outcome;
  if (status === 304) return msg('notModified');
  if (status !== null && status >= 300 && status < 400) return msg('redirectWithoutLocation', { status });
  if (status !== null) return msg('httpStatus', { status });
  if (errorCode === 'ERR_TOO_MANY_REDIRECTS') return msg('tooManyRedirects', { max: maxRedirects });
  if (errorCode === 'ERR_INVALID_REDIRECT') return msg('fetchInvalidRedirect');
  return fetchErrorText(errorKind ?? 'other', errorCode ?? null, outcome.finalUrl, error ?? '');
}

/** A network failure as a sentence per kind; the system's error code (or, without one, its first line) as a code. */
function fetchErrorText(kind: FetchErrorKind, errorCode: string | null, target: string, detail: string): Message {
  const host = url(safeHost(target));
  const technical = code(errorCode ?? (detail.split('\n')[0] || 'unknown'));
  switch (kind) {
    case 'dns':
      return msg('fetchDns', { host });
    case 'tls':
      return msg('fetchTls', { host, code: technical });
    case 'timeout':
      return msg('fetchTimeout', { host });
    case 'refused':
      return msg('fetchRefused', { host });
    case 'reset':
      return msg('fetchReset', { host });
    case 'blocked-private-address':
      return msg('fetchBlocked', { host });
    case 'too-large':
      return msg('fetchTooLarge');
    case 'invalid-url':
      return msg('fetchInvalidUrl');
    default:
      return msg('fetchOther', { host, code: technical });
  }
}

export function unverifiedText(reason: string, target: string): Message {
  if (reason.includes('999')) return msg('botRefusal', { host: url(safeHost(target)) });
  return msg('botChallenge');
}

export const missingFragmentText = (fragment: string): Message => msg('missingFragment', { fragment });
/** A reference that is not a URL: `raw` as written (shortened), shown as code. */
export const malformedText = (raw: string, noHost = false): Message =>
  msg(noHost ? 'urlWithoutHost' : 'malformedRaw', { raw: code(raw.length > 200 ? raw.slice(0, 200) + '…' : raw) });
export const pageCapText = (max: number, more: number): Message => msg('pageCap', { max, count: more });
export const pageTruncatedText = (page: string, limitBytes: number): Message => msg('pageTruncated', { url: url(page), limit: bytes(limitBytes) });

export type TrapKind = 'pathLoop' | 'sessionId' | 'paginationDepth' | 'calendar' | 'queryVariants' | 'endlessPagination';
const TRAP_KEYS = {
  pathLoop: 'trapPathLoop',
  sessionId: 'trapSessionId',
  paginationDepth: 'trapPaginationDepth',
  calendar: 'trapCalendar',
  queryVariants: 'trapQueryVariants',
  endlessPagination: 'trapEndlessPagination',
} as const satisfies Record<TrapKind, keyof typeof LINKS_STRINGS>;

/** Where crawling stopped (`family`, the URL pattern cut) and why. */
export function trapMessage(kind: TrapKind, family: string, params: { max?: number; page?: number }): Message {
  return msg(TRAP_KEYS[kind], { family: code(family), ...params });
}

function safeHost(target: string): string {
  try {
    return new URL(target).host;
  } catch {
    return target;
  }
}
