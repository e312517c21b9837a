// Domains that belong to storefront apps, so that an app loading from its own CDN (not from an app-embed
// extension path) is still named. third-party-web names many vendors already; these are the storefront apps it
// files under generic entities or does not know. Keys match the host and its subdomains.
export const KNOWN_APP_DOMAINS: Readonly<Record<string, string>> = {
  'klaviyo.com': 'Klaviyo',
  'static.klaviyo.com': 'Klaviyo',
  'judge.me': 'Judge.me Reviews',
  'judgeme.imgix.net': 'Judge.me Reviews',
  'yotpo.com': 'Yotpo',
  'stamped.io': 'Stamped Reviews',
  'okendo.io': 'Okendo Reviews',
  'loox.io': 'Loox Reviews',
  'reviews.io': 'REVIEWS.io',
  'privy.com': 'Privy',
  'justuno.com': 'Justuno',
  'gorgias.chat': 'Gorgias',
  'gorgias.io': 'Gorgias',
  'tidio.co': 'Tidio Chat',
  'tidiochat.com': 'Tidio Chat',
  'smile.io': 'Smile Loyalty',
  'rechargecdn.com': 'Recharge Subscriptions',
  'rechargeapps.com': 'Recharge Subscriptions',
  'boostcommerce.io': 'Boost Search & Filter',
  'searchanise.com': 'Searchanise',
  'pagefly.io': 'PageFly',
  'shogun.com': 'Shogun Page Builder',
  'getshogun.com': 'Shogun Page Builder',
  'afterpay.com': 'Afterpay',
  'klarna.com': 'Klarna On-site Messaging',
  'attn.tv': 'Attentive',
  'attentivemobile.com': 'Attentive',
  'postscript.io': 'Postscript',
  'omnisnippet1.com': 'Omnisend',
  'omnisrc.com': 'Omnisend',
  'swym.it': 'Wishlist Plus (Swym)',
  'swymrelay.com': 'Wishlist Plus (Swym)',
  'bold-apps.com': 'Bold Apps',
  'boldapps.net': 'Bold Apps',
  'zipify.com': 'Zipify',
  'vitals.co': 'Vitals',
  'gempages.net': 'GemPages',
  'rebuyengine.com': 'Rebuy',
  'aftership.com': 'AfterShip',
  'weglot.com': 'Weglot',
  'hextom.com': 'Hextom',
  'elfsight.com': 'Elfsight',
  'trustpilot.com': 'Trustpilot',
  'intercom.io': 'Intercom',
  'intercomcdn.com': 'Intercom',
  'zendesk.com': 'Zendesk Chat',
  'zdassets.com': 'Zendesk Chat',
};

/** The app name for a host, matching the domain and any subdomain of it. */
export function appForHost(host: string, extra: Readonly<Record<string, string>> = {}): string | undefined {
  const table = { ...KNOWN_APP_DOMAINS, ...extra };
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = table[labels.slice(i).join('.')];
    if (name) return name;
  }
  return undefined;
}

/**
 * App handles (the `<app-handle>` of `shopify://apps/<app-handle>/blocks/…` in settings_data.json, and the
 * `<handle>-<version>` segment of /extensions/<uuid>/…/assets/ URLs) whose display name is not just the
 * handle in title case. Handles seen on real storefronts' theme JSON.
 */
export const KNOWN_APP_HANDLES: Readonly<Record<string, string>> = {
  'judge-me-reviews': 'Judge.me Reviews',
  judgeme: 'Judge.me Reviews',
  'klaviyo-email-marketing-sms': 'Klaviyo',
  klaviyo: 'Klaviyo',
  inbox: 'Shopify Inbox',
  'shopify-inbox': 'Shopify Inbox',
  'shopify-forms': 'Shopify Forms',
  'shopify-email': 'Shopify Email',
  'product-reviews': 'Shopify Product Reviews',
  pushowl: 'PushOwl',
  'faceforms-better-pop-ups': 'FaceForms Pop-ups',
  'loox': 'Loox Reviews',
  'yotpo-product-reviews': 'Yotpo Reviews',
  'okendo-reviews': 'Okendo Reviews',
  'stamped-io-product-reviews': 'Stamped Reviews',
  'privy': 'Privy',
  'gorgias-live-chat-helpdesk': 'Gorgias',
  'tidio-chat': 'Tidio Chat',
  'smile-io': 'Smile Loyalty',
  'subscription-payments': 'Recharge Subscriptions',
  'pagefly': 'PageFly',
  'gempages': 'GemPages',
  'vitals': 'Vitals',
  'rebuy': 'Rebuy',
  'weglot': 'Weglot',
  'wishlist-plus': 'Wishlist Plus (Swym)',
};

// Words that describe the file, not the app: "chatly-widget.min.js" is the Chatly app.
const FILE_NOISE = new Set(['min', 'widget', 'embed', 'app', 'loader', 'main', 'bundle', 'script', 'scripts', 'index', 'core', 'init', 'sdk', 'v1', 'v2', 'v3', 'prod', 'production', 'dist', 'esm', 'module', 'js', 'css']);

/** "wod-preorder-now" → "Wod Preorder Now"; null when nothing readable is left (hashes, numbers only). */
export function humanize(slug: string): string | null {
  const words = slug
    .split(/[-_.\s]+/)
    .filter((w) => w !== '' && !/^\d+$/.test(w) && !/^[0-9a-f]{12,}$/i.test(w));
  if (words.length === 0) return null;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The display name of an app handle: the known-apps table, else the handle in title case. */
export function appNameFromHandle(handle: string): string {
  const key = handle.toLowerCase();
  return KNOWN_APP_HANDLES[key] ?? humanize(key) ?? handle;
}

/**
 * The app handle in an extension's version segment: "pushowl-306" → "pushowl". Null for segments that carry
 * no handle: a bare version ("1042"), a development build ("dev-<uuid>").
 */
export function handleFromVersionSegment(segment: string): string | null {
  if (/^dev-/i.test(segment)) return null;
  const match = /^([a-z][a-z0-9-]*?)-\d+$/i.exec(segment);
  return match?.[1] ?? null;
}

/** A readable app name from an asset's file name: "chatly-widget.min.js" → "Chatly"; null when unreadable. */
export function appNameFromFile(fileName: string): string | null {
  const stem = fileName.replace(/\?.*$/, '').replace(/\.(m?js|css|json|woff2?|svg|png|jpe?g|webp|gif)$/i, '');
  const words = stem.split(/[-_.]+/).filter((w) => w !== '');
  while (words.length > 1 && FILE_NOISE.has(words[words.length - 1]!.toLowerCase())) words.pop();
  while (words.length > 1 && FILE_NOISE.has(words[0]!.toLowerCase())) words.shift();
  if (words.length === 1 && FILE_NOISE.has(words[0]!.toLowerCase())) return null;
  return humanize(words.join('-'));
}
