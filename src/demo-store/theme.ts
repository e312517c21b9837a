/** Theme identity, like a Shopify store's published Dawn theme. */
export const THEME_ID = 142857;
export const THEME_NAME = 'Dawn';
/** Cache-busting version appended to asset URLs, like Shopify's `?v=` */
export const ASSET_VERSION = '1732300000';
export const SHOP_DOMAIN = 'demo-store.myshopify.com';
export const SHOP_NAME = 'Northwind Supply Co.';
export const STOREFRONT_PASSWORD = 'demo';

export function themeAssetPath(file: string): string {
  return `/cdn/shop/t/${THEME_ID}/assets/${file}`;
}
