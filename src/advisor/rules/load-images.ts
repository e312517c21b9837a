// Images: oversized or unresponsive images, and an LCP image that is discovered late or lazy-loaded.
import { isLazyLcp, lazyLcpCostMs, lcpImageBytesMs, type Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import type { Message, MessageParam, Opportunity } from '../../report/schema.ts';
import { basisMsg } from '../../i18n/messages/basis.ts';
import { bytesP, code, fixMsg, fixWords, msP, nested, wherePage } from '../fix-text.ts';
import { bytes, fileName, findOpportunity, itemUrls } from './util.ts';

/** Below this much wasted image data a page without an LCP saving gets no image fix. */
const MIN_WASTED_BYTES = 100_000;

function imageHowTo(list: MessageParam, items: Record<string, unknown>[]): Message[] {
  const lazy = items.filter((i) => typeof i.snippet === 'string' && LAZY.test(i.snippet) && typeof i.url === 'string').map((i) => fileName(i.url as string));
  return [
    fixMsg('imageDelivery.howToCdn', { list, example: code('{{ section.settings.image | image_url: width: 1500 }}') }),
    fixMsg('imageDelivery.howToSrcset', { example: code("{{ image | image_url: width: 1500 | image_tag: widths: '375, 750, 1100, 1500', sizes: '100vw' }}") }),
    fixMsg('imageDelivery.howToFormats'),
    ...(lazy.length ? [fixMsg('imageDelivery.howToLazy', { files: code([...new Set(lazy)].join(', ')), example: code("loading: 'eager', fetchpriority: 'high', preload: true") })] : []),
  ];
}

/** The first three image file names, or "the largest images". */
function listParam(delivery: Opportunity): MessageParam {
  const names = [...new Set(itemUrls(delivery).map(fileName))].slice(0, 3);
  return names.length ? code(names.join(', ')) : nested(fixMsg('largestImages'));
}

const LAZY = /loading\s*=\s*["']?lazy/i;

export function imageRules(m: Measurement, minLcpMs: number): Candidate[] {
  const out: Candidate[] = [];
  const delivery = findOpportunity(m.page, 'image-delivery-insight');
  const deliveryMs = Math.max(delivery?.metricSavings.LCP ?? 0, delivery && (delivery.metricSavings.LCP ?? 0) < minLcpMs ? lcpImageBytesMs(m.page, delivery) : 0);
  if (delivery && deliveryMs >= minLcpMs) {
    const list = listParam(delivery);
    out.push({
      kind: 'lcp', id: 'image-delivery', category: 'images', pages: [m.url],
      ...fixWords(
        fixMsg('imageDelivery.title'),
        fixMsg('imageDelivery.evidence', { where: wherePage(m.page), hasBytes: delivery.wastedBytes ? 1 : 0, bytes: bytesP(delivery.wastedBytes ?? 0), saving: msP(deliveryMs), list, lcp: msP(m.page.metrics.lcpMs ?? 0) }),
        imageHowTo(list, delivery.items ?? []),
      ),
      claims: [{ key: m.key, phase: 'load-time', labMs: deliveryMs }],
    });
  }
  if (delivery && deliveryMs < minLcpMs && (delivery.wastedBytes ?? 0) >= MIN_WASTED_BYTES) {
    const list = listParam(delivery);
    out.push({
      // The same fix as above: its presence rests on the wasted bytes (deterministic), not on whether the heavy
      // image won this run's LCP race; only its price changes.
      kind: 'flat', metric: 'bytes', id: 'image-delivery', category: 'images', pages: [m.url],
      ...fixWords(
        fixMsg('imageDelivery.title'),
        fixMsg('imageDelivery.evidenceBytes', { where: wherePage(m.page), bytes: bytesP(delivery.wastedBytes ?? 0), list }),
        imageHowTo(list, delivery.items ?? []),
      ),
      note: basisMsg('noteWastedBytes', { bytes: bytesP(delivery.wastedBytes ?? 0) }),
      claims: [{ key: m.key }],
    });
  }
  const discovery = findOpportunity(m.page, 'lcp-discovery-insight');
  const lazy = isLazyLcp(m.page);
  // A lazy-loaded LCP image waits for layout before it is even requested: its load delay is the cost, when
  // Lighthouse's discovery insight gives no saving of its own.
  const discoveryMs = Math.max(discovery?.metricSavings.LCP ?? 0, lazyLcpCostMs(m.page));
  if (discoveryMs >= minLcpMs) {
    const el = m.page.lcpElement;
    const selector = el?.selector?.split('>').pop()?.trim();
    const image: MessageParam = el?.url ? code(fileName(el.url)) : selector ? nested(fixMsg('lcpImageSelector', { selector: code(selector) })) : nested(fixMsg('lcpImage'));
    out.push({
      kind: 'lcp', id: 'lcp-image-priority', category: 'images', pages: [m.url],
      ...fixWords(
        fixMsg('lcpPriority.title'),
        fixMsg('lcpPriority.evidence', { where: wherePage(m.page), image, lazy: lazy ? 1 : 0, saving: msP(discoveryMs) }),
        [
          fixMsg('lcpPriority.howToEager', { image, eager: code("loading: 'eager'"), example: code('{% if section.index == 1 %}') }),
          fixMsg('lcpPriority.howToPreload', { example: code("fetchpriority: 'high', preload: true"), tag: code('<link rel="preload" as="image">') }),
          fixMsg('lcpPriority.howToNoCss'),
        ],
      ),
      claims: [{ key: m.key, phase: 'load-delay', labMs: discoveryMs }],
    });
  }
  return out;
}
