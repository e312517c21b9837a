// The load-time audit: Lighthouse (performance only, lean settings) on each representative page, on one
// shared browser, one run at a time, the median of N runs per page, apps attributed by URL, and a store score
// weighted like Shopify's.
import type { Audit, AuditContext } from '../types.ts';
import type { LoadTimePage, LoadTimeSection } from '../../src/report/schema.ts';
import { assertPublicPage } from './address-check.ts';
import type { AttributionRules } from './attribution.ts';
import { failedPage, measurePage } from './measure-page.ts';
import { LOAD_TIME_DEFAULTS, devicesFor, resolveLoadTimeOptions, type LoadTimeOptions } from './options.ts';
import { PageFailure } from './page-failure.ts';
import { storeScoreOf } from './store-score.ts';
import { measureWithoutApps } from './without-apps.ts';

export type { LoadTimeOptions, DeviceChoice } from './options.ts';
export { LOAD_TIME_DEFAULTS, resolveLoadTimeOptions } from './options.ts';
export { TEMPLATE_WEIGHTS, storeScoreOf } from './store-score.ts';
export { ownerOf, type AttributionRules, type Owner } from './attribution.ts';
export { appNameFromHandle, appNameFromFile, KNOWN_APP_HANDLES } from './known-apps.ts';
export { SHOPIFY_APP_LIMIT_POINTS } from './without-apps.ts';

export async function runLoadTimeAudit(context: AuditContext, partial: Partial<LoadTimeOptions> = {}): Promise<LoadTimeSection> {
  const options = resolveLoadTimeOptions(partial);
  const rules = attributionRules(context, options);
  const pages: LoadTimePage[] = [];
  const devices = devicesFor(options.device);
  // Lighthouse runs strictly one after another: concurrent runs on one machine skew each other's numbers.
  for (const device of devices) {
    for (const page of context.pages) {
      context.signal?.throwIfAborted();
      if (!context.allowPrivateAddresses) {
        const blocked = await assertPublicPage(page.url).then(() => null, (error: unknown) => error);
        if (blocked) {
          pages.push(failedPage({ page, device }, blocked instanceof PageFailure ? blocked.reason : String(blocked)));
          continue;
        }
      }
      pages.push(
        await measurePage(context.browser, {
          page,
          device,
          runs: options.runs,
          headers: context.headers,
          runTimeoutMs: options.runTimeoutMs,
          documentTimeoutMs: options.documentTimeoutMs,
          rules,
          signal: context.signal,
          progress: context.progress,
        }),
      );
    }
  }
  const section = sectionOf(pages, devices);
  if (options.measureWithoutApps) {
    const measured = await measureWithoutApps(context.browser, {
      pages,
      top: options.withoutAppsTop,
      runs: options.runs,
      headers: context.headers,
      runTimeoutMs: options.runTimeoutMs,
      documentTimeoutMs: options.documentTimeoutMs,
      signal: context.signal,
      progress: context.progress,
    });
    Object.assign(section, measured);
  }
  return section;
}

function attributionRules(context: AuditContext, options: LoadTimeOptions): AttributionRules {
  const origins = new Set<string>([new URL(context.storeUrl).origin]);
  for (const page of context.pages) origins.add(new URL(page.url).origin);
  const appNames: Record<string, string> = {};
  for (const [key, name] of Object.entries(options.appNames)) appNames[key.toLowerCase()] = name.trim();
  return { storeOrigins: origins, appNames, appDomains: options.appDomains };
}

function sectionOf(pages: LoadTimePage[], devices: Array<'mobile' | 'desktop'>): LoadTimeSection {
  const notes: string[] = [];
  const storeScores: NonNullable<LoadTimeSection['storeScores']> = {};
  let primary: ReturnType<typeof storeScoreOf> | null = null;
  for (const device of devices) {
    const score = storeScoreOf(pages.filter((p) => p.device === device));
    storeScores[device] = score.storeScore;
    primary ??= score;
    notes.push(...score.notes.map((n) => (devices.length > 1 ? `${device}: ${n}` : n)));
  }
  if (devices.length > 1) notes.push('storeScore is the mobile score, as Shopify reports it; storeScores has both devices.');
  const failed = pages.filter((p) => p.error);
  if (failed.length > 0) notes.push(`${failed.length} of ${pages.length} page measurements failed; see each page's error.`);
  const others = [...new Set(pages.map((p) => p.template).filter((t) => !['home', 'product', 'collection'].includes(t)))];
  if (others.length > 0) notes.push(`Measured but not in the store score: ${others.join(', ')} pages.`);
  return {
    storeScore: primary?.storeScore ?? null,
    weights: primary?.weights ?? {},
    notes,
    ...(devices.length > 1 ? { storeScores } : {}),
    pages,
  };
}

export const loadTimeAudit: Audit<LoadTimeOptions, LoadTimeSection> = {
  id: 'load',
  section: 'loadTime',
  title: 'Load time (Lighthouse)',
  defaults: LOAD_TIME_DEFAULTS,
  run: (context, options) => runLoadTimeAudit(context, options),
  // Lighthouse runs one after another, about 4 s each on 2 cores (8 runs in 30 s on the demo store), plus the
  // measured "without this app" runs when asked for.
  expectedMs(context, partial) {
    const options = resolveLoadTimeOptions(partial);
    const pageRuns = devicesFor(options.device).length * context.pages.length * options.runs;
    const withoutRuns = options.measureWithoutApps ? options.withoutAppsTop * context.pages.length * options.runs : 0;
    return 4_000 * (pageRuns + withoutRuns);
  },
};
