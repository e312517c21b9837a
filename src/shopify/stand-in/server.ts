// A local stand-in for the parts of Shopify the app talks to, written from Shopify's documentation: session
// tokens, token exchange and refresh, the Admin GraphQL queries the app sends (with throttling on demand), and
// webhooks signed like Shopify's. The app reaches it when SHOPIFY_API_ORIGIN points here (development and tests
// only); the shop a request is for arrives in X-Stand-In-Shop (see src/shopify/api-origin-override.ts).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { STAND_IN_SHOP_HEADER } from '../api-origin-override.ts';
import { graphqlEndpoint } from './graphql.ts';
import { mountControlRoutes } from './control.ts';
import { accessTokenEndpoint } from './oauth.ts';
import { signSessionToken } from './session-tokens.ts';
import { StandInState, type Fault, type StandInOptions, type StandInShop } from './state.ts';
import { deliverWebhook, type WebhookDeliveryOptions } from './webhook-sender.ts';
import { settingsDataWith } from './theme-and-pixel.ts';

export interface ShopifyStandIn {
  url: string;
  state: StandInState;
  addShop(shop: Partial<StandInShop> & { shop: string }): StandInShop;
  sessionToken(shop: string, overrides?: { lifetimeSeconds?: number; issuedAt?: number; audience?: string; signingSecret?: string }): Promise<string>;
  sendWebhook(options: Omit<WebhookDeliveryOptions, 'apiSecret'> & { apiSecret?: string }): Promise<Response>;
  /** The merchant switches our app embed on (or off) in the theme editor: settings_data.json changes. */
  setOurEmbed(shop: string, enabled: boolean, uuid?: string): void;
  throttleNext(shop: string, count?: number): void;
  failNext(shop: string, status: number, count?: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function startShopifyStandIn(
  options: Pick<StandInOptions, 'apiKey' | 'apiSecret'> & Partial<StandInOptions> & { port?: number },
): Promise<ShopifyStandIn> {
  const state = new StandInState({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 90 * 86_400,
  });
  const shopOf = (req: express.Request) => req.get(STAND_IN_SHOP_HEADER) ?? undefined;
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/admin/oauth/access_token', accessTokenEndpoint(state, shopOf));
  app.post('/admin/api/:version/graphql.json', graphqlEndpoint(state, shopOf));
  mountControlRoutes(app, state);
  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    addShop: (shop) => state.addShop(shop),
    sessionToken: (shop, overrides = {}) => signSessionToken({ apiKey: state.options.apiKey, apiSecret: state.options.apiSecret, shop, ...overrides }),
    sendWebhook: (delivery) => {
      // A published theme is also what Shopify's RUM annotates as a performance event.
      const known = state.shops.get(delivery.shop);
      if (known && delivery.topic === 'themes/publish') {
        const payload = (delivery.payload ?? {}) as { name?: unknown };
        known.performanceEvents.push({ type: 'THEME_PUBLICATION', occurrence: new Date().toISOString(), metadata: { theme_name: typeof payload.name === 'string' ? payload.name : known.mainTheme.name } });
      }
      return deliverWebhook({ apiSecret: state.options.apiSecret, ...delivery });
    },
    setOurEmbed(shop, enabled, uuid = '0f3c2a9e-8b1d-4e6f-a2c4-5d7e9f1b3a60') {
      const known = state.shops.get(shop);
      if (!known) throw new Error(`unknown shop ${shop}`);
      const current = JSON.parse((known.settingsData ?? '{}').replace(/^\/\*[\s\S]*?\*\/\s*/, '')) as { current?: { blocks?: Record<string, { type: string; disabled?: boolean; settings?: Record<string, unknown> }> } };
      const blocks = { ...(current.current?.blocks ?? {}) };
      blocks['9918273645'] = { type: `shopify://apps/storefront-auditor/blocks/vitals/${uuid}`, disabled: !enabled, settings: { enabled: true, sample_rate: 100 } };
      known.settingsData = settingsDataWith(blocks);
    },
    throttleNext: (shop, count = 1) => state.injectFaults(shop, Array.from({ length: count }, (): Fault => ({ kind: 'throttled' }))),
    failNext: (shop, status, count = 1, retryAfterSeconds) =>
      state.injectFaults(shop, Array.from({ length: count }, (): Fault => ({ kind: 'status', status, retryAfterSeconds }))),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
