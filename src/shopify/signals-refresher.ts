// Scheduled audits are queued by the jobs layer, which holds no Shopify session, so nothing refreshes the
// storefront signals (embed state, embedded apps' names, Shopify's field vitals, performanceEvents) before them.
// This pass, run by the app server now and then, refreshes every installed shop whose saved signals are older
// than `maxAgeMs`, one shop at a time (a few Admin API queries each), so a daily scheduled run reads signals at
// most that old and a regression it finds can be tied to the changes Shopify saw. One shop failing (token
// revoked, Shopify down) is logged and never stops the others.
import type { Logger } from 'pino';

export interface SignalsRefresherDeps {
  /** The installed shops. */
  shops(): Promise<string[]>;
  /** When the shop's signals were last read (ISO), null when never. */
  checkedAt(shop: string): Promise<string | null>;
  refresh(shop: string): Promise<unknown>;
  logger: Logger;
  /** Signals older than this are refreshed (default 12 h: twice a day, ahead of daily schedules). */
  maxAgeMs?: number;
  /** How often to look (default 1 h). */
  intervalMs?: number;
}

export interface SignalsRefresher {
  /** One pass now; answers how many shops were refreshed. */
  refreshStale(now?: Date): Promise<number>;
  /** Starts the periodic pass (unref'd: it never keeps the process alive). */
  start(): void;
  stop(): void;
}

export const SIGNALS_MAX_AGE_MS = 12 * 3_600_000;

export function createSignalsRefresher(deps: SignalsRefresherDeps): SignalsRefresher {
  const maxAgeMs = deps.maxAgeMs ?? SIGNALS_MAX_AGE_MS;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function pass(now: Date): Promise<number> {
    let refreshed = 0;
    for (const shop of await deps.shops()) {
      const checked = await deps.checkedAt(shop);
      if (checked && now.getTime() - Date.parse(checked) < maxAgeMs) continue;
      try {
        await deps.refresh(shop);
        refreshed += 1;
      } catch (error) {
        deps.logger.warn({ shop, err: error }, 'storefront signals not refreshed; the next scheduled audit uses the last ones');
      }
    }
    return refreshed;
  }

  return {
    refreshStale(now = new Date()) {
      // Never two passes at once (a slow Shopify and the next tick).
      running ??= pass(now).finally(() => {
        running = null;
      });
      return running;
    },
    start() {
      if (timer) return;
      timer = setInterval(() => void this.refreshStale().catch((error: unknown) => deps.logger.warn({ err: error }, 'signals refresh pass failed')), deps.intervalMs ?? 3_600_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
