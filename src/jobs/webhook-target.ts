// SSRF guard for the alert webhook (issue #16, item 6). In app mode the webhook URL is a merchant's input, and
// both the test button and every real alert POST to it and report whether that worked, which would let anyone
// with a session probe our own network (169.254.169.254, loopback ports, 10.x). So, as for audit targets:
//   - when the setting is saved, the URL must be http(s) without credentials, and its host an IP literal or a
//     name that resolves, every address public (assertPublicWebhookUrl); a refusal is a plain 400 code;
//   - when it is sent, the socket's own DNS lookup refuses any private answer (publicOnlyLookup), so a name that
//     resolved to a public address at save and now answers 127.0.0.1 (DNS rebinding) is refused at connect time;
//     and redirects are never followed, so a public endpoint cannot bounce the POST inward.
// Standalone mode (one operator on their own machine, like the CLI) may name private addresses, as its audits may.
import dns from 'node:dns/promises';
import net from 'node:net';
import { Agent, fetch } from 'undici';
import { assertPublicHost, privateRangeOf, publicOnlyLookup } from '../../audits/shared/address-guard.ts';

/** The webhook URL names, or resolves to, an address that is not public; `reason` is for logs only. */
export class WebhookTargetRefusedError extends Error {
  override name = 'WebhookTargetRefusedError';
  readonly code = 'alert_webhook_not_public';
}

/** The webhook host does not resolve at all (checked at save only). */
export class WebhookTargetUnresolvableError extends Error {
  override name = 'WebhookTargetUnresolvableError';
  readonly code = 'alert_webhook_unresolvable';
}

export type Resolve = (hostname: string) => Promise<string[]>;

const systemResolve: Resolve = async (hostname) => (await dns.lookup(hostname, { all: true })).map((a) => a.address);

/** Save-time check of a webhook URL in app mode. Throws WebhookTargetRefusedError / WebhookTargetUnresolvableError. */
export async function assertPublicWebhookUrl(raw: string, resolve: Resolve = systemResolve): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetRefusedError(`not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetRefusedError(`scheme ${url.protocol}`);
  if (url.username || url.password) throw new WebhookTargetRefusedError('credentials in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new WebhookTargetUnresolvableError(`${host}: ${(error as Error).message}`);
    }
    if (addresses.length === 0) throw new WebhookTargetUnresolvableError(host);
  }
  for (const address of addresses) {
    const range = privateRangeOf(address);
    if (range) throw new WebhookTargetRefusedError(`${host} → ${address} (${range})`);
  }
}

export interface WebhookPostOptions {
  /** Standalone mode only: private targets allowed. */
  allowPrivateAddresses: boolean;
  timeoutMs?: number;
}

export interface WebhookAnswer {
  status: number;
}

/**
 * POSTs `body` as JSON to `url` without following redirects; in app mode, refuses a private target before any
 * byte is sent (IP literals up front, names inside the connection's DNS lookup). A 3xx is an answer like any
 * other (not delivered); a refused target throws WebhookTargetRefusedError.
 */
export async function postWebhook(url: string, body: unknown, options: WebhookPostOptions): Promise<WebhookAnswer> {
  const target = new URL(url);
  const dispatcher = options.allowPrivateAddresses ? undefined : new Agent({ connect: { lookup: publicOnlyLookup() } });
  try {
    if (!options.allowPrivateAddresses) {
      try {
        assertPublicHost(target.hostname);
      } catch (error) {
        throw new WebhookTargetRefusedError((error as Error).message, { cause: error });
      }
    }
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      ...(dispatcher ? { dispatcher } : {}),
    }).catch((error: unknown) => {
      // undici wraps the lookup's refusal as the cause of its "fetch failed".
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'ERR_BLOCKED_PRIVATE_ADDRESS') throw new WebhookTargetRefusedError(cause.message ?? 'private address', { cause });
      throw error;
    });
    await response.body?.cancel();
    return { status: response.status };
  } finally {
    await dispatcher?.close();
  }
}
