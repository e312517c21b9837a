// Where a Shopify storefront serves what. This file is the one place in audits/ that knows Shopify's URL
// layout; attribution.ts applies it without knowing which platform it describes. The paths come from real
// storefronts' request lists (Dawn and Horizon stores): theme files under /cdn/shop/t/<themeId>/assets/ and
// /compiled_assets/ (the {% stylesheet %}/{% javascript %} bundles of sections), the font CDN under /cdn/fonts/,
// platform scripts under /cdn/shopifycloud/, /cdn/wpm/ (web pixels manager), /cdn/s/ (trekkie analytics) and
// /checkouts/internal/, app assets under /extensions/<uuid>/<handle>-<version>/assets/.
export interface StorefrontLayout {
  /** Extension (app-embed / app-block) assets: captures the extension uuid and the version segment. Any host. */
  extensionAsset: RegExp;
  /** Theme assets: matched on the path, on the store origin or a platform CDN host. */
  themeAsset: RegExp;
  /** Theme requests by query: the section rendering API (`?section_id=`, `?sections=`) the theme's scripts call. */
  themeQuery: RegExp;
  /** Hosts that serve platform assets (and theme assets under themeAsset paths). */
  platformHosts: RegExp;
  /** Paths (on the store origin or a platform host) that the platform, not the merchant's theme, serves. */
  platformPaths: RegExp;
  /** Paths (on the store origin or a platform host) that are merchant content: images, files. */
  contentPaths: RegExp;
  /** App proxy paths on the store origin (/apps/<subpath>/…): captures the subpath, which the app chose. */
  appProxy: RegExp;
  /** Store-origin paths that are the store's own pages (documents, in any locale prefix) and the favicon Chromium asks for. */
  storePages: RegExp;
  platformName: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const SHOPIFY_LAYOUT: StorefrontLayout = {
  extensionAsset: new RegExp(`/extensions/(${UUID})/([^/]+)/assets/`, 'i'),
  // /cdn/shop/t/<themeId>/assets/ on the store domain, /s/files/<shop path>/t/<themeId>/assets/ on cdn.shopify.com.
  themeAsset: /^(?:\/cdn\/shop|\/s\/files(?:\/\d+)+)\/t\/\d+\/(?:assets|compiled_assets)\//,
  themeQuery: /[?&](?:section_id|sections)=/,
  platformHosts: /(^|\.)(cdn\.shopify\.com|shopifycdn\.net|shopifycdn\.com|shopifysvc\.com|shopifycloud\.com|shopify\.com|shop\.app|shopifyapps\.com)$/i,
  platformPaths:
    /^\/(cdn\/fonts\/|cdn\/shopifycloud\/|shopifycloud\/|cdn\/wpm\/|wpm@|web-pixels|cdn\/s\/|s\/(?:javascripts|trekkie)|static\/|checkouts\/|\.well-known\/shopify\/|api\/|cart(?:\/[a-z_]+)?\.js|cart\/|recommendations\/|search\/suggest|products\/[^/]+\.(?:js|json)|sf_private_access_tokens|services\/|private_access_tokens)/,
  contentPaths: /^\/(cdn\/shop\/(files|products|collections|articles|videos)\/|s\/files\/(\d+\/)+(files|products|collections|articles|videos)\/)/,
  appProxy: /^\/(?:apps|a|community|tools)\/([^/?#]+)/,
  storePages: /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?(?:$|(?:products|collections|pages|blogs|policies)(?:\/|$)|search|cart\/?$|account|favicon\.ico$)/i,
  platformName: 'Shopify',
};
