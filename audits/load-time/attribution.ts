// Who a request belongs to: the theme, the platform, a named app, another third party, the store's own
// content, or, when no rule places it, an explicit "unattributed" owner, so that nothing is silently dropped.
// App-embed and app-block assets are attributed by their /extensions/<uuid>/ path, because the CDN they come
// from is the platform's (third-party-web would call them all "Shopify").
import thirdPartyWeb from 'third-party-web/nostats-subset.js';
import type { AppCost } from '../../src/report/schema.ts';
import { KNOWN_APP_HANDLES, appForHost, appNameFromFile, appNameFromHandle, handleFromVersionSegment } from './known-apps.ts';
import { SHOPIFY_LAYOUT, type StorefrontLayout } from './storefront-layout.ts';

export interface Owner {
  kind: AppCost['kind'];
  name: string;
  nameSource: NonNullable<AppCost['nameSource']>;
  extensionId?: string;
}

export interface AttributionRules {
  /** The store's own origins (the shop domain and the page's origin). */
  storeOrigins: ReadonlySet<string>;
  /** Extension uuid or app handle (lower case) → the app's display name. */
  appNames: Readonly<Record<string, string>>;
  /** Extra domain → app name. */
  appDomains: Readonly<Record<string, string>>;
  layout?: StorefrontLayout;
}

export const THEME_OWNER: Owner = { kind: 'theme', name: 'Theme', nameSource: 'rule' };
export const CONTENT_OWNER: Owner = { kind: 'content', name: 'Store content', nameSource: 'rule' };
export const UNATTRIBUTED: Owner = { kind: 'unattributed', name: 'Unattributed', nameSource: 'rule' };

/**
 * The owner of a request URL (or of a long task's script). Null only for what is not a network request at all
 * (data: and blob: URLs): anything else that no rule knows is UNATTRIBUTED.
 */
export function ownerOf(url: string, rules: AttributionRules): Owner | null {
  if (/^(data|blob|about|chrome|chrome-extension):/i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return UNATTRIBUTED;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return UNATTRIBUTED;
  const layout = rules.layout ?? SHOPIFY_LAYOUT;
  const path = parsed.pathname;
  const platform: Owner = { kind: 'platform', name: layout.platformName, nameSource: 'rule' };

  const extension = layout.extensionAsset.exec(path);
  if (extension?.[1]) return extensionOwner(extension[1].toLowerCase(), extension[2] ?? '', path, rules);

  const onStore = rules.storeOrigins.has(parsed.origin);
  const onPlatformHost = layout.platformHosts.test(parsed.hostname);
  if (onStore || onPlatformHost) {
    if (layout.themeAsset.test(path)) return THEME_OWNER;
    if (layout.contentPaths.test(path)) return CONTENT_OWNER;
    if (layout.platformPaths.test(path)) return platform;
  }
  if (onStore) {
    const proxy = layout.appProxy.exec(path);
    if (proxy?.[1]) return namedApp(proxy[1].toLowerCase(), rules);
    if (layout.themeQuery.test(parsed.search)) return THEME_OWNER;
    if (layout.storePages.test(path)) return CONTENT_OWNER;
    return UNATTRIBUTED;
  }

  const app = appForHost(parsed.hostname, rules.appDomains);
  if (app) return { kind: 'app', name: app, nameSource: 'known-app' };
  if (onPlatformHost) return platform;
  const entity = thirdPartyWeb.getEntity(url);
  return { kind: 'third-party', name: entity?.name ?? parsed.hostname, nameSource: entity ? 'known-app' : 'host' };
}

/** An app extension's name: the shop's own names, the handle in the version segment, then the file name. */
function extensionOwner(uuid: string, versionSegment: string, path: string, rules: AttributionRules): Owner {
  const base = { kind: 'app' as const, extensionId: uuid };
  const merchant = rules.appNames[uuid];
  if (merchant) return { ...base, name: merchant, nameSource: 'merchant' };
  const handle = handleFromVersionSegment(versionSegment);
  if (handle) return { ...namedApp(handle.toLowerCase(), rules), extensionId: uuid };
  const fromFile = appNameFromFile(path.slice(path.lastIndexOf('/') + 1));
  if (fromFile) return { ...base, name: fromFile, nameSource: 'file' };
  // Never a bare uuid: its first block is enough to tell two unnamed apps apart.
  return { ...base, name: `Unnamed app (${uuid.slice(0, 8)})`, nameSource: 'rule' };
}

function namedApp(handle: string, rules: AttributionRules): Owner {
  const merchant = rules.appNames[handle];
  if (merchant) return { kind: 'app', name: merchant, nameSource: 'merchant' };
  return { kind: 'app', name: appNameFromHandle(handle), nameSource: KNOWN_APP_HANDLES[handle] ? 'known-app' : 'handle' };
}
