// The rule that never bends: the journey stops at the payment step and never pays. Two independent layers:
// 1. every click the journey makes goes through guardedClick, which refuses an element whose text, name or
//    form action reads as paying ("Pay now", "Complete order", a form posting to …/complete);
// 2. request interception aborts, before it leaves the browser, any request that looks like completing an
//    order (a …/complete or thank-you URL, a card-vault host, a GraphQL completion mutation), whatever
//    triggered it: our click, the page's own script, or a bug in this module.
// Layer 2 also adds the configured headers to store requests and, in app mode, refuses private addresses.
import type { ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import { isIP } from 'node:net';
import { privateRangeOf } from '../shared/address-guard.ts';
import { PaymentGuardError } from './failure.ts';
import { CARD_VAULT_HOST, COMPLETION_OPERATION } from './platform-defaults.ts';

/** Words on a control that pays, for refusing clicks: broad on purpose ("Shop Pay" is refused too).
 * "Continue to payment" does not match: \bpay\b is not "payment". */
export const PAYMENT_ACTION = /\bpay\b|\bpay now\b|complete (my |your |the )?(order|purchase|payment|checkout)|place (my |your |the )?order|submit (my |your |the )?order|confirm (and pay|order|purchase|payment)|\bbuy now\b|authori[sz]e payment|\bpurchase\b/i;

/** The primary action of a payment page, for detecting the step: narrow, so an express "Shop Pay" button on
 * the information page does not make it look like the payment step. */
export const PAY_NOW_ACTION = /pay now|^\s*pay\b|\bpay [$€£¥\d]|complete (my |your |the )?(order|purchase)|place (my |your |the )?order|submit (my |your |the )?order|confirm (and pay|order|purchase)/i;

// A whole path segment, so /pages/complete-guide or /products/completion-kit are not caught.
const COMPLETION_PATH = /\/(complete|completion|processing|process_payment|thank[-_]?you|thank_you|post_purchase)(\/|$|\?)/i;
const ORDER_PATH = /\/orders\/[^/?]+/i;

export interface BlockedRequest {
  url: string;
  method: string;
  reason: string;
}

/** Why a request must not leave the browser, or null when it may. */
export function completionReason(url: string, method: string, postData: string | undefined, extra: RegExp[] = []): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (CARD_VAULT_HOST.test(parsed.hostname)) return 'card vault host';
  if (COMPLETION_PATH.test(parsed.pathname)) return 'order completion URL';
  if (ORDER_PATH.test(parsed.pathname)) return 'order status URL';
  const writes = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  if (writes && (COMPLETION_OPERATION.test(parsed.search) || COMPLETION_OPERATION.test(postData ?? ''))) return 'order completion operation';
  for (const pattern of extra) if (pattern.test(url)) return `configured pattern ${pattern.source}`;
  return null;
}

export interface GuardOptions {
  storeOrigin: string;
  headers: Record<string, string>;
  allowPrivateAddresses: boolean;
  blockUrlPatterns: RegExp[];
}

export class PaymentGuard {
  readonly blocked: BlockedRequest[] = [];
  readonly #options: GuardOptions;
  readonly #blockedRequests = new WeakSet<HTTPRequest>();

  constructor(options: GuardOptions) {
    this.#options = options;
  }

  /** Turns interception on for the page. Must run before the first navigation. */
  async install(page: Page): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (request) => this.#decide(request));
  }

  /** Requests this guard aborted; the recorder leaves them out of "failed requests". */
  wasBlocked(request: HTTPRequest): boolean {
    return this.#blockedRequests.has(request);
  }

  #decide(request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const reason = completionReason(url, request.method(), request.postData(), this.#options.blockUrlPatterns) ?? this.#privateAddressReason(url);
    if (reason) {
      this.blocked.push({ url, method: request.method(), reason });
      this.#blockedRequests.add(request);
      void request.abort('blockedbyclient').catch(() => undefined);
      return;
    }
    const sameOrigin = url.startsWith(this.#options.storeOrigin);
    const headers = sameOrigin && Object.keys(this.#options.headers).length > 0 ? { ...request.headers(), ...this.#options.headers } : undefined;
    void request.continue(headers ? { headers } : undefined).catch(() => undefined);
  }

  // Only IP literals can be judged here without a DNS lookup; the storefront itself is always allowed.
  #privateAddressReason(url: string): string | null {
    if (this.#options.allowPrivateAddresses || url.startsWith(this.#options.storeOrigin)) return null;
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return null;
    }
    if (host === 'localhost' || host.endsWith('.localhost')) return 'private address';
    if (isIP(host) && privateRangeOf(host)) return 'private address';
    return null;
  }
}

interface ControlIntent {
  text: string;
  formAction: string | null;
}

async function intentOf(handle: ElementHandle<Element>): Promise<ControlIntent> {
  return handle.evaluate((el) => {
    const input = el as HTMLInputElement;
    const parts = [el.textContent ?? '', input.value ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('name') ?? '', el.id, el.getAttribute('title') ?? ''];
    const form = (el as HTMLButtonElement).form ?? el.closest('form');
    const action = el.getAttribute('formaction') ?? form?.getAttribute('action') ?? null;
    const href = el.getAttribute('href');
    return {
      text: parts.join(' ').replace(/\s+/g, ' ').trim(),
      formAction: href ? new URL(href, location.href).href : action ? new URL(action, location.href).href : null,
    };
  });
}

/** Whether a control reads as paying, for the payment-step detector and the click guard alike. */
export function isPaymentIntent(intent: ControlIntent, extra: RegExp[] = []): boolean {
  if (PAYMENT_ACTION.test(intent.text)) return true;
  return intent.formAction !== null && completionReason(intent.formAction, 'POST', undefined, extra) !== null;
}

/** The only way the journey clicks anything. */
export async function guardedClick(handle: ElementHandle<Element>, extra: RegExp[] = []): Promise<void> {
  const intent = await intentOf(handle);
  if (isPaymentIntent(intent, extra)) {
    throw new PaymentGuardError(`refused to click "${intent.text.slice(0, 80)}"${intent.formAction ? ` (${intent.formAction})` : ''}: it would pay`);
  }
  await handle.click();
}
