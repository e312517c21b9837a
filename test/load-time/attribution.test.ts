// Who owns each request of a real storefront page, and how owners' costs are cut from the page's totals.
// The URL list is the request layout of a Shopify store on Dawn 15 / Horizon (theme assets and section bundles
// under /cdn/shop/t/<id>/, the font CDN, shopifycloud, the web pixels manager, trekkie, checkout preloads, app
// extensions with <handle>-<version> segments, app proxies), written from those themes' sources and from
// request lists published with public storefront audits.
import fc from 'fast-check';
import type { Result } from 'lighthouse';
import { describe, expect, it } from 'vitest';
import { appCostsOf, blockingTotalsOf } from '../../audits/load-time/app-costs.ts';
import { ownerOf, type AttributionRules } from '../../audits/load-time/attribution.ts';
import { appNameFromFile, appNameFromHandle, handleFromVersionSegment } from '../../audits/load-time/known-apps.ts';

const STORE = 'https://dawn-shop.example';
const rules: AttributionRules = {
  storeOrigins: new Set([STORE]),
  appNames: { '8c1d6e2f-4a3b-4f9e-b7d2-5e6f7a8b9c01': 'Chatly', 'wod-preorder-now': 'Preorder Now (renamed)' },
  appDomains: { 'widgets.acme.io': 'Acme Widgets' },
};

const T = `${STORE}/cdn/shop/t/142`;
const DAWN_PRODUCT_PAGE: Array<[string, string, string]> = [
  [`${STORE}/products/linen-shirt`, 'content', 'Store content'],
  [`${STORE}/fr-ca/products/linen-shirt?variant=4242`, 'content', 'Store content'],
  [`${STORE}/collections`, 'content', 'Store content'],
  [`${STORE}/favicon.ico`, 'content', 'Store content'],
  [`${STORE}/collections/all?page=2`, 'content', 'Store content'],
  ...['base.css', 'component-cart-items.css', 'component-localization-form.css', 'section-main-product.css', 'component-accordion.css',
    'component-price.css', 'component-slider.css', 'component-rating.css', 'component-deferred-media.css', 'section-related-products.css',
    'component-card.css', 'component-predictive-search.css', 'component-list-menu.css', 'component-search.css', 'component-menu-drawer.css',
    'component-cart-notification.css', 'section-footer.css', 'component-newsletter.css', 'constants.js', 'pubsub.js', 'global.js',
    'details-disclosure.js', 'details-modal.js', 'search-form.js', 'animations.js', 'product-info.js', 'product-form.js', 'media-gallery.js',
    'cart-notification.js', 'localization-form.js', 'icon-caret.svg'].map((f): [string, string, string] => [`${T}/assets/${f}?v=17265418`, 'theme', 'Theme']),
  [`${T}/compiled_assets/styles.css?v=28712`, 'theme', 'Theme'],
  [`${T}/compiled_assets/scripts.js?v=28712`, 'theme', 'Theme'],
  ['https://cdn.shopify.com/s/files/1/0123/4567/8901/t/5/assets/base.css?v=1', 'theme', 'Theme'],
  ['https://cdn.shopify.com/s/files/1/0123/4567/8901/t/5/compiled_assets/styles.css?v=1', 'theme', 'Theme'],
  [`${STORE}/products/linen-shirt?section_id=template--1849__main&variant=4243`, 'theme', 'Theme'],
  [`${STORE}/?sections=cart-icon-bubble,cart-drawer`, 'theme', 'Theme'],
  [`${STORE}/cdn/fonts/assistant/assistant_n4.9120912a469cad1cc292572851508ca49d12e768.woff2?h1=ZGF3bg&hmac=3f1c`, 'platform', 'Shopify'],
  ['https://fonts.shopifycdn.com/assistant/assistant_n4.woff2', 'platform', 'Shopify'],
  [`${STORE}/cdn/shopifycloud/portable-wallets/latest/accelerated-checkout-backwards-compat.css`, 'platform', 'Shopify'],
  [`${STORE}/cdn/shopifycloud/shop-js/modules/v2/client.init-shop-cart-sync_BHF27ruw.en.esm.js`, 'platform', 'Shopify'],
  [`${STORE}/cdn/shopifycloud/perf-kit/shopify-perf-kit-1.6.2.min.js`, 'platform', 'Shopify'],
  [`${STORE}/cdn/shopifycloud/privacy-banner/storefront-banner.js`, 'platform', 'Shopify'],
  [`${STORE}/cdn/shopifycloud/storefront/assets/storefront/load_feature-a0a9edcb.js`, 'platform', 'Shopify'],
  [`${STORE}/cdn/wpm/b9efe2b5aw3c57b34fpd8bbaa2emf4db4b0fm.js`, 'platform', 'Shopify'],
  [`${STORE}/wpm@b9efe2b5aw3c57b34fpd8bbaa2emf4db4b0fm/custom/web-pixel-shopify-custom-pixel@0420/sandbox/modern/products/linen-shirt`, 'platform', 'Shopify'],
  [`${STORE}/web-pixels@b9efe2b5/sandbox/modern/products/linen-shirt`, 'platform', 'Shopify'],
  [`${STORE}/checkouts/internal/preloads.js?locale=en-US`, 'platform', 'Shopify'],
  [`${STORE}/cdn/s/trekkie.storefront.5ad9b3b5e5b6b9c3a1d2.min.js`, 'platform', 'Shopify'],
  [`${STORE}/cdn/s/javascripts/currencies.js`, 'platform', 'Shopify'],
  [`${STORE}/.well-known/shopify/monorail/unstable/produce_batch`, 'platform', 'Shopify'],
  [`${STORE}/api/collect`, 'platform', 'Shopify'],
  [`${STORE}/cart.js`, 'platform', 'Shopify'],
  [`${STORE}/cart/add.js`, 'platform', 'Shopify'],
  [`${STORE}/products/linen-shirt.js`, 'platform', 'Shopify'],
  [`${STORE}/recommendations/products?product_id=1&limit=4&section_id=template--1849__related`, 'platform', 'Shopify'],
  [`${STORE}/search/suggest?q=lin&section_id=predictive-search`, 'platform', 'Shopify'],
  ['https://monorail-edge.shopifysvc.com/v1/produce', 'platform', 'Shopify'],
  ['https://cdn.shopify.com/shopifycloud/shopify/assets/storefront.js', 'platform', 'Shopify'],
  [`${STORE}/cdn/shop/files/hero.jpg?v=1700000000&width=1500`, 'content', 'Store content'],
  [`${STORE}/cdn/shop/products/linen-shirt.jpg?v=1&width=940`, 'content', 'Store content'],
  ['https://cdn.shopify.com/s/files/1/0123/4567/8901/files/favicon.png', 'content', 'Store content'],
  ['https://cdn.shopify.com/extensions/8c1d6e2f-4a3b-4f9e-b7d2-5e6f7a8b9c01/317/assets/chatly-widget.js', 'app', 'Chatly'],
  ['https://cdn.shopify.com/extensions/019ef94d-e41a-7e61-9259-faf6609a0254/pushowl-306/assets/pushowl-shopify.js', 'app', 'PushOwl'],
  ['https://cdn.shopify.com/extensions/7d130b81-2445-42f2-b4a4-905651358e17/wod-preorder-now-28/assets/preorder-now-source.js', 'app', 'Preorder Now (renamed)'],
  ['https://cdn.shopify.com/extensions/505ce933-6eff-47ee-a32f-dee5ae134593/0.0.0/assets/air-reviews-main.min.js?v=17006', 'app', 'Air Reviews'],
  ['https://cdn.shopify.com/extensions/019f530f-21d6-7501-8c72-7efff46b6a6a/dev-a737ab14-2b51-4503-8687-7fe485d44d7a/assets/enarte-try.css', 'app', 'Enarte Try'],
  [`${STORE}/extensions/3f9a2c1e-7b4d-4e8a-9c61-0d2e5b7a1f34/1042/assets/reviews-pro.js`, 'app', 'Reviews Pro'],
  [`${STORE}/apps/judge-me-reviews/widget?product=1`, 'app', 'Judge.me Reviews'],
  [`${STORE}/a/loyalty/points`, 'app', 'Loyalty'],
  ['https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=AbC', 'app', 'Klaviyo'],
  ['https://cdn.widgets.acme.io/w.js', 'app', 'Acme Widgets'],
  ['https://www.googletagmanager.com/gtag/js?id=G-1', 'third-party', 'Google Tag Manager'],
  ['https://www.google-analytics.com/g/collect?v=2', 'third-party', 'Google Analytics'],
  ['https://connect.facebook.net/en_US/fbevents.js', 'third-party', 'Facebook'],
  ['https://unknown-vendor.example/x.js', 'third-party', 'unknown-vendor.example'],
];

describe('attribution on a Dawn/Horizon product page', () => {
  it.each(DAWN_PRODUCT_PAGE)('%s → %s %s', (url, kind, name) => {
    expect(ownerOf(url, rules)).toMatchObject({ kind, name });
  });

  it('a store-origin path no rule knows is "Unattributed", never dropped', () => {
    expect(ownerOf(`${STORE}/some/odd/path.js`, rules)).toMatchObject({ kind: 'unattributed' });
    expect(ownerOf('Unattributable', rules)).toMatchObject({ kind: 'unattributed' });
  });

  it('only what is not a network request has no owner', () => {
    expect(ownerOf('data:image/png;base64,AAAA', rules)).toBeNull();
    expect(ownerOf('blob:https://dawn-shop.example/1', rules)).toBeNull();
  });

  it('never names an app by a bare uuid, whatever its path holds', () => {
    const uuid = fc.uuid();
    const segment = fc.oneof(fc.constant('1'), fc.stringMatching(/^[a-z0-9-]{1,12}$/), uuid.map((u) => `dev-${u}`));
    const file = fc.oneof(fc.stringMatching(/^[a-z0-9._-]{1,16}$/), uuid.map((u) => `${u}.js`));
    fc.assert(
      fc.property(uuid, segment, file, (id, seg, f) => {
        const owner = ownerOf(`https://cdn.shopify.com/extensions/${id}/${seg}/assets/${f}`, { ...rules, appNames: {} });
        if (owner?.kind !== 'app') return true; // not an extension path after all (e.g. a non-v4 uuid variant)
        return !owner.name.includes(id) && !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(owner.name) && owner.name.trim() !== '';
      }),
    );
  });
});

describe('app names', () => {
  it('turns handles, version segments and file names into names', () => {
    expect(appNameFromHandle('klaviyo-email-marketing-sms')).toBe('Klaviyo');
    expect(appNameFromHandle('essential-trust-badges')).toBe('Essential Trust Badges');
    expect(handleFromVersionSegment('pushowl-306')).toBe('pushowl');
    expect(handleFromVersionSegment('1042')).toBeNull();
    expect(handleFromVersionSegment('dev-a737ab14-2b51-4503-8687-7fe485d44d7a')).toBeNull();
    expect(appNameFromFile('reviews-pro.js')).toBe('Reviews Pro');
    expect(appNameFromFile('chatly-widget.min.js?v=3')).toBe('Chatly');
    expect(appNameFromFile('main.js')).toBeNull();
    expect(appNameFromFile('3f9a2c1e7b4d4e8a.js')).toBeNull();
  });
});

/** A Lighthouse result with only the audits app-costs reads. */
function lhrWith(audits: Record<string, { items: Array<Record<string, unknown>>; metricSavings?: Record<string, number>; numericValue?: number }>): Result {
  const out: Record<string, unknown> = {};
  for (const [id, a] of Object.entries(audits)) out[id] = { id, details: { type: 'table', items: a.items }, metricSavings: a.metricSavings, numericValue: a.numericValue };
  return { audits: out } as unknown as Result;
}

describe('costs that add up', () => {
  // Dawn's /collections/apparel: 16 per-section stylesheets, each "saving" most of the same 850 ms.
  const stylesheets = Array.from({ length: 16 }, (_, i) => ({ url: `${T}/assets/section-${i}.css?v=1`, totalBytes: 4000, wastedMs: 466 }));
  const lhr = lhrWith({
    'render-blocking-insight': {
      items: [...stylesheets, { url: `${STORE}/extensions/3f9a2c1e-7b4d-4e8a-9c61-0d2e5b7a1f34/1042/assets/reviews-pro.js`, totalBytes: 60_000, wastedMs: 600 }],
      metricSavings: { FCP: 850, LCP: 820 },
    },
    'long-tasks': {
      items: [
        { url: 'https://cdn.shopify.com/extensions/8c1d6e2f-4a3b-4f9e-b7d2-5e6f7a8b9c01/317/assets/chatly-widget.js', duration: 1450 },
        { url: `${T}/assets/global.js`, duration: 300 },
        { url: 'Unattributable', duration: 120 },
      ],
    },
    'total-blocking-time': { items: [], numericValue: 1200 },
    'network-requests': { items: [...stylesheets.map((s) => ({ url: s.url, transferSize: 4000 })), { url: `${STORE}/cdn/fonts/assistant/a.woff2`, transferSize: 20_000 }] },
    'bootup-time': { items: [{ url: `${T}/assets/global.js`, total: 410 }] },
  });

  it('splits the page’s render-blocking saving by item and never exceeds it', () => {
    const costs = appCostsOf(lhr, rules);
    const totals = blockingTotalsOf(lhr);
    const theme = costs.find((c) => c.kind === 'theme')!;
    expect(theme.renderBlockingMs).toBeLessThanOrEqual(850);
    expect(theme.renderBlockingMs).toBe(Math.floor((850 * 16 * 466) / (16 * 466 + 600)));
    const renderSum = costs.reduce((s, c) => s + (c.renderBlockingMs ?? 0), 0);
    expect(renderSum).toBeLessThanOrEqual(totals.renderBlockingMs);
    expect(renderSum).toBeGreaterThan(totals.renderBlockingMs - costs.length);
  });

  it('cuts the long tasks’ excess down to the page’s TBT, and keeps unattributable tasks visible', () => {
    const costs = appCostsOf(lhr, rules);
    const tbtSum = costs.reduce((s, c) => s + (c.tbtMs ?? 0), 0);
    expect(tbtSum).toBeLessThanOrEqual(1200);
    expect(costs.find((c) => c.name === 'Chatly')!.tbtMs).toBe(Math.floor((1400 * 1200) / (1400 + 250 + 70)));
    expect(costs.find((c) => c.kind === 'unattributed')!.tbtMs).toBeGreaterThan(0);
    expect(costs.find((c) => c.kind === 'platform')!.transferBytes).toBe(20_000);
    for (const c of costs) expect(c.blockingMs).toBe((c.renderBlockingMs ?? 0) + (c.tbtMs ?? 0));
  });

  it('never gives any owner, or all owners together, more than the page’s totals (property)', () => {
    const item = fc.record({ owner: fc.integer({ min: 0, max: 5 }), wastedMs: fc.option(fc.nat(5000), { nil: undefined }), totalBytes: fc.nat(100_000), duration: fc.nat(3000) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.nat(3000), fc.nat(3000), (items, fcpSaving, tbt) => {
        const url = (o: number): string => (o === 0 ? `${T}/assets/x${o}.css` : `https://cdn.shopify.com/extensions/8c1d6e2f-4a3b-4f9e-b7d2-5e6f7a8b9c0${o}/1/assets/app${o}.js`);
        const page = lhrWith({
          'render-blocking-insight': { items: items.map((i) => ({ url: url(i.owner), wastedMs: i.wastedMs, totalBytes: i.totalBytes })), metricSavings: { FCP: fcpSaving } },
          'long-tasks': { items: items.map((i) => ({ url: url(i.owner), duration: i.duration })) },
          'total-blocking-time': { items: [], numericValue: tbt },
        });
        const costs = appCostsOf(page, rules);
        const render = costs.reduce((s, c) => s + (c.renderBlockingMs ?? 0), 0);
        const tbtSum = costs.reduce((s, c) => s + (c.tbtMs ?? 0), 0);
        return render <= fcpSaving && tbtSum <= tbt && costs.every((c) => c.blockingMs <= fcpSaving + tbt);
      }),
    );
  });
});
