// Why a page could not be measured, in words a merchant can act on. A PageFailure is reported on the page
// (`error`), never thrown out of the audit.
export const FAILURE_KINDS = ['timeout', 'http-error', 'interstitial', 'crash', 'no-paint', 'not-html', 'blocked', 'other'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export class PageFailure extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = 'PageFailure';
    this.kind = kind;
  }

  /** The text stored in the report's `error` field. */
  get reason(): string {
    return `${this.kind}: ${this.message}`;
  }
}

interface LighthouseRuntimeError {
  code: string;
  message: string;
}

/** Lighthouse reports some failures as an lhr.runtimeError instead of throwing; map its codes to our kinds. */
export function failureFromRuntimeError(error: LighthouseRuntimeError): PageFailure {
  const status = /Status code: (\d{3})/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERRORED_DOCUMENT_REQUEST':
      return new PageFailure('http-error', status ? `the page answered HTTP ${status}` : error.message);
    case 'FAILED_DOCUMENT_REQUEST':
    case 'DNS_FAILURE':
      return new PageFailure('http-error', `the page could not be loaded (${error.code}): ${error.message}`);
    case 'CHROME_INTERSTITIAL_ERROR':
    case 'INSECURE_DOCUMENT_REQUEST':
      return new PageFailure('interstitial', `Chrome showed an interstitial instead of the page (${error.code})`);
    case 'NO_FCP':
      return new PageFailure('no-paint', 'the page did not paint any content');
    case 'PAGE_HUNG':
      return new PageFailure('timeout', 'the page stopped responding (hung main thread)');
    case 'TARGET_CRASHED':
      return new PageFailure('crash', 'the browser tab crashed while loading the page');
    case 'NOT_HTML':
      return new PageFailure('not-html', 'the URL did not return an HTML page');
    default:
      return new PageFailure('other', `${error.code}: ${error.message}`);
  }
}

/** An exception thrown out of a run (protocol errors, a killed browser) as a PageFailure. */
export function failureFromException(error: unknown): PageFailure {
  if (error instanceof PageFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.length > 0 && /^[A-Z_]+$/.test(code)) {
    return failureFromRuntimeError({ code, message });
  }
  if (/Target closed|Session closed|Connection closed|browser has disconnected|Protocol error.*(closed|detached)|socket hang up|ECONNRESET/i.test(message)) {
    return new PageFailure('crash', `the browser went away during the run (${message.split('\n')[0]})`);
  }
  return new PageFailure('other', message.split('\n')[0] ?? message);
}
