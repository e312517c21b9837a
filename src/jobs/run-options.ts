// What a scheduled or queued audit needs to know about its shop, read from the shop's settings at run time
// (so a merchant's change in Settings applies to the next run): devices, budget, signed request headers,
// store inputs and the previous report for before/after.
import type { Logger } from 'pino';
import { parseBudget } from '../advisor/budget.ts';
import type { AdviceInputs } from '../advisor/types.ts';
import type { RunAuditOptions } from '../engine/run-audit.ts';
import type { Store } from '../store/index.ts';
import type { FieldVitals } from '../advisor/types.ts';

/** Saved by the Shopify layer (src/shopify/storefront-signals.ts) before each audit it queues. */
const STOREFRONT_SIGNALS_SETTING = 'shopifyStorefront';
/** The merchant's own names for apps (Settings), keyed by extension uuid or app handle. */
export const APP_RENAMES_SETTING = 'appNameOverrides';
interface SavedStorefrontSignals {
  appNames?: Record<string, string>;
  fieldVitals?: FieldVitals[];
}
import { measureWithoutAppsNow } from './without-apps-cadence.ts';

export interface StoredHeader {
  name: string;
  value: string;
  sealed: boolean;
}

interface StoredInputs {
  monthlySessions?: number | null;
  /** Percent, as the merchant types it in Settings (2.1 means 2.1 %). */
  conversionRate?: number | null;
  averageOrderValue?: number | null;
  currency?: string | null;
}

export interface RunOptionsDeps {
  store: Store;
  logger: Logger;
  /** Opens header values sealed with the server's key; absent when no key is configured. */
  unseal?: (sealed: string) => string;
  /** Extra input layers (real-user data, Shopify analytics) that outrank what the merchant typed. */
  extraInputs?: (shop: string) => Promise<AdviceInputs>;
}

export type RunOptionsResolver = (shop: string) => Promise<Partial<RunAuditOptions>>;

export function createRunOptionsResolver(deps: RunOptionsDeps): RunOptionsResolver {
  const { store, logger } = deps;
  return async (shop) => {
    const [audit, budgets, headers, inputs, previous, storefront, renames] = await Promise.all([
      store.settings.get<{ devices?: 'mobile' | 'desktop' | 'both' }>(shop, 'audit'),
      store.settings.get<unknown>(shop, 'budgets'),
      store.settings.get<StoredHeader[]>(shop, 'signedHeaders'),
      store.settings.get<StoredInputs>(shop, 'storeInputs'),
      store.runs.latest(shop),
      store.settings.get<SavedStorefrontSignals>(shop, STOREFRONT_SIGNALS_SETTING),
      store.settings.get<Record<string, string>>(shop, APP_RENAMES_SETTING),
    ]);
    const options: Partial<RunAuditOptions> = {};
    if (audit?.devices) options.device = audit.devices;
    if (budgets) {
      try {
        options.budget = parseBudget(budgets, 'saved budgets');
      } catch (error) {
        logger.warn({ shop, err: error }, 'saved budgets are invalid; the run goes on without them');
      }
    }
    const openHeaders = openedHeaders(headers ?? [], deps.unseal, (name) => logger.warn({ shop, header: name }, 'a sealed header cannot be opened without ENCRYPTION_KEY; not sent'));
    if (Object.keys(openHeaders).length) options.headers = openHeaders;
    const typed = typedInputs(inputs);
    const extra = deps.extraInputs ? await deps.extraInputs(shop).catch((error: unknown) => {
      logger.warn({ shop, err: error }, 'extra store inputs unavailable');
      return {};
    }) : {};
    options.inputs = { ...typed, ...extra };
    // Field vitals, best source first: the plugin's own (rum, in `extra`), then Shopify's web_performance.
    const shopifyVitals = storefront?.fieldVitals ?? [];
    if (shopifyVitals.length) options.inputs.fieldVitals = [...(options.inputs.fieldVitals ?? []), ...shopifyVitals];
    // Apps embedded in the main theme (extension uuid → name) for attribution, and over them the merchant's renames
    // as they are now (a rename applies to the next run, whether or not Shopify was asked again since).
    const appNames = { ...storefront?.appNames, ...renames };
    if (Object.keys(appNames).length) options.auditOptions = { load: { appNames } };
    if (previous) {
      const report = await store.runs.getReport(shop, previous.id);
      if (report) options.previous = report;
    }
    // Weekly, not daily: the measured "without this app" runs (see src/jobs/without-apps-cadence.ts).
    if (measureWithoutAppsNow(shop, new Date(), options.previous)) {
      options.auditOptions = { ...options.auditOptions, load: { ...options.auditOptions?.load, measureWithoutApps: true } };
    }
    return options;
  };
}

function openedHeaders(headers: StoredHeader[], unseal: RunOptionsDeps['unseal'], cannotOpen: (name: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of headers) {
    if (!header.value) continue;
    if (!header.sealed) out[header.name] = header.value;
    else if (unseal) out[header.name] = unseal(header.value);
    else cannotOpen(header.name);
  }
  return out;
}

function typedInputs(inputs: StoredInputs | null | undefined): AdviceInputs {
  if (!inputs) return {};
  const out: AdviceInputs = {};
  if (typeof inputs.monthlySessions === 'number') out.monthlySessions = { value: inputs.monthlySessions, source: 'config' };
  if (typeof inputs.conversionRate === 'number') out.conversionRate = { value: inputs.conversionRate / 100, source: 'config' };
  if (typeof inputs.averageOrderValue === 'number') out.averageOrderValue = { value: inputs.averageOrderValue, source: 'config' };
  if (inputs.currency) out.currency = { value: inputs.currency, source: 'config' };
  return out;
}
