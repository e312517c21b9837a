// What the app learns about a shop's storefront from Shopify, saved with the shop so the audit workers (which
// hold no Shopify session, and may run on other machines) use it at run time:
// - whether our theme app embed is switched on, with the deep link that switches it on;
// - the apps embedded in the theme (extension uuid → name), for the load-time audit's `appNames`;
// - Shopify's field Web Vitals (web_performance), the advisor's `fieldVitals` with source 'shopify';
// - Shopify's performanceEvents (unstable API: app installs/uninstalls, theme publications and live edits), which
//   the jobs layer uses to name a confirmed regression's likely cause (src/jobs/likely-causes.ts).
// Refreshed before every audit the app queues (install, theme publish, "Run now"), on themes/publish, and by the
// server for shops whose signals are over 12 h old (signals-refresher.ts: scheduled audits queue without it).
import { SHOPIFY_STRINGS } from '../i18n/messages/shopify.ts';
import { messageFn } from '../report/message.ts';
import type { Message } from '../report/schema.ts';
import type { FieldVitals } from '../advisor/types.ts';
import { MAIN_THEME_SETTINGS_QUERY } from './admin-queries.ts';
import { readShopifyFieldVitals } from './field-vitals.ts';
import { readPerformanceEvents } from './performance-events.ts';
import type { StorefrontChange } from '../jobs/likely-causes.ts';
import { activateEmbedUrl, appNamesFromBlocks, embedState, parseEmbedBlocks, type EmbedState } from './theme-embed.ts';

/** Settings names (per shop) the jobs layer reads back; see src/jobs/run-options.ts. */
export const STOREFRONT_SIGNALS_SETTING = 'shopifyStorefront';
/** The merchant's own names for apps, keyed by extension uuid or app handle (a rename in Settings). */
export { APP_RENAMES_SETTING } from '../jobs/run-options.ts';

/** Our app embed: the app handle (shopify.app.toml `handle`) and the block's file name (blocks/vitals.liquid). */
const shopifyMessage = messageFn('shopify', SHOPIFY_STRINGS);

export const OUR_EMBED = { appHandle: 'storefront-auditor', block: 'vitals' } as const;

export interface StorefrontSignals {
  checkedAt: string;
  theme: { id: string; name: string } | null;
  /** When unchecked: `reason` for logs, `text` (shopify catalogue) for the merchant. */
  embed: (EmbedState & { checked: true }) | { checked: false; reason: string; text: Message; activateUrl: string };
  appNames: Record<string, string>;
  fieldVitals: FieldVitals[];
  fieldVitalsUnavailable?: string;
  fieldVitalsText?: Message;
  /** Shopify's performanceEvents, oldest first; empty with `changesUnavailable` (diagnostic) when not available. */
  changes: StorefrontChange[];
  changesUnavailable?: string;
}

type Run = <T>(document: string, variables?: Record<string, unknown>) => Promise<T>;

export interface SettingsPort {
  get<T = unknown>(shop: string, name: string): Promise<T | null>;
  set(shop: string, name: string, value: unknown): Promise<void>;
}

/** `runUnstable` sends to the Admin API's unstable version (performanceEvents exists only there). */
export async function readStorefrontSignals(run: Run, shop: string, apiKey: string, renames: Record<string, string>, runUnstable?: Run): Promise<StorefrontSignals> {
  const link = activateEmbedUrl(shop, apiKey, OUR_EMBED.block);
  const [themeAnswer, field, events] = await Promise.all([
    run<{ themes: { nodes: { id: string; name: string; files: { nodes: { filename: string; body: { content?: string } | null }[] } }[] } }>(MAIN_THEME_SETTINGS_QUERY),
    readShopifyFieldVitals(run),
    runUnstable ? readPerformanceEvents(runUnstable) : Promise.resolve({ available: false as const, reason: 'the unstable Admin API is not used' }),
  ]);
  const theme = themeAnswer.themes.nodes[0] ?? null;
  const content = theme?.files.nodes.find((f) => f.filename === 'config/settings_data.json')?.body?.content;
  let embed: StorefrontSignals['embed'];
  let appNames: Record<string, string> = {};
  if (typeof content !== 'string') {
    embed = theme
      ? { checked: false, reason: 'the main theme has no config/settings_data.json', text: shopifyMessage('embedNoSettings'), activateUrl: link }
      : { checked: false, reason: 'the shop has no main theme', text: shopifyMessage('embedNoMainTheme'), activateUrl: link };
  }
  else {
    try {
      const blocks = parseEmbedBlocks(content);
      embed = { ...embedState(blocks, OUR_EMBED, link), checked: true };
      appNames = appNamesFromBlocks(blocks.filter((b) => b.appHandle !== OUR_EMBED.appHandle), renames);
    } catch (error) {
      embed = { checked: false, reason: (error as Error).message, text: shopifyMessage('embedUnreadable'), activateUrl: link };
    }
  }
  return {
    checkedAt: new Date().toISOString(),
    theme: theme ? { id: theme.id, name: theme.name } : null,
    embed,
    appNames,
    fieldVitals: field.available ? field.vitals : [],
    ...(!field.available && { fieldVitalsUnavailable: field.reason, fieldVitalsText: shopifyMessage(field.empty ? 'fieldVitalsEmpty' : 'fieldVitalsUnavailable') }),
    changes: events.available ? events.changes : [],
    ...(!events.available && { changesUnavailable: events.reason }),
  };
}
