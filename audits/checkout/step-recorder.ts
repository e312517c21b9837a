// Collects what goes wrong on each checkout page. Events land in the bucket of the step that was current
// when they started: a request is attributed when it is issued, not when it fails, so a slow tracking call
// made by the information page still counts against "information" even if it fails after we moved on.
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { PaymentGuard } from './payment-guard.ts';

export interface FailedRequest {
  url: string;
  status: number | null;
  error?: string;
}

export interface StepEvents {
  jsErrors: string[];
  consoleErrors: string[];
  failedRequests: FailedRequest[];
}

const MAX_PER_KIND = 50;

function push<T>(list: T[], item: T): void {
  if (list.length < MAX_PER_KIND) list.push(item);
}

export class StepRecorder {
  #current: StepEvents = StepRecorder.empty();
  readonly #origins = new WeakMap<HTTPRequest, StepEvents>();
  readonly #inFlight = new Set<HTTPRequest>();

  static empty(): StepEvents {
    return { jsErrors: [], consoleErrors: [], failedRequests: [] };
  }

  constructor(page: Page, guard: PaymentGuard) {
    page.on('request', (request) => {
      this.#origins.set(request, this.#current);
      this.#inFlight.add(request);
      this.lastActivityAt = performance.now();
    });
    page.on('requestfinished', (request) => {
      this.#inFlight.delete(request);
      this.lastActivityAt = performance.now();
    });
    // Requests of the document we left (a lazy image, say) are cancelled without a requestfailed event.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.#inFlight.clear();
    });
    page.on('pageerror', (error) => push(this.#current.jsErrors, error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') push(this.#current.consoleErrors, message.text());
    });
    page.on('response', (response) => {
      const status = response.status();
      // A redirect's request never "finishes"; its follow-up request is tracked on its own.
      if (status >= 300 && status < 400) this.#inFlight.delete(response.request());
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
        this.lastDocumentStatus = status;
        this.lastDocumentError = null;
      }
      if (status < 400) return;
      const bucket = this.#origins.get(response.request()) ?? this.#current;
      push(bucket.failedRequests, { url: response.url(), status });
    });
    page.on('requestfailed', (request) => {
      this.#inFlight.delete(request);
      this.lastActivityAt = performance.now();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        this.lastDocumentError = `${request.url()}: ${guard.wasBlocked(request) ? 'blocked by the never-pay guard' : (request.failure()?.errorText ?? 'failed')}`;
      }
      if (guard.wasBlocked(request)) return;
      const errorText = request.failure()?.errorText ?? 'failed';
      // Requests cut off because we navigated away are our doing, not the store's.
      if (errorText === 'net::ERR_ABORTED' || request.url().startsWith('data:')) return;
      const bucket = this.#origins.get(request) ?? this.#current;
      push(bucket.failedRequests, { url: request.url(), status: null, error: errorText });
    });
  }

  /** Starts collecting for the next step; call right before the action that leaves the current page. */
  begin(): StepEvents {
    this.#current = StepRecorder.empty();
    return this.#current;
  }

  /** Goes back to collecting for a step being retried, after a failed attempt began the next one. */
  resume(events: StepEvents): void {
    this.#current = events;
  }

  /** HTTP status of the last main-frame document, so a checkout page that answers 404 is not mistaken for slow. */
  lastDocumentStatus: number | null = null;
  /** Set when the last main-frame navigation failed outright (blocked, refused), cleared by the next response. */
  lastDocumentError: string | null = null;

  /** When a request last started, finished or failed (performance.now()). */
  lastActivityAt = performance.now();

  /** Requests started and not yet finished or failed. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  get current(): StepEvents {
    return this.#current;
  }
}
