// /_stand-in/*: what the Shopify admin and platform would do, on request, for development by hand (curl) and for
// the dev runner: add a shop, mint the session token App Bridge would hand the app, deliver a signed webhook.
import type { Express } from 'express';
import { signSessionToken } from './session-tokens.ts';
import type { StandInShop, StandInState } from './state.ts';
import { deliverWebhook } from './webhook-sender.ts';

export function mountControlRoutes(app: Express, state: StandInState): void {
  app.post('/_stand-in/shops', (req, res) => {
    const body = (req.body ?? {}) as Partial<StandInShop> & { shop?: unknown };
    if (typeof body.shop !== 'string' || !/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(body.shop)) {
      res.status(400).json({ error: 'shop must be a <name>.myshopify.com domain' });
      return;
    }
    res.status(201).json(state.addShop({ ...body, shop: body.shop }));
  });

  app.get('/_stand-in/session-token', async (req, res) => {
    const shop = String(req.query.shop ?? '');
    if (!state.shops.has(shop)) {
      res.status(404).json({ error: `unknown shop ${shop}; add it with POST /_stand-in/shops` });
      return;
    }
    res.json({ token: await signSessionToken({ apiKey: state.options.apiKey, apiSecret: state.options.apiSecret, shop }) });
  });

  app.post('/_stand-in/webhooks', async (req, res) => {
    const { url, topic, shop, payload } = (req.body ?? {}) as { url?: string; topic?: string; shop?: string; payload?: unknown };
    if (!url || !topic || !shop) {
      res.status(400).json({ error: 'url, topic and shop are required' });
      return;
    }
    const delivered = await deliverWebhook({ url, topic, shop, payload, apiSecret: state.options.apiSecret });
    res.status(200).json({ status: delivered.status, body: await delivered.text() });
  });
}
