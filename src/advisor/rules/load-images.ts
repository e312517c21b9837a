// Images: oversized or unresponsive images, and an LCP image that is discovered late or lazy-loaded.
import { isLazyLcp, lazyLcpCostMs, type Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { bytes, fileName, findOpportunity, itemUrls, ms, where } from './util.ts';

/** Below this much wasted image data a page without an LCP saving gets no image fix. */
const MIN_WASTED_BYTES = 100_000;

function imageHowTo(list: string, items: Record<string, unknown>[]): string[] {
  const lazy = items.filter((i) => typeof i.snippet === 'string' && LAZY.test(i.snippet) && typeof i.url === 'string').map((i) => fileName(i.url as string));
  return [
    `Render ${list} through Shopify's image CDN with a width, e.g. {{ section.settings.image | image_url: width: 1500 }}, instead of the original upload.`,
    "Give it responsive candidates: {{ image | image_url: width: 1500 | image_tag: widths: '375, 750, 1100, 1500', sizes: '100vw' }} (or write srcset/sizes by hand with image_url at each width); make sizes match the rendered width.",
    'Keep images on the CDN URL that image_url returns: Shopify then serves WebP/AVIF to browsers that accept them. Re-export PNG photos as JPEG before uploading.',
    ...(lazy.length ? [`${[...new Set(lazy)].join(', ')} is lazy-loaded: if it is above the fold (a hero or banner), load it eagerly with image_tag loading: 'eager', fetchpriority: 'high' and preload: true.`] : []),
  ];
}

const LAZY = /loading\s*=\s*["']?lazy/i;

export function imageRules(m: Measurement, minLcpMs: number): Candidate[] {
  const out: Candidate[] = [];
  const delivery = findOpportunity(m.page, 'image-delivery-insight');
  const deliveryMs = delivery?.metricSavings.LCP ?? 0;
  if (delivery && deliveryMs >= minLcpMs) {
    const names = [...new Set(itemUrls(delivery).map(fileName))].slice(0, 3);
    const list = names.length ? names.join(', ') : 'the largest images';
    out.push({
      kind: 'lcp', id: 'image-delivery', category: 'images', pages: [m.url],
      title: 'Serve images at the size they are shown, in modern formats',
      evidence: `${where(m.page)}: image delivery could save ${delivery.wastedBytes ? bytes(delivery.wastedBytes) + ' and ' : ''}~${ms(deliveryMs)} of LCP (${list}); lab LCP ${ms(m.page.metrics.lcpMs ?? 0)}`,
      howTo: imageHowTo(list, delivery.items ?? []),
      claims: [{ key: m.key, phase: 'load-time', labMs: deliveryMs }],
    });
  }
  if (delivery && deliveryMs < minLcpMs && (delivery.wastedBytes ?? 0) >= MIN_WASTED_BYTES) {
    const names = [...new Set(itemUrls(delivery).map(fileName))].slice(0, 3);
    const list = names.length ? names.join(', ') : 'the largest images';
    out.push({
      // The same fix as above: its presence rests on the wasted bytes (deterministic), not on whether the heavy
      // image won this run's LCP race; only its price changes.
      kind: 'flat', metric: 'bytes', id: 'image-delivery', category: 'images', pages: [m.url],
      title: 'Serve images at the size they are shown, in modern formats',
      evidence: `${where(m.page)}: ${bytes(delivery.wastedBytes ?? 0)} of image data could be saved (${list}); Lighthouse estimates no LCP saving because the image is not the page's LCP element`,
      howTo: imageHowTo(list, delivery.items ?? []),
      note: `${bytes(delivery.wastedBytes ?? 0)} wasted per visit but no LCP saving measured`,
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
    const image = el?.url ? fileName(el.url) : el?.selector ? `the LCP image (${el.selector.split('>').pop()?.trim()})` : 'the LCP image';
    out.push({
      kind: 'lcp', id: 'lcp-image-priority', category: 'images', pages: [m.url],
      title: 'Load the main image first: preload it and never lazy-load it',
      evidence: `${where(m.page)}: LCP element ${image}${lazy ? ' is lazy-loaded (loading="lazy")' : ' is discovered late'}; fixing discovery could save ~${ms(discoveryMs)} of LCP`,
      howTo: [
        `Remove loading="lazy" from ${image}: in the section, pass loading: 'eager' to image_tag for the first section (e.g. {% if section.index == 1 %}), keep lazy only below the fold.`,
        "Add fetchpriority: 'high' and preload: true to that image_tag, so Shopify emits a <link rel=\"preload\" as=\"image\"> with matching imagesrcset/imagesizes.",
        'Do not set the hero as a CSS background-image or inject it with JavaScript: the browser only discovers it late.',
      ],
      claims: [{ key: m.key, phase: 'load-delay', labMs: discoveryMs }],
    });
  }
  return out;
}
