import { CHATLY, PROMO_BAR, REVIEWS_PRO, appAssetPath } from './apps.ts';
import { themeAssetPath } from './theme.ts';

/**
 * The planted defects as data, so tests and audits refer to one source instead of repeating URL strings.
 * Paths are storefront-relative unless named `external…` (relative to store.externalUrl) or `app…` (store.appCdnUrl).
 */
export const DEFECT_PATHS = {
  heroImage: '/cdn/shop/files/hero-banner.png',
  themeScript: themeAssetPath('theme.js'),
  themeStylesheets: [themeAssetPath('base.css'), themeAssetPath('component-card.css')],
  appRenderBlockingScript: appAssetPath(REVIEWS_PRO),
  appLongTaskScript: appAssetPath(CHATLY),
  appLayoutShiftScript: appAssetPath(PROMO_BAR),
  slowCollection: '/collections/sale',
  brokenProductLink: '/products/discontinued-widget',
  brokenImage: '/cdn/shop/files/missing-lookbook.jpg',
  brokenSrcsetCandidate: '/cdn/shop/files/collection-banner_1600x.jpg',
  brokenStylesheet: themeAssetPath('legacy-theme.css'),
  brokenStylesheetFoundOn: '/pages/about',
  externalBrokenLink: '/gone',
  externalBrokenLinkFoundOn: '/pages/contact',
  sitemapBrokenEntry: '/products/retired-product',
  sitemapWithBrokenEntry: '/sitemap_products_1.xml',
  redirectChain: ['/collections/old-summer', '/collections/summer-2025', '/collections/summer'] as const,
  transient503: '/pages/shipping-info',
  paginationTrap: '/collections/everything',
  checkoutTracking: '/checkouts/internal/tracking',
} as const;

/** Pages that fail on purpose; linked from nowhere. */
export const FAULT_PATHS = {
  hang: '/pages/hang',
  serverError: '/pages/server-error',
  interstitial: '/pages/interstitial',
} as const;

export const SOLD_OUT_HANDLE = 'sold-out-tee';

export interface DefectInfo {
  id: string;
  defect: string;
  where: string;
  finding: string;
}

/** D1..D17 as in SPEC.md; README's table is generated from the same words. */
export const DEFECTS: readonly DefectInfo[] = [
  { id: 'D1', defect: 'heavy hero: 3000×1800 PNG, ~2.7 MB, no srcset, loading="lazy"', where: `home ${DEFECT_PATHS.heroImage}`, finding: 'load: image opportunity on home, LCP lazy-loaded' },
  { id: 'D2', defect: 'render-blocking theme.js (no defer) and 2 large CSS files in <head>', where: 'all pages', finding: 'load: render-blocking resources listing theme.js' },
  { id: 'D3', defect: 'render-blocking app script reviews-pro.js from the app origin', where: 'all pages', finding: 'load: render-blocking, attributed to "Reviews Pro"' },
  { id: 'D4', defect: '~350 ms main-thread long task', where: 'chatly-widget.js (app "Chatly"), all pages', finding: 'load: TBT / long task attributed to "Chatly"' },
  { id: 'D5', defect: 'slow collection, TTFB ≥ slowCollectionMs (1200 ms)', where: DEFECT_PATHS.slowCollection, finding: 'load and links: server response time' },
  { id: 'D6', defect: 'unsized product images + promo banner injected at the top ~800 ms after load', where: 'product pages (app "Promo Bar")', finding: 'load: CLS > 0.1 on product pages' },
  { id: 'D7', defect: 'broken internal link (404)', where: `home → ${DEFECT_PATHS.brokenProductLink}`, finding: 'links: broken page' },
  { id: 'D8', defect: 'broken image (404)', where: `home img ${DEFECT_PATHS.brokenImage}`, finding: 'links: broken image' },
  { id: 'D9', defect: 'broken srcset candidate (404)', where: `home srcset ${DEFECT_PATHS.brokenSrcsetCandidate}`, finding: 'links: broken image' },
  { id: 'D10', defect: 'broken stylesheet (404)', where: `${DEFECT_PATHS.brokenStylesheetFoundOn} → ${DEFECT_PATHS.brokenStylesheet}`, finding: 'links: broken stylesheet' },
  { id: 'D11', defect: 'broken external link (404)', where: `${DEFECT_PATHS.externalBrokenLinkFoundOn} → <externalUrl>${DEFECT_PATHS.externalBrokenLink}`, finding: 'links: broken page, external' },
  { id: 'D12', defect: 'sitemap entry that 404s', where: `${DEFECT_PATHS.sitemapWithBrokenEntry} lists ${DEFECT_PATHS.sitemapBrokenEntry}`, finding: 'links: broken page, foundOn the sitemap' },
  { id: 'D13', defect: '2-hop redirect chain (301, 301, 200)', where: `footer → ${DEFECT_PATHS.redirectChain.join(' → ')}`, finding: 'links: redirect chain of 2 hops, final 200' },
  { id: 'D14', defect: 'transient 503 with Retry-After: 1 on the first request per run', where: DEFECT_PATHS.transient503, finding: 'links: NOT reported broken' },
  { id: 'D15', defect: 'endless pagination: ?page=N always links ?page=N+1', where: DEFECT_PATHS.paginationTrap, finding: 'discovery/links: trap bounded, truncation reported' },
  { id: 'D16', defect: 'uncaught TypeError', where: 'checkout shipping step (one-page: the single page)', finding: 'checkout: jsErrors on step "shipping"' },
  { id: 'D17', defect: `request to ${DEFECT_PATHS.checkoutTracking} answers 500`, where: 'checkout information step (one-page: the single page)', finding: 'checkout: failedRequests on step "information"' },
];
