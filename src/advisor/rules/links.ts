// Broken links and redirect chains, priced as visits that hit them × CR × AOV × a recovery share. A broken image
// is priced by its exposure (how many visits actually load it), and the broken images of one page share that
// page's pool: together they can never cost more than the page's visits × CR × AOV × the image recovery.
import type { LinksSection, Report } from '../../report/schema.ts';
import { BROKEN_LINK_RECOVERY, IMAGE_EXPOSURE, LINK_CLICK_SHARE, REDIRECT_HOP_MS } from '../defaults.ts';
import { monthlyRevenue } from '../inputs.ts';
import type { Candidate, Range, ResolvedInputs } from '../types.ts';
import { canonicalPage, createVisitModel } from '../visits.ts';
import type { Message } from '../../report/schema.ts';
import { basisMsg } from '../../i18n/messages/basis.ts';
import { count, ms, percent } from '../../report/message.ts';
import { code, fixMsg, fixWords, nested, placesParam, url } from '../fix-text.ts';
import { pathOf, places as placeList } from './util.ts';

type Broken = LinksSection['broken'][number];

function scale(r: Range, f: number): Range {
  return { low: r.low * f, central: r.central * f, high: r.high * f };
}

function liftOf(revenue: Range, inputs: ResolvedInputs): Range {
  const base = monthlyRevenue(inputs) || 1;
  return scale(revenue, 100 / base);
}

function recoveryKind(b: Broken, storeHost: string): keyof typeof BROKEN_LINK_RECOVERY {
  if (b.kind === 'page') {
    try {
      return new URL(b.url).host === storeHost ? 'page' : 'external';
    } catch {
      return 'page';
    }
  }
  return b.kind === 'media' ? 'image' : b.kind;
}

/** A srcset candidate named by its width (Shopify's _1600x, ?width=1600, a -1600w file): most viewports never pick it. */
function exposureOf(b: Broken): Range {
  return /(_\d{3,4}x(\d+)?\.|[?&]width=\d{3,4}|-\d{3,4}w\.)/i.test(b.url) ? IMAGE_EXPOSURE['srcset-candidate'] : IMAGE_EXPOSURE.unknown;
}

function where(on: string, b: Broken): string {
  return /\.xml(\?|$)/.test(on) ? b.url : on;
}

/**
 * Each broken image's share of its pages' pools. Per page: the visits that meet at least one broken image,
 * 1 − Π(1 − exposure), × the image recovery share (a visit that meets two broken images is one visit), so the
 * images of a page never cost more than its visits × CR × AOV × recovery; each image gets its exposure's share.
 */
function imageRevenue(images: Broken[], visitsOf: (url: string) => { visits: number }, perOrder: number): Map<Broken, Range> {
  const out = new Map<Broken, Range>(images.map((b) => [b, { low: 0, central: 0, high: 0 }]));
  const byPage = new Map<string, Broken[]>();
  for (const b of images) for (const on of b.foundOn) byPage.set(canonicalPage(where(on, b)), [...(byPage.get(canonicalPage(where(on, b))) ?? []), b]);
  const r = BROKEN_LINK_RECOVERY.image;
  for (const [pageUrl, list] of byPage) {
    const pool = visitsOf(pageUrl).visits * perOrder;
    for (const v of ['low', 'central', 'high'] as const) {
      // The share of the page's visits that meet at least one broken image, each recovered once.
      const alone = list.map((b) => exposureOf(b)[v] * r[v]);
      const joint = r[v] * (1 - list.reduce((p, b) => p * (1 - Math.min(1, exposureOf(b)[v])), 1));
      const sum = alone.reduce((a, b) => a + b, 0);
      list.forEach((b, i) => {
        const share = sum > 0 ? (alone[i]! / sum) * joint * pool : 0;
        out.get(b)![v] += share;
      });
    }
  }
  return out;
}

/**
 * Query-string variants of one broken URL (`legacy-theme.css?v=1` and `legacy-theme.css`, `?page=2` of a gone
 * page) are one defect: one fix, the places of all of them, the real-user views of all of them.
 */
function mergeVariants(broken: Broken[], pageViews: Record<string, number>): { merged: Broken[]; variants: Map<Broken, string[]>; views: Map<Broken, number> } {
  const byKey = new Map<string, Broken[]>();
  for (const b of broken) {
    // One missing URL whatever referenced it: the crawler reports a <link>'d stylesheet `x.css?v=1` and, found
    // from that 404, `x.css` as a page; both are the one missing file.
    const key = canonicalPage(b.url);
    byKey.set(key, [...(byKey.get(key) ?? []), b]);
  }
  const merged: Broken[] = [];
  const variants = new Map<Broken, string[]>();
  const views = new Map<Broken, number>();
  for (const list of byKey.values()) {
    const first = list.find((b) => b.kind !== 'other' && b.kind !== 'page') ?? list[0]!;
    const own = new Set(list.map((b) => b.url));
    const places = [...new Set(list.flatMap((b) => b.foundOn))].filter((on) => !own.has(on));
    const one: Broken = list.length === 1 ? first : { ...first, foundOn: places.length ? places : first.foundOn };
    merged.push(one);
    if (list.length > 1) variants.set(one, list.map((b) => b.url));
    const known = [...own].map((u) => pageViews[u]).filter((v): v is number => v !== undefined);
    if (known.length) views.set(one, known.reduce((a, v) => a + v, 0));
  }
  return { merged, variants, views };
}

export function linkRules(report: Pick<Report, 'pages' | 'store' | 'links'>, inputs: ResolvedInputs): Candidate[] {
  const links = report.links;
  if (!links) return [];
  const { merged: broken, variants, views } = mergeVariants(links.broken, inputs.pageViews);
  const priced = [...broken.flatMap((b) => b.foundOn.map((on) => where(on, b))), ...links.redirects.flatMap((r) => r.foundOn)];
  const visitsOf = createVisitModel(report, inputs, priced);
  const host = new URL(report.store.url).host;
  const perOrder = inputs.conversionRate.value * inputs.averageOrderValue.value;
  const out: Candidate[] = [];
  const images = imageRevenue(broken.filter((b) => (b.kind === 'image' || b.kind === 'media') && !views.has(b)), visitsOf, perOrder);
  for (const b of broken) {
    const kind = recoveryKind(b, host);
    const direct = views.get(b);
    let hits = 0;
    let basisVisits: Message;
    if (direct !== undefined) {
      hits = direct;
      basisVisits = basisMsg('visitsRum', { n: count(Math.round(hits)) });
    } else {
      // A link is clicked by a few visitors; a stylesheet or script is loaded by every visit; an image by the
      // visits it is exposed to (imageRevenue).
      const share = b.kind === 'page' ? LINK_CLICK_SHARE : 1;
      for (const on of b.foundOn) hits += visitsOf(where(on, b)).visits * share;
      const n = count(Math.round(hits));
      basisVisits = images.has(b)
        ? basisMsg('visitsImage', {
          n, low: percent(Math.round(exposureOf(b).low * 100)), high: percent(Math.round(exposureOf(b).high * 100)),
          placement: nested(exposureOf(b) === IMAGE_EXPOSURE.unknown ? basisMsg('placementUnknown') : basisMsg('placementSrcset', { attr: code('srcset') })),
        })
        : b.kind === 'page' ? basisMsg('visitsWeightClicks', { n, share: percent(LINK_CLICK_SHARE * 100) }) : basisMsg('visitsWeight', { n });
    }
    const revenue = images.get(b) ?? scale(BROKEN_LINK_RECOVERY[kind], hits * perOrder);
    const status = b.status === null ? (b.error ? code(b.error) : nested(fixMsg('broken.noAnswer'))) : code(`HTTP ${b.status}`);
    const path = pathOf(variants.has(b) ? canonicalPage(b.url) : b.url);
    const what = kind === 'external' ? 'external' : b.kind;
    out.push({
      kind: 'direct', id: `broken:${path}`, category: 'broken-links', pages: b.foundOn,
      ...fixWords(
        fixMsg('broken.title', { what: nested(fixMsg(`brokenKind.${what}`)), path: url(path) }),
        variants.has(b)
          ? fixMsg('broken.evidenceVariants', { urls: url(variants.get(b)!.map(pathOf).join(', ')), n: variants.get(b)!.length, status, places: placesParam(b.foundOn) })
          : fixMsg('broken.evidence', { url: url(b.url), status, places: placesParam(b.foundOn) }),
        howToFix(b, kind, b.foundOn),
      ),
      impact: {
        metric: 'broken-links', savingMs: null, revenuePerMonth: revenue, conversionLiftPct: liftOf(revenue, inputs),
        confidence: direct !== undefined ? 'medium' : 'low',
        basis: basisMsg('broken', { visits: nested(basisVisits), share: percent(BROKEN_LINK_RECOVERY[kind].central * 100) }),
      },
    });
  }
  for (const r of links.redirects) {
    const hops = Math.max(1, r.chain.length - 1);
    let followers = 0;
    for (const on of r.foundOn) followers += visitsOf(on).visits * LINK_CLICK_SHARE;
    const savingMs = hops * REDIRECT_HOP_MS;
    const lift = scale(inputs.elasticity.value, savingMs / 100);
    const revenue = scale(lift, (followers * perOrder) / 100);
    out.push({
      kind: 'direct', id: `redirect-chain:${pathOf(r.url)}`, category: 'redirects', pages: r.foundOn,
      ...fixWords(
        fixMsg('redirect.title', { target: url(pathOf(r.finalUrl)), hops }),
        fixMsg('redirect.evidence', { chain: url(r.chain.map(pathOf).join(' → ')), hops, status: r.finalStatus === null ? nested(fixMsg('broken.noAnswer')) : r.finalStatus, places: placesParam(r.foundOn) }),
        [
          fixMsg('redirect.howToLink', { places: placesParam(r.foundOn), target: url(pathOf(r.finalUrl)) }),
          fixMsg('redirect.howToRedirects', { path: url(pathOf(r.url)), target: url(pathOf(r.finalUrl)) }),
        ],
      ),
      impact: {
        metric: 'LCP', savingMs, revenuePerMonth: revenue, conversionLiftPct: liftOf(revenue, inputs), confidence: 'low',
        basis: basisMsg('redirect', { hops, perHop: ms(REDIRECT_HOP_MS), clicks: count(Math.round(followers)), elasticity: nested(inputs.elasticity.basisText) }),
      },
    });
  }
  return out;
}

function howToFix(b: Broken, kind: string, foundOn: string[]): Message[] {
  const places = placesParam(foundOn);
  if (kind === 'external') return [fixMsg('broken.howToExternal', { url: url(b.url), places })];
  if (b.kind === 'page') {
    return [
      fixMsg('broken.howToRedirect', { path: url(pathOf(b.url)) }),
      fixMsg('broken.howToLink', { places }),
      ...(foundOn.some((p) => pathOf(p).split('?')[0]!.endsWith('.xml')) ? [fixMsg('broken.howToSitemap')] : []),
    ];
  }
  return [
    fixMsg('broken.howToReupload', { what: nested(fixMsg(`kind.${b.kind}`)), path: url(pathOf(b.url)), places }),
    ...(b.kind === 'image' ? [fixMsg('broken.howToSrcset')] : []),
    ...(b.kind === 'stylesheet' || b.kind === 'script' ? [fixMsg('broken.howToStaleTag')] : []),
  ];
}
