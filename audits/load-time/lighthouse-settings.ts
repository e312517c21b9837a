// The lean Lighthouse configuration. Every value here trades a little of Lighthouse's generality for speed,
// and the comment says what each trade costs and why it is safe for storefront pages.
import { desktopConfig, type Config, type Flags } from 'lighthouse';

/**
 * Audits nobody reads in our report. Skipping an audit also drops the gatherers only it needs, so this is
 * where most of the saving is: the bf-cache audit navigates away and back (about a second per run), the
 * screenshots are encoded into the report and thrown away, the treemap data is for Lighthouse's own viewer.
 */
export const SKIPPED_AUDITS = [
  'bf-cache',
  'final-screenshot',
  'screenshot-thumbnails',
  'script-treemap-data',
  'user-timings',
  'non-composited-animations',
  // Its ImageElements gatherer measures every <img> after load (1–2 s a run on a product grid); the
  // cls-culprits insight names the same unsized images from the trace, as the cause of each shift.
  'unsized-images',
] as const;

/**
 * Wait thresholds, in ms. Lighthouse's simulated throttling computes the metrics from the observed trace, so
 * the page only has to stay open long enough for the trace to hold every request and long task that matters.
 */
export const WAITS = {
  // 1 instead of 1000: keeps Lighthouse's "did it paint at all" watch (NO_FCP) without a pause after paint;
  // the load and quiet waits below already keep the page open well past FCP. (0 would switch the watch off.)
  pauseAfterFcpMs: 1,
  // Lighthouse's default, kept on purpose: apps inject banners and pop-ups shortly after `load` (the demo
  // store's Promo Bar at +800 ms) and the layout shift they cause only counts if it is in the trace.
  pauseAfterLoadMs: 1000,
  // Half the default: storefront assets are requested while parsing; a request that starts more than 0.5 s
  // after the network went quiet (and after the 1 s post-load pause) is a lazy below-the-fold request that
  // Lantern's LCP/FCP simulation does not depend on.
  networkQuietThresholdMs: 500,
  // Half the default: app scripts run their long tasks while loading (async/defer) or right after `load`;
  // 500 ms of no long task after the network went quiet is enough to have them in the trace.
  cpuQuietThresholdMs: 500,
  // Lighthouse's defaults are 30 s / 45 s. A storefront that has not painted after 15 s or loaded after 35 s
  // has a problem worth reporting on its own; waiting longer only stalls the rest of the audit.
  maxWaitForFcp: 15_000,
  maxWaitForLoad: 35_000,
} as const;

export interface RunSettings {
  flags: Flags;
  config: Config | undefined;
}

// No `extraHeaders` here: the merchant's headers go to the store's own origin only (own-origin-headers.ts).
export function lighthouseSettings(device: 'mobile' | 'desktop', blockedUrlPatterns: readonly string[] = []): RunSettings {
  const flags: Flags = {
    logLevel: 'silent',
    output: 'json',
    onlyCategories: ['performance'],
    skipAudits: [...SKIPPED_AUDITS],
    // The full-page screenshot is a separate capture after load, used only by Lighthouse's HTML report.
    disableFullPageScreenshot: true,
    // Every run gets a fresh incognito context with an empty cache and no storage, so Lighthouse's own
    // storage/cache reset has nothing to clear, and the new tab is already on about:blank.
    disableStorageReset: true,
    skipAboutBlank: true,
    ...WAITS,
    // The "without this app" runs: Lighthouse blocks these (Network.setBlockedURLs) before the navigation.
    ...(blockedUrlPatterns.length > 0 ? { blockedUrlPatterns: [...blockedUrlPatterns] } : {}),
  };
  // Desktop: Lighthouse's own desktop config (desktop screenEmulation, UA and the dense-4G throttling).
  // Mobile: Lighthouse's default, the emulated Moto G Power on slow 4G, which is what Shopify measures.
  return { flags, config: device === 'desktop' ? desktopConfig : undefined };
}
