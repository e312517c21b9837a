// GET /api/shop: the current shop's profile (name, domains, currency, plan, time zone).
// GET /api/shop/store-inputs: sessions, orders and revenue over 30 days from Shopify (the advisor's inputs).
// GET /api/shop/catalog: product and collection handles, and the main theme.
// GET /api/shop/storefront-plugin: is the web pixel connected, is the theme app embed on (with the theme
//   editor deep link that switches it on), which apps the theme embeds, Shopify's field Web Vitals. ?refresh=1
//   reads them from Shopify now (and reconnects the pixel); otherwise the saved state from the last check.
import { Router } from 'express';
import type { ServerContext } from '../deps.ts';
import { shopOf, STANDALONE_SHOP } from '../shop-context.ts';
import { z } from 'zod';
import { validated } from '../validate.ts';
import { HttpError } from '../http-error.ts';
import { STOREFRONT_SIGNALS_SETTING } from '../../shopify/storefront-signals.ts';

export function shopRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/shop', validated({}, async (_input, _req, res) => {
    const shop = shopOf(res);
    const profile = await ctx.shopifyStore.shops.getProfile(shop);
    if (profile) {
      res.json({ mode: ctx.mode, ...profile });
      return;
    }
    if (shop === STANDALONE_SHOP) {
      res.json({ mode: ctx.mode, shop, name: 'Standalone', domains: [], primaryDomain: null, currency: null, plan: null, timezone: null });
      return;
    }
    throw new HttpError(404, 'profile_not_loaded');
  }));

  router.get('/shop/store-inputs', validated({}, async (_input, _req, res) => {
    if (!ctx.shopify) throw new HttpError(404, 'store_inputs_standalone');
    res.json(await ctx.shopify.adminApi.storeInputs(shopOf(res)));
  }));

  router.get('/shop/catalog', validated({}, async (_input, _req, res) => {
    if (!ctx.shopify) throw new HttpError(404, 'catalog_standalone');
    const shop = shopOf(res);
    const [handles, mainTheme] = await Promise.all([ctx.shopify.adminApi.catalogHandles(shop), ctx.shopify.adminApi.mainTheme(shop)]);
    res.json({ ...handles, mainTheme });
  }));

  router.get('/shop/storefront-plugin', validated({ query: z.object({ refresh: z.enum(['0', '1']).optional() }) }, async ({ query }, _req, res) => {
    if (!ctx.shopify) throw new HttpError(404, 'not_found');
    const shop = shopOf(res);
    const pixel = query.refresh === '1' ? await ctx.shopify.connectPixel(shop) : await ctx.shopifyStore.settings.get(shop, 'pixel');
    const signals = query.refresh === '1'
      ? await ctx.shopify.refreshStorefrontSignals(shop)
      : await ctx.shopifyStore.settings.get(shop, STOREFRONT_SIGNALS_SETTING);
    res.json({ pixel: pixel ?? null, storefront: signals ?? null });
  }));

  return router;
}
