// Scheduled audits run months after the merchant last opened the app, so they need an offline token that is
// still good. Tokens are expiring (Shopify's expiring offline tokens); shopify-app-express's
// ensureValidOfflineSession refreshes one through the refresh_token grant when it is within 5 minutes of expiry
// and stores the new pair. We add only what it lacks: one refresh at a time per shop (a refresh token is spent
// by its use, so two racing refreshes would lose the shop) and a clear error when re-authorisation is needed.
import type { Session } from '@shopify/shopify-api';
import type { ShopifyApp } from './shopify-app.ts';

export class ShopNotAuthorisedError extends Error {
  override name = 'ShopNotAuthorisedError';
  readonly shop: string;
  constructor(shop: string, reason: string) {
    super(`${shop} has no usable offline token (${reason}); the merchant must open the app again to re-authorise it`);
    this.shop = shop;
  }
}

export interface OfflineTokens {
  /** A session whose access token is valid for at least 5 more minutes, refreshing it first when needed. */
  getOfflineSession(shop: string): Promise<Session>;
  getOfflineAccessToken(shop: string): Promise<string>;
}

export function createOfflineTokens(shopify: ShopifyApp): OfflineTokens {
  const inFlight = new Map<string, Promise<Session>>();

  async function load(shop: string): Promise<Session> {
    let session: Session | undefined;
    try {
      session = await shopify.ensureValidOfflineSession(shop);
    } catch (error) {
      throw new ShopNotAuthorisedError(shop, `refresh failed: ${(error as Error).message}`);
    }
    if (!session?.accessToken) throw new ShopNotAuthorisedError(shop, 'not installed');
    if (session.isExpired()) throw new ShopNotAuthorisedError(shop, 'token expired and no refresh token is usable');
    return session;
  }

  async function getOfflineSession(shop: string): Promise<Session> {
    const pending = inFlight.get(shop);
    if (pending) return pending;
    const loading = load(shop).finally(() => inFlight.delete(shop));
    inFlight.set(shop, loading);
    return loading;
  }

  return {
    getOfflineSession,
    async getOfflineAccessToken(shop) {
      return (await getOfflineSession(shop)).accessToken as string;
    },
  };
}
