// SSRF guard. In app mode a merchant-controlled page could link (or redirect) us to 169.254.169.254 or an
// internal service. The check runs inside the socket's DNS lookup, so it applies to the address actually
// connected to, on every connection (every redirect hop opens or reuses one checked this way), and a DNS answer
// cannot change between "check" and "connect".
import dns from 'node:dns';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BlockedAddressError } from './fetch-errors.ts';

/** The ipaddr.js range name of an address, or null when it is public unicast (the only kind we let through). */
export function privateRangeOf(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so mapped addresses get the IPv4 rules.
    parsed = ipaddr.process(address);
  } catch {
    return 'unparseable';
  }
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

export function isPublicAddress(address: string): boolean {
  return privateRangeOf(address) === null;
}

/** For URLs whose host is an IP literal: sockets skip DNS lookup for those, so they are checked up front. */
export function assertPublicHost(hostname: string, trusted: ReadonlySet<string> = new Set()): void {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (!net.isIP(bare) || trusted.has(bare)) return;
  const range = privateRangeOf(bare);
  if (range) throw new BlockedAddressError(hostname, bare, range);
}

type LookupAddress = { address: string; family: number };

/**
 * A `lookup` for net/tls.connect that refuses any answer containing a non-public address. `trusted` lists
 * addresses to let through anyway (tests, self-hosted setups that deliberately audit an internal store).
 */
export function publicOnlyLookup(trusted: ReadonlySet<string> = new Set()): LookupFunction {
  return (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return (callback as (e: Error) => void)(error);
    // Refuse when ANY answer is private: a mixed answer is the classic DNS-rebinding setup.
    for (const entry of addresses) {
      const range = trusted.has(entry.address) ? null : privateRangeOf(entry.address);
      if (range) return (callback as (e: Error) => void)(new BlockedAddressError(hostname, entry.address, range));
    }
    if ((options as { all?: boolean }).all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return (callback as (e: Error) => void)(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
    (callback as (e: null, a: string, f: number) => void)(null, first.address, first.family);
  });
  };
}
