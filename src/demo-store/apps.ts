/** The three third-party apps whose app-embed assets the demo store loads from its app CDN origin. */
export interface DemoApp {
  name: string;
  uuid: string;
  version: string;
  script: string;
}

export const REVIEWS_PRO: DemoApp = {
  name: 'Reviews Pro',
  uuid: '3f9a2c1e-7b4d-4e8a-9c61-0d2e5b7a1f34',
  version: '1042',
  script: 'reviews-pro.js',
};
export const CHATLY: DemoApp = {
  name: 'Chatly',
  uuid: '8c1d6e2f-4a3b-4f9e-b7d2-5e6f7a8b9c01',
  version: '317',
  script: 'chatly-widget.js',
};
export const PROMO_BAR: DemoApp = {
  name: 'Promo Bar',
  uuid: 'b27e4f90-1c5d-4a6b-8e3f-9a0b1c2d3e45',
  version: '88',
  script: 'promo-bar.js',
};

export const DEMO_APPS: readonly DemoApp[] = [REVIEWS_PRO, CHATLY, PROMO_BAR];

/** Path of an app asset on the app CDN origin, Shopify's app-embed layout. */
export function appAssetPath(app: DemoApp, file: string = app.script): string {
  return `/extensions/${app.uuid}/${app.version}/assets/${file}`;
}

export function appForPath(pathname: string): { app: DemoApp; file: string } | undefined {
  const m = /^\/extensions\/([0-9a-f-]{36})\/([^/]+)\/assets\/([^/]+)$/.exec(pathname);
  if (!m) return undefined;
  const app = DEMO_APPS.find((a) => a.uuid === m[1] && a.version === m[2]);
  return app && m[3] ? { app, file: m[3] } : undefined;
}
