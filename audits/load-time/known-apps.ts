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
