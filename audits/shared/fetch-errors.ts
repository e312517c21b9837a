// Network failures sorted into the few kinds a merchant can act on. Every request the auditor makes ends either
// in a response or in one of these, so callers never have to pick apart Node/undici error codes themselves.

export const FETCH_ERROR_KINDS = ['dns', 'tls', 'timeout', 'refused', 'reset', 'blocked-private-address', 'too-large', 'invalid-url', 'other'] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

export class FetchError extends Error {
  override name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly code: string | undefined;
  constructor(kind: FetchErrorKind, url: string, message: string, code?: string) {
    super(message);
    this.kind = kind;
    this.url = url;
    this.code = code;
  }
}

/** Raised by the address guard inside DNS lookup, so it surfaces through undici as the socket's error. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'ERR_BLOCKED_PRIVATE_ADDRESS';
  readonly host: string;
  readonly address: string;
  constructor(host: string, address: string, range: string) {
    super(host === address ? `${address} is a ${range} address, not allowed in app mode` : `${host} resolves to ${address} (${range}), not allowed in app mode`);
    this.host = host;
    this.address = address;
  }
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function codeOf(error: unknown): string | undefined {
  // undici wraps socket errors: the useful code is often on `cause`.
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  const top = (error as { code?: unknown } | null)?.code;
  return typeof top === 'string' ? top : undefined;
}

function findBlocked(error: unknown): BlockedAddressError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    if (current instanceof BlockedAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function kindOfCode(code: string | undefined): FetchErrorKind {
  if (!code) return 'other';
  if (code === 'ERR_BLOCKED_PRIVATE_ADDRESS') return 'blocked-private-address';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL' || code === 'ENODATA') return 'dns';
  if (TLS_CODE.test(code) || code === 'EPROTO') return 'tls';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT' || code === 'ABORT_ERR_TIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED' || code === 'ECONNABORTED') return 'reset';
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return 'too-large';
  if (code === 'ERR_INVALID_URL') return 'invalid-url';
  return 'other';
}

/** Turns anything a request can throw into a FetchError with a one-line message. */
export function toFetchError(error: unknown, url: string): FetchError {
  if (error instanceof FetchError) return error;
  const blocked = findBlocked(error);
  if (blocked) return new FetchError('blocked-private-address', url, blocked.message, blocked.code);
  const code = codeOf(error);
  const kind = kindOfCode(code);
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const label: Record<FetchErrorKind, string> = {
    dns: 'DNS lookup failed',
    tls: 'TLS handshake failed',
    timeout: 'timed out',
    refused: 'connection refused',
    reset: 'connection reset',
    'blocked-private-address': 'blocked private address',
    'too-large': 'response too large',
    'invalid-url': 'invalid URL',
    other: 'request failed',
  };
  return new FetchError(kind, url, `${label[kind]}: ${detail}${code && !detail?.includes(code) ? ` (${code})` : ''}`, code);
}
