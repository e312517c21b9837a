// The merchant's extra request headers (a Web Bot Auth signature, an Authorization for a staging store, a
// Cookie) go to the store's own origin only. Lighthouse's `extraHeaders` flag would set them with
// Network.setExtraHTTPHeaders, which adds them to every request the page makes, so a store's secret would reach
// every CDN, app and analytics host the theme calls. Instead the store's origin alone is intercepted (a Fetch
// pattern, so other hosts' requests are never paused) and the headers are added to those requests. A redirect
// to another origin is a new request the pattern does not match, so it leaves without them.
import type { CDPSession, Page } from 'puppeteer-core';

interface PausedRequest {
  requestId: string;
  request: { url: string; headers: Record<string, string> };
}

/** Adds `headers` to the page's requests to `origin`; resolves once the interception is in place. */
export async function sendHeadersToOwnOrigin(page: Page, origin: string, headers: Record<string, string>): Promise<void> {
  if (Object.keys(headers).length === 0) return;
  const own = new URL(origin).origin;
  const session: CDPSession = await page.createCDPSession();
  session.on('Fetch.requestPaused', (event: PausedRequest) => {
    // The glob could match more than the origin (its `?` is a wildcard), so the origin is checked exactly.
    const merged = sameOrigin(event.request.url, own) ? mergeHeaders(event.request.headers, headers) : null;
    const params = merged ? { requestId: event.requestId, headers: merged } : { requestId: event.requestId };
    // The context may be closing (end of the run): a request left paused dies with it.
    session.send('Fetch.continueRequest', params).catch(() => undefined);
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: `${own}/*`, requestStage: 'Request' }] });
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** The request's own headers with the extra ones on top; a name already there is replaced whatever its case. */
function mergeHeaders(own: Record<string, string>, extra: Record<string, string>): Array<{ name: string; value: string }> {
  const names = new Set(Object.keys(extra).map((name) => name.toLowerCase()));
  const kept = Object.entries(own).filter(([name]) => !names.has(name.toLowerCase()));
  return [...kept, ...Object.entries(extra)].map(([name, value]) => ({ name, value }));
}
