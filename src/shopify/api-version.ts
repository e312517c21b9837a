// Shopify's API support window (shopify.dev, "About Shopify API versioning"): a stable version YYYY-MM is
// released on the first day of that month and supported for a minimum of 12 months, so it leaves support on
// the first day of the same month a year later. Requests to a version past that "fall forward" to the oldest
// supported one, which silently changes field shapes under the app; a test keeps the pinned version clear of it.

const VERSION = /^(\d{4})-(0[147]|10)$/;

/** The day a stable version leaves support (UTC midnight of its first anniversary month). */
export function supportEndsOn(version: string): Date {
  const match = VERSION.exec(version);
  if (!match) throw new RangeError(`not a stable Shopify API version (YYYY-01/04/07/10): ${version}`);
  return new Date(Date.UTC(Number(match[1]) + 1, Number(match[2]) - 1, 1));
}

/** The release day of a stable version. */
export function releasedOn(version: string): Date {
  const end = supportEndsOn(version);
  return new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), 1));
}

/** Whole days from `now` until the version leaves support (negative once it has). */
export function daysOfSupportLeft(version: string, now: Date = new Date()): number {
  return Math.floor((supportEndsOn(version).getTime() - now.getTime()) / 86_400_000);
}

/** The stable versions supported on `now`, oldest first (a version is live from 17:00 UTC on release day). */
export function supportedVersions(now: Date = new Date()): string[] {
  const out: string[] = [];
  const year = now.getUTCFullYear();
  for (let y = year - 1; y <= year; y++) {
    for (const m of ['01', '04', '07', '10']) {
      const version = `${y}-${m}`;
      const released = releasedOn(version).getTime() + 17 * 3_600_000;
      if (released <= now.getTime() && supportEndsOn(version).getTime() > now.getTime()) out.push(version);
    }
  }
  return out;
}
