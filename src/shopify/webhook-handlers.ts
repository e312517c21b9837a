// What each webhook topic does. Delivery arrives here already HMAC-verified (src/server/routes/webhooks.ts).
//
// Customer data: we hold none. Lab audits load public storefront pages; real-user beacons and pixel events are
// anonymous (no customer id, email, name, address or IP is stored). So customers/data_request has nothing to
// report and customers/redact nothing to erase; both are acknowledged and logged for the audit trail.
import type { Logger } from 'pino';
import { AuditTargetRefusedError } from './own-domain-guard.ts';
import type { ShopLifecycle, ShopRepository, WebhookReceiptRepository } from './ports.ts';
import type { EncryptedSessionStorage } from './session-storage.ts';

export interface WebhookDelivery {
  topic: string; // as the library normalises it: APP_UNINSTALLED, THEMES_PUBLISH, ...
  shop: string;
  webhookId: string;
  /** X-Shopify-Event-Id: one event keeps it across redeliveries under other webhook ids. */
  eventId?: string | null;
  /** X-Shopify-Triggered-At: when the event happened (not when this delivery was sent). */
  triggeredAt?: Date | null;
  payload: unknown;
}

/** A delivery whose payload contradicts its headers: refused with 400, never acted on. */
export class WebhookPayloadError extends Error {
  override name = 'WebhookPayloadError';
}

/**
 * The payload field naming the shop, per topic (shopify.dev webhook payloads: app/uninstalled carries the shop
 * resource, the compliance topics carry shop_domain). A delivery for one shop whose body names another is not
 * Shopify's: the HMAC proves it was signed with our secret, not that headers and body belong together.
 */
const PAYLOAD_SHOP_FIELD: Record<string, string> = {
  APP_UNINSTALLED: 'myshopify_domain',
  SHOP_REDACT: 'shop_domain',
  CUSTOMERS_DATA_REQUEST: 'shop_domain',
  CUSTOMERS_REDACT: 'shop_domain',
};

export function assertPayloadMatches(delivery: Pick<WebhookDelivery, 'topic' | 'shop' | 'payload'>): void {
  // Own keys only: a topic named like an Object method is a topic without a shop field, not a function.
  const field = Object.hasOwn(PAYLOAD_SHOP_FIELD, delivery.topic) ? PAYLOAD_SHOP_FIELD[delivery.topic] : undefined;
  if (!field) return;
  const named = (delivery.payload as Record<string, unknown> | null)?.[field];
  if (typeof named !== 'string' || named.toLowerCase() !== delivery.shop.toLowerCase()) {
    throw new WebhookPayloadError(`${delivery.topic} for ${delivery.shop} must name the same shop in ${field}`);
  }
}

export interface WebhookHandlerDeps {
  sessionStorage: EncryptedSessionStorage;
  shops: ShopRepository;
  receipts: WebhookReceiptRepository;
  lifecycle: ShopLifecycle;
  logger: Logger;
}

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'stale';

/** Topics with a handler below; shopify.app.toml subscribes to exactly these (checked by a test). */
export const HANDLED_WEBHOOK_TOPICS = ['APP_UNINSTALLED', 'SHOP_REDACT', 'CUSTOMERS_DATA_REQUEST', 'CUSTOMERS_REDACT', 'THEMES_PUBLISH'] as const;

export async function handleWebhook(deps: WebhookHandlerDeps, delivery: WebhookDelivery): Promise<WebhookOutcome> {
  assertPayloadMatches(delivery);
  const first = await deps.receipts.recordOnce({ webhookId: delivery.webhookId, shop: delivery.shop, topic: delivery.topic, eventId: delivery.eventId });
  if (!first) return 'duplicate';
  try {
    return await dispatch(deps, delivery);
  } catch (error) {
    // Shopify retries a failed delivery with the same id; forgetting it lets that retry do the work.
    await deps.receipts.forget(delivery.webhookId);
    throw error;
  }
}

/**
 * An uninstall or redact that happened before the shop's current installation began is a late retry about an
 * earlier installation: acting on it would uninstall (or erase) the merchant who just installed again.
 */
async function isAboutEarlierInstall(deps: WebhookHandlerDeps, shop: string, triggeredAt: Date | null | undefined): Promise<boolean> {
  if (!triggeredAt) return false;
  const installedAt = await deps.shops.installedAt(shop);
  return installedAt !== null && triggeredAt.getTime() < installedAt.getTime();
}

async function dispatch(deps: WebhookHandlerDeps, { topic, shop, webhookId, payload, triggeredAt }: WebhookDelivery): Promise<WebhookOutcome> {
  const log = deps.logger.child({ shop, topic, webhookId });
  if ((topic === 'APP_UNINSTALLED' || topic === 'SHOP_REDACT') && (await isAboutEarlierInstall(deps, shop, triggeredAt))) {
    log.warn({ triggeredAt }, 'event predates the current installation: ignored');
    return 'stale';
  }
  switch (topic) {
    case 'APP_UNINSTALLED': {
      await deps.lifecycle.stopSchedules(shop);
      const revoked = await deps.sessionStorage.deleteSessionsByShop(shop);
      await deps.shops.markUninstalled(shop, new Date());
      log.info({ revoked }, 'app uninstalled: schedules stopped, sessions revoked');
      return 'processed';
    }
    case 'SHOP_REDACT': {
      // Sent 48 hours after uninstall: erase everything, including the sessions and the shop's profile.
      await deps.lifecycle.stopSchedules(shop);
      await deps.sessionStorage.deleteSessionsByShop(shop);
      await deps.lifecycle.deleteShopData(shop);
      log.info('shop redacted: all data deleted');
      return 'processed';
    }
    case 'CUSTOMERS_DATA_REQUEST':
      log.info({ dataRequest: describeCustomerRequest(payload) }, 'customer data request: we hold no customer data');
      return 'processed';
    case 'CUSTOMERS_REDACT':
      log.info({ redactRequest: describeCustomerRequest(payload) }, 'customer redact: we hold no customer data, nothing to erase');
      return 'processed';
    case 'THEMES_PUBLISH': {
      if (!(await deps.shops.isInstalled(shop))) return 'ignored';
      const profile = await deps.shops.getProfile(shop);
      const url = profile?.storefrontUrl ?? `https://${shop}/`;
      try {
        await deps.lifecycle.requestAudit({ shop, url, reason: 'theme-publish', cause: webhookId });
      } catch (error) {
        // Refused by the own-domain guard: retrying the delivery would not change that.
        if (!(error instanceof AuditTargetRefusedError)) throw error;
        log.warn({ reason: error.message }, 'theme published: re-audit refused');
        return 'ignored';
      }
      log.info({ theme: themeName(payload) }, 'theme published: re-audit requested');
      return 'processed';
    }
    default:
      log.warn('webhook topic not handled');
      return 'ignored';
  }
}

function describeCustomerRequest(payload: unknown): Record<string, unknown> {
  const p = (payload ?? {}) as { shop_domain?: string; customer?: { id?: number }; data_request?: { id?: number } };
  // Ids only: the payload carries the customer's email and phone, which we do not log.
  return { shopDomain: p.shop_domain, customerId: p.customer?.id, dataRequestId: p.data_request?.id };
}

function themeName(payload: unknown): string | undefined {
  return (payload as { name?: string } | null)?.name;
}
