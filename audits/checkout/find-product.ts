// Step 1 of the journey: find products the way a shopper would, from the home page's product links, else
// through its collections. Returns candidates (best first); add-to-cart tries them until one can be bought,
// so one discontinued or sold-out product on home does not end the audit.
import { JourneyFailure } from './failure.ts';
import { absoluteUrl, openPage, sameOrigin, type JourneySession } from './session.ts';
import { progressMessage } from '../shared/progress-message.ts';
import { code } from '../../src/report/message.ts';

const MAX_COLLECTIONS = 3;

async function linksOn(session: JourneySession, selector: string): Promise<string[]> {
  const hrefs = await session.page.$$eval(selector, (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href).filter(Boolean)).catch(() => [] as string[]);
  const seen = new Set<string>();
  for (const href of hrefs) {
    if (!sameOrigin(session, href)) continue;
    const url = new URL(href);
    url.hash = '';
    // Product JSON and other non-page variants of a product URL are not what a shopper clicks.
    if (/\.(js|json|xml|oembed)$/.test(url.pathname)) continue;
    seen.add(url.href);
  }
  return [...seen];
}

export async function findProductCandidates(session: JourneySession): Promise<string[]> {
  const { options, progress } = session;
  if (options.productUrl) return [absoluteUrl(session, options.productUrl)];

  progress(progressMessage('checkoutLookingHome'));
  await openPage(session, absoluteUrl(session, options.homePath));
  const limit = options.maxProductCandidates;
  const fromHome = (await linksOn(session, options.selectors.productLink));
  if (fromHome.length > 0) return fromHome.slice(0, limit);

  const collections = await linksOn(session, options.selectors.collectionLink);
  const candidates: string[] = [];
  for (const collection of collections.slice(0, MAX_COLLECTIONS)) {
    progress(progressMessage('checkoutLookingCollection', { path: code(new URL(collection).pathname) }));
    await openPage(session, collection);
    for (const url of await linksOn(session, options.selectors.productLink)) {
      if (!candidates.includes(url)) candidates.push(url);
    }
    if (candidates.length >= limit) break;
  }
  if (candidates.length === 0) {
    throw new JourneyFailure(
      'no-products',
      `no product links (${options.selectors.productLink}) on the home page or in ${collections.length === 0 ? 'any collection (none linked)' : `${Math.min(collections.length, MAX_COLLECTIONS)} collection(s)`}`,
    );
  }
  return candidates.slice(0, limit);
}
