// In app mode Chromium must not be pointed at internal addresses. Lighthouse loads pages in the browser, where
// the socket-level guard of the HTTP fetcher does not apply, so each page's host is resolved and checked first.
// (Subresources the page itself requests are not checked; the browser loads those as any visitor's would.)
import { lookup } from 'node:dns/promises';
import { privateRangeOf } from '../shared/address-guard.ts';
import { PageFailure } from './page-failure.ts';

export async function assertPublicPage(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true });
  } catch (error) {
    throw new PageFailure('http-error', `the host ${host} could not be resolved (${(error as { code?: string }).code ?? 'DNS error'})`);
  }
  for (const { address } of addresses) {
    const range = privateRangeOf(address);
    if (range) throw new PageFailure('blocked', `${host} resolves to a ${range} address (${address}), which app mode does not audit`);
  }
}
