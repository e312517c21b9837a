// In app mode a merchant (or anyone holding a session for one shop) may only audit that shop's own storefront.
// Two checks: the host must be one of the shop's domains as Shopify reports them, and every address it resolves
// to must be public, so a shop whose "domain" points at 127.0.0.1 or the cloud metadata address cannot turn the
// auditor into a probe of our own network. The engine's socket-level guard (audits/shared/address-guard.ts)
// re-checks at connect time; this check gives the merchant a clear refusal before anything is queued.
import dns from 'node:dns/promises';
import net from 'node:net';
import { privateRangeOf } from '../../audits/shared/address-guard.ts';
import type { ShopProfile } from './ports.ts';

export class AuditTargetRefusedError extends Error {
  override name = 'AuditTargetRefusedError';
}

export type Resolve = (hostname: string) => Promise<string[]>;

const systemResolve: Resolve = async (hostname) => (await dns.lookup(hostname, { all: true })).map((a) => a.address);

export interface AuditTargetOptions {
  resolve?: Resolve;
  /**
   * Development against the Shopify stand-in only (never production): the storefront origins (scheme, host and
   * port, e.g. `http://127.0.0.1:4000`) that may be private, because the stand-in's shops live on localhost.
   * Only an exact origin match skips the private-address check; the own-domain check always applies, and any
   * other private target (another port, another loopback name) is refused as in production.
   */
  privateOrigins?: readonly string[];
}

export async function assertShopOwnsAuditTarget(rawUrl: string, profile: ShopProfile, options: AuditTargetOptions = {}): Promise<URL> {
  const resolve = options.resolve ?? systemResolve;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new AuditTargetRefusedError(`not a URL: ${rawUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AuditTargetRefusedError(`only http(s) storefronts can be audited, got ${url.protocol}`);
  if (url.username || url.password) throw new AuditTargetRefusedError('URLs with credentials are refused');
  const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  // Domains are host names; a development shop on localhost may name its port too.
  if (!profile.domains.includes(host) && !profile.domains.includes(url.host.toLowerCase())) {
    throw new AuditTargetRefusedError(`${host} is not a domain of ${profile.shop} (its domains: ${profile.domains.join(', ')})`);
  }
  if (options.privateOrigins?.includes(url.origin)) return url;
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await resolve(host);
  } catch (error) {
    throw new AuditTargetRefusedError(`${host} does not resolve: ${(error as Error).message}`);
  }
  if (addresses.length === 0) throw new AuditTargetRefusedError(`${host} does not resolve`);
  for (const address of addresses) {
    const range = privateRangeOf(address);
    if (range) throw new AuditTargetRefusedError(`${host} resolves to ${address} (${range}), which is not a public address`);
  }
  return url;
}
