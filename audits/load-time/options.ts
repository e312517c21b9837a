// What a caller may tune. The engine passes `device` and `runs` from the CLI; the Shopify app passes
// `appNames` (the installed apps' extension uuids); tests shorten the waits.
export type DeviceChoice = 'mobile' | 'desktop' | 'both';

export interface LoadTimeOptions {
  device: DeviceChoice;
  /** Lighthouse runs per page and device; the report keeps the median run (Lighthouse's own method). */
  runs: number;
  /** App-embed extension uuid → app name, e.g. from the Shopify Admin's installed apps. */
  appNames: Record<string, string>;
  /** Extra domain → app name pairs, on top of the built-in table in known-apps.ts. */
  appDomains: Record<string, string>;
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
