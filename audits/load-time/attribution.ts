// Who a request belongs to: the theme, the platform, a named app or another third party. App-embed and
// app-block assets are attributed by their /extensions/<uuid>/ path, because the CDN they come from is the
// platform's (third-party-web would call them all "Shopify").
import thirdPartyWeb from 'lighthouse/core/lib/third-party-web.js';
import type { AppCost } from '../../src/report/schema.ts';
import { appForHost } from './known-apps.ts';
import { SHOPIFY_LAYOUT, type StorefrontLayout } from './storefront-layout.ts';

export interface Owner {
  kind: AppCost['kind'];
  name: string;
}

export interface AttributionRules {
  /** The store's own origins (the shop domain and the page's origin). */
  storeOrigins: ReadonlySet<string>;
  /** Extension uuid → app name. */
  appNames: Readonly<Record<string, string>>;
  /** Extra domain → app name. */
  appDomains: Readonly<Record<string, string>>;
  layout?: StorefrontLayout;
}

export const THEME_OWNER: Owner = { kind: 'theme', name: 'Theme' };

/** The owner of a URL, or null for the store's own content (the document, product images, files). */
export function ownerOf(url: string, rules: AttributionRules): Owner | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const layout = rules.layout ?? SHOPIFY_LAYOUT;
  const path = parsed.pathname;

  const extension = layout.extensionAsset.exec(path);
  if (extension?.[1]) {
    const uuid = extension[1].toLowerCase();
    return { kind: 'app', name: rules.appNames[uuid] ?? rules.appNames[extension[1]] ?? `App extension ${uuid}` };
  }
  const onStore = rules.storeOrigins.has(parsed.origin);
  const onPlatformHost = layout.platformHosts.test(parsed.hostname);
  if ((onStore || onPlatformHost) && layout.themeAsset.test(path)) return THEME_OWNER;
  if ((onStore || onPlatformHost) && layout.contentPaths.test(path)) return null;
  if (onStore) return layout.platformPaths.test(path) ? { kind: 'platform', name: layout.platformName } : null;

  const app = appForHost(parsed.hostname, rules.appDomains);
  if (app) return { kind: 'app', name: app };
  if (onPlatformHost) return { kind: 'platform', name: layout.platformName };
  const entity = thirdPartyWeb.getEntity(url);
  return { kind: 'third-party', name: entity?.name ?? parsed.hostname };
}
