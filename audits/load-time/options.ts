// What a caller may tune. The engine passes `device` and `runs` from the CLI; the Shopify app passes
// `appNames` (read from the main theme's app-embed blocks, with the merchant's renames); the scheduler turns on
// the measured "without this app" runs weekly; tests shorten the waits.
export type DeviceChoice = 'mobile' | 'desktop' | 'both';

export interface LoadTimeOptions {
  device: DeviceChoice;
  /** Lighthouse runs per page and device; the report keeps the median run (Lighthouse's own method). */
  runs: number;
  /**
   * Extension uuid (or app handle) → the app's display name, exactly as it should be shown (the merchant's rename already
   * applied). The Shopify app builds it from the main theme's `config/settings_data.json`: an app-embed block's
   * type `shopify://apps/<app-handle>/blocks/<block>/<uuid>` maps the uuid to the handle, and
   * `appNameFromHandle` (known-apps.ts) turns a handle into a name when the merchant gave none. Keys are
   * matched case-insensitively. A uuid missing here falls back to known-apps, then to the asset's file name;
   * a bare uuid is never shown. Handle keys also name app proxies
   * (/apps/<handle>/…) and extension URLs whose version segment is `<handle>-<version>`.
   */
  appNames: Record<string, string>;
  /** Extra domain → app name pairs, on top of the built-in table in known-apps.ts. */
  appDomains: Record<string, string>;
  /**
   * Measured cost: for the `withoutAppsTop` apps that cost the most (blocking + main-thread time), each
   * home/product/collection page is run again `runs` times with that app's URLs blocked (Lighthouse's
   * blockedUrlPatterns). Expensive (top × pages × runs extra runs), so off by default; schedules run it weekly.
   */
  measureWithoutApps: boolean;
  /** How many apps get a "without" run, the costliest first. */
  withoutAppsTop: number;
  /** Hard limit for one Lighthouse run (navigation + gathering + auditing). */
  runTimeoutMs: number;
  /** How long the server may take to send the first byte of the document before the run is abandoned. */
  documentTimeoutMs: number;
}

export const LOAD_TIME_DEFAULTS: LoadTimeOptions = {
  device: 'mobile',
  runs: 3,
  appNames: {},
  appDomains: {},
  measureWithoutApps: false,
  withoutAppsTop: 3,
  runTimeoutMs: 90_000,
  documentTimeoutMs: 20_000,
};

/** Merges partial options over the defaults and refuses values that would make the audit meaningless. */
export function resolveLoadTimeOptions(partial: Partial<LoadTimeOptions> = {}): LoadTimeOptions {
  const options = { ...LOAD_TIME_DEFAULTS, ...stripUndefined(partial) };
  if (!['mobile', 'desktop', 'both'].includes(options.device)) {
    throw new RangeError(`device must be mobile, desktop or both, got "${String(options.device)}"`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 15) {
    throw new RangeError(`runs must be an integer from 1 to 15, got ${String(options.runs)}`);
  }
  if (!Number.isInteger(options.withoutAppsTop) || options.withoutAppsTop < 1 || options.withoutAppsTop > 10) {
    throw new RangeError(`withoutAppsTop must be an integer from 1 to 10, got ${String(options.withoutAppsTop)}`);
  }
  if (typeof options.measureWithoutApps !== 'boolean') throw new RangeError('measureWithoutApps must be true or false');
  for (const [uuid, name] of Object.entries(options.appNames ?? {})) {
    if (typeof name !== 'string' || name.trim() === '') throw new RangeError(`appNames["${uuid}"] must be a non-empty name`);
  }
  for (const key of ['runTimeoutMs', 'documentTimeoutMs'] as const) {
    if (!Number.isFinite(options[key]) || options[key] < 1000) throw new RangeError(`${key} must be at least 1000 ms, got ${String(options[key])}`);
  }
  return options;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function devicesFor(choice: DeviceChoice): Array<'mobile' | 'desktop'> {
  return choice === 'both' ? ['mobile', 'desktop'] : [choice];
}
