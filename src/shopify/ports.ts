// What the Shopify layer needs from the data layer (src/store/) and from the jobs layer, stated as the
// smallest interfaces that do the job, so this layer is wired to real implementations at the top (server
// start) and never reaches into them.

/**
 * One stored Shopify session. `sealed` is the whole session (tokens included) encrypted by the adapter; the
 * repository sees only the shop (for lookups and deletion) and the expiry (for housekeeping).
 */
export interface SessionRecord {
  id: string;
  shop: string;
  sealed: string;
  expiresAt: Date | null;
}

export interface SessionRepository {
  upsert(record: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | undefined>;
  deleteMany(ids: string[]): Promise<void>;
  findByShop(shop: string): Promise<SessionRecord[]>;
  deleteByShop(shop: string): Promise<number>;
}

export interface WebhookReceiptRepository {
  /** Records a webhook id and event id; false when either was already recorded (a duplicate). Atomic. */
  recordOnce(receipt: { webhookId: string; shop: string; topic: string; eventId?: string | null }): Promise<boolean>;
  /** Forgets a receipt so Shopify's retry is processed again after a handler failed. */
  forget(webhookId: string): Promise<void>;
}

export interface ShopProfile {
  shop: string;
  name: string;
  /** Every host name the shop answers on: its myshopify domain, primary domain and other domains. */
  domains: string[];
  primaryDomain: string;
  /** The storefront's home page on the primary domain, as Shopify reports it (scheme included). */
  storefrontUrl: string;
  currency: string;
  plan: string | null;
  timezone: string | null;
}

export interface ShopRepository {
  saveProfile(profile: ShopProfile): Promise<void>;
  getProfile(shop: string): Promise<ShopProfile | undefined>;
  markInstalled(shop: string, at: Date): Promise<void>;
  markUninstalled(shop: string, at: Date): Promise<void>;
  /** When the current installation began; null when the shop is not installed now. */
  installedAt(shop: string): Promise<Date | null>;
  /** Whether the shop is currently installed (installed and not uninstalled since). */
  isInstalled(shop: string): Promise<boolean>;
}

export interface AuditRequest {
  shop: string;
  url: string;
  reason: 'install' | 'theme-publish' | 'manual';
  /** Webhook or request id that caused it, for tracing. */
  cause?: string;
}

/** Jobs and data-layer actions the app triggers on shop lifecycle events. Supplied by the server's caller. */
export interface ShopLifecycle {
  /** A shop installed the app (or re-installed after an uninstall): create its default schedule. Optional. */
  onInstalled?(profile: ShopProfile): Promise<void>;
  /** Queue an audit (first audit after install, re-audit after a theme publish, manual run). */
  requestAudit(request: AuditRequest): Promise<void>;
  /**
   * Check an audit target without queueing anything, before the server itself contacts it (the admin's
   * reachability preflight): resolves to the URL that may be fetched, throws what requestAudit would. Absent in
   * standalone mode, where any URL the operator gives is audited.
   */
  checkAuditTarget?(shop: string, url: string): Promise<string>;
  /** Stop every schedule of the shop at once (app/uninstalled). */
  stopSchedules(shop: string): Promise<void>;
  /** Delete everything held for the shop: runs, reports, schedules, RUM data, settings (shop/redact). */
  deleteShopData(shop: string): Promise<void>;
}
