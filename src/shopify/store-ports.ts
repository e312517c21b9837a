// Adapts the data layer's repositories (src/store/repos) to the ports the Shopify layer is written against.
import type { SessionsRepository } from '../store/repos/sessions.ts';
import type { SettingsRepository } from '../store/repos/settings.ts';
import type { ShopsRepository } from '../store/repos/shops.ts';
import type { WebhooksRepository } from '../store/repos/webhooks.ts';
import type { ShopifyStorePorts } from './index.ts';
import type { ShopProfile } from './ports.ts';

export interface ShopifyRepositories {
  sessions: SessionsRepository;
  webhooks: WebhooksRepository;
  shops: ShopsRepository;
  settings: SettingsRepository;
}

export function shopifyStorePorts(repos: ShopifyRepositories): ShopifyStorePorts {
  return {
    settings: { get: (shop, name) => repos.settings.get(shop, name), set: (shop, name, value) => repos.settings.set(shop, name, value) },
    sessions: {
      upsert: (r) => repos.sessions.put({ id: r.id, shop: r.shop, data: r.sealed, expiresAt: r.expiresAt }),
      async get(id) {
        const row = await repos.sessions.get(id);
        return row ? { id: row.id, shop: row.shop, sealed: row.data, expiresAt: row.expiresAt ? new Date(row.expiresAt) : null } : undefined;
      },
      async deleteMany(ids) {
        await repos.sessions.remove(ids);
      },
      async findByShop(shop) {
        const rows = await repos.sessions.findByShop(shop);
        return rows.map((row) => ({ id: row.id, shop: row.shop, sealed: row.data, expiresAt: row.expiresAt ? new Date(row.expiresAt) : null }));
      },
      deleteByShop: (shop) => repos.sessions.removeByShop(shop),
    },
    webhookReceipts: {
      recordOnce: ({ webhookId, shop, topic, eventId }) => repos.webhooks.recordOnce(webhookId, shop, topic, eventId),
      forget: (webhookId) => repos.webhooks.forget(webhookId),
    },
    shops: {
      async saveProfile(profile) {
        await repos.shops.upsert(profile.shop, {
          name: profile.name,
          primaryDomain: profile.primaryDomain,
          storeUrl: profile.storefrontUrl,
          currency: profile.currency,
          timezone: profile.timezone ?? null,
          plan: profile.plan,
        });
      },
      async getProfile(shop) {
        const row = await repos.shops.get(shop);
        if (!row || !row.primaryDomain) return undefined;
        const profile: ShopProfile = {
          shop: row.shop,
          name: row.name ?? row.shop,
          // The myshopify domain and the primary domain: the hosts Shopify serves this shop's storefront on.
          domains: [...new Set([row.shop, row.primaryDomain].map((d) => d.toLowerCase()))],
          primaryDomain: row.primaryDomain,
          storefrontUrl: row.storeUrl ?? `https://${row.primaryDomain}/`,
          currency: row.currency ?? '',
          plan: row.plan,
          timezone: row.timezone,
        };
        return profile;
      },
      markInstalled: (shop, at) => repos.shops.markInstalled(shop, at),
      markUninstalled: (shop, at) => repos.shops.markUninstalled(shop, at),
      async installedAt(shop) {
        const row = await repos.shops.get(shop);
        return row?.installedAt && !row.uninstalledAt ? new Date(row.installedAt) : null;
      },
      async isInstalled(shop) {
        const row = await repos.shops.get(shop);
        return Boolean(row?.installedAt && !row.uninstalledAt);
      },
    },
  };
}
