// robots.txt, read with robots-parser. A missing or unreadable robots.txt means "everything allowed".
import robotsParserModule from 'robots-parser';
import { followRedirects, readBody, type HttpClient } from './http-fetcher.ts';

export interface Robots {
  /** Sitemap: lines, absolute. */
  sitemaps: string[];
  isAllowed(url: string): boolean;
  found: boolean;
}

// robots-parser is CommonJS (module.exports = fn) but its types declare an ES default export; at runtime the
// default import IS the function, which the types do not know.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

const ROBOTS_MAX_BYTES = 512 * 1024;

export async function readRobots(client: HttpClient, origin: string, userAgent = 'StorefrontAuditor', signal?: AbortSignal): Promise<Robots> {
  const robotsUrl = new URL('/robots.txt', origin).href;
  let text = '';
  let found = false;
  try {
    const { response } = await followRedirects(client, robotsUrl, { signal });
    if (response.status === 200) {
      text = (await readBody(response, ROBOTS_MAX_BYTES, 'truncate')).buffer.toString('utf8');
      found = true;
    } else await client.discard(response);
  } catch {
    // Unreachable robots.txt: proceed as if there were none; the store's own pages will say if it is down.
  }
  const robots = robotsParser(robotsUrl, text);
  return {
    sitemaps: robots.getSitemaps(),
    found,
    isAllowed: (url) => robots.isAllowed(url, userAgent) !== false,
  };
}
