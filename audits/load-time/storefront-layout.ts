// Where a Shopify storefront serves what. This file is the one place in audits/ that knows Shopify's URL
// layout; attribution.ts applies it without knowing which platform it describes.
export interface StorefrontLayout {
  /** Extension (app-embed / app-block) assets: captures the extension uuid. Matched on the path, any host. */
  extensionAsset: RegExp;
  /** Theme assets: matched on the path, on the store origin or a platform CDN host. */
  themeAsset: RegExp;
  /** Hosts that serve platform assets (and theme assets under themeAsset paths). */
  platformHosts: RegExp;
  /** Paths on the store origin that the platform, not the merchant's theme, serves. */
  platformPaths: RegExp;
  /** Paths (on the store origin or a platform host) that are merchant content: images, files. Not attributed. */
  contentPaths: RegExp;
  platformName: string;
}

export const SHOPIFY_LAYOUT: StorefrontLayout = {
  extensionAsset: /\/extensions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/[^/]+\/assets\//i,
  // /cdn/shop/t/<themeId>/assets/ on the store domain, /s/files/<shop path>/t/<themeId>/assets/ on cdn.shopify.com.
  themeAsset: /^(?:\/cdn\/shop|\/s\/files(?:\/\d+)+)\/t\/\d+\/assets\//,
  platformHosts: /(^|\.)(cdn\.shopify\.com|shopifycdn\.net|shopifysvc\.com|shopifycloud\.com|shopify\.com|shop\.app)$/i,
  platformPaths: /^\/(cdn\/shopifycloud\/|cdn\/wpm\/|cdn\/s\/|wpm@|web-pixels|checkouts\/internal\/|\.well-known\/shopify\/|api\/|cart\.js|recommendations\/)/,
  contentPaths: /^\/(cdn\/shop\/(files|products|collections|articles)\/|s\/files\/(\d+\/)+(files|products|collections|articles)\/)/,
  platformName: 'Shopify',
};
