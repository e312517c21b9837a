// discover → gather/audit → advise: one report per store. Audits run one after another, never side by side,
// because a link crawl or a checkout journey running beside Lighthouse skews its numbers.
//
// Start-up: this module imports nothing heavy. Discovery loads first and sends the store its first request;
// only then do the selected audits (Lighthouse, Puppeteer) load, while that request is in flight. Module
// evaluation holds the event loop, so loading them any earlier would hold the first request back by seconds
// (docs/cli.md, start-up). The advisor and the report schema load once the audits are done.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdir } from 'node:fs/promises';
import type { Audit, AuditContext } from '../../audits/types.ts';
import type { BrowserPool } from '../../audits/shared/browser.ts';
import type { Message, Report } from '../report/schema.ts';
import type { AdviceInputs, AdviceOptions, Budget } from '../advisor/index.ts';
import { loadAudits, type AuditId } from './audit-registry.ts';
import type { PerTemplate } from './discovery/index.ts';
import { messageOf } from './errors.ts';
import { createProgressPlan, type ProgressPlan } from './progress-plan.ts';
import { parseStoreUrl } from './store-url.ts';
import { TOOL } from './tool.ts';
import { CLI_STRINGS } from '../i18n/messages/cli.ts';
import { count, messageFn, nested, url } from '../report/message.ts';

const msg = messageFn('cli', CLI_STRINGS);

export interface RunAuditOptions {
  only?: AuditId[];
  device?: 'mobile' | 'desktop' | 'both';
  runs?: number;
  maxPages?: number;
  /** Representative pages per template for the browser audits (discovery's defaults otherwise). */
  perTemplate?: PerTemplate;
  headers?: Record<string, string>;
  allowPrivateAddresses?: boolean;
  artifactsDir: string;
  browser?: BrowserPool;
  chromePath?: string;
  /** Extra Chromium flags for the browser runAudit launches itself (the CLI puts the profile in its scratch dir). */
  chromeArgs?: string[];
  /** Progress for a person: the engine's own steps are messages (render them in the reader's language), audits may still send text. */
  progress?: (message: string | Message, state?: ProgressState) => void;
  signal?: AbortSignal;
  /** Per-audit option overrides, keyed by audit id. */
  auditOptions?: Partial<Record<AuditId, Record<string, unknown>>>;
  /** Store inputs for the revenue estimates (sessions, conversion rate, AOV, currency, real-user data). */
  inputs?: AdviceInputs;
  advice?: AdviceOptions;
  /** Checked after advising; breaches are listed in the report. */
  budget?: Budget;
  /** The store's previous report: fixes gone since then are marked resolved, with the measured change. */
  previous?: Report;
}

/** Where the run is: the share done, weighted by each step's expected duration (progress-plan.ts). */
export interface ProgressState {
  fraction: number;
}

/** Discovery's share of the weighting: a sitemap and a few pages, about a second. */
const DISCOVERY_MS = 1_000;

export async function runAudit(storeUrl: string, options: RunAuditOptions): Promise<Report> {
  const origin = parseStoreUrl(storeUrl);
  const notify = options.progress ?? (() => undefined);
  let plan: ProgressPlan | undefined;
  const progress = (message: string | Message) => notify(message, { fraction: plan?.fraction() ?? 0 });
  const startedAt = new Date().toISOString();
  const headers = options.headers ?? {};
  const allowPrivateAddresses = options.allowPrivateAddresses ?? false;

  progress(msg('progress.discovering', { url: url(origin.href) }));
  const { discoverStore } = await import('./discovery/index.ts');
  const requestSent = firstRequestSent();
  const discovering = discoverStore(origin.href, {
    headers,
    allowPrivateAddresses,
    maxPages: options.maxPages,
    perTemplate: options.perTemplate,
    signal: options.signal,
  });
  // Whichever comes first: the first request's headers are on the wire, or discovery is over (it failed
  // before it could send one, say). A store that answers slowly then costs no start-up time at all.
  const loading = Promise.race([requestSent.promise, discovering.then(noop, noop)]).then(() => {
    requestSent.cancel();
    return Promise.all([loadAudits(options.only), options.browser ? null : import('../../audits/shared/browser.ts')]);
  });
  const discovery = await discovering.catch(async (error: unknown) => {
    await loading.catch(noop);
    throw error;
  });
  const [selected, browserModule] = await loading;
  // Inputs the advisor would refuse (NaN or 1e300 sessions, shares adding up to 2, currency "XYZ") fail now,
  // with the advisor's own AdviceInputError, instead of after minutes of Lighthouse runs whose results are lost.
  const { resolveInputs } = await import('../advisor/inputs.ts');
  resolveInputs(options.inputs ?? {}, options.advice ?? {});

  await mkdir(options.artifactsDir, { recursive: true });
  const ownsBrowser = !options.browser;
  const browser = options.browser ?? new browserModule!.BrowserPool({ executablePath: options.chromePath, ...(options.chromeArgs ? { extraArgs: options.chromeArgs } : {}) });
  const context: AuditContext = {
    storeUrl: discovery.storeUrl,
    pages: discovery.representative,
    allUrls: discovery.pages.map((p) => p.url),
    // A store without a sitemap was crawled by discovery: the link audit reuses those pages, not refetch them.
    ...(discovery.fetchedPages ? { fetchedPages: discovery.fetchedPages } : {}),
    headers,
    allowPrivateAddresses,
    browser,
    artifactsDir: options.artifactsDir,
    progress,
    signal: options.signal,
  };

  plan = createProgressPlan(
    selected.map((audit) => ({ id: audit.id, expectedMs: estimate(audit, context, options) })),
    [{ id: 'discovery', expectedMs: DISCOVERY_MS }],
  );
  progress(msg(discovery.truncated ? 'progress.foundTruncated' : 'progress.found', { pages: count(discovery.pages.length) }));

  const sections: Pick<Report, 'loadTime' | 'checkout' | 'links'> = { loadTime: null, checkout: null, links: null };
  const errors: Report['errors'] = [];
  try {
    for (const audit of selected) {
      options.signal?.throwIfAborted();
      const name = msg(`audit.${audit.id}`);
      plan.start(audit.id);
      progress(msg('progress.auditStarting', { audit: nested(name) }));
      try {
        const auditOptions = optionsFor(audit, options);
        (sections as Record<string, unknown>)[audit.section] = await audit.run(context, auditOptions);
        plan.finish(audit.id);
        progress(msg('progress.auditDone', { audit: nested(name) }));
      } catch (error) {
        if (options.signal?.aborted) throw error;
        errors.push({ audit: audit.id, message: messageOf(error) });
        plan.finish(audit.id);
        progress(msg('progress.auditFailed', { audit: nested(name), problem: messageOf(error) }));
      }
    }
  } finally {
    if (ownsBrowser) await browser.close();
  }

  const [{ SCHEMA_VERSION, validateReport }, { adviseReport, checkBudget, compareRuns }] = await Promise.all([
    import('../report/schema.ts'),
    import('../advisor/index.ts'),
  ]);
  const draft: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    store: { url: discovery.storeUrl, truncated: discovery.truncated },
    startedAt,
    finishedAt: new Date().toISOString(),
    pages: discovery.pages.map(({ url, template }) => ({ url, template })),
    ...sections,
    fixes: [],
    errors,
  };
  const advised = adviseReport(draft, options.inputs ?? {}, options.advice ?? {});
  if (options.budget) advised.budget = { breaches: checkBudget(advised, options.budget) };
  if (options.previous) advised.comparison = compareRuns(options.previous, advised);
  return validateReport(advised);
}

function noop(): void {}

/**
 * Resolves when any HTTP client in the process (undici, which discovery's HttpClient and fetch both use) has
 * written a request's headers: undici publishes that on the documented `undici:client:sendHeaders` channel.
 */
function firstRequestSent(): { promise: Promise<void>; cancel: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  const onSend = () => cancel();
  const cancel = () => {
    unsubscribe('undici:client:sendHeaders', onSend);
    resolve();
  };
  subscribe('undici:client:sendHeaders', onSend);
  return { promise, cancel };
}

/** The audit's own estimate; options it would refuse get a neutral one here, and its refusal when it runs. */
function estimate(audit: Audit<unknown, unknown>, context: AuditContext, options: RunAuditOptions): number {
  try {
    return audit.expectedMs?.(context, optionsFor(audit, options)) ?? 5_000;
  } catch {
    return 5_000;
  }
}

function optionsFor(audit: Audit<unknown, unknown>, options: RunAuditOptions): unknown {
  const generic: Record<string, unknown> = {};
  if (options.device) generic.device = options.device;
  if (options.runs) generic.runs = options.runs;
  if (options.maxPages) generic.maxPages = options.maxPages;
  return { ...(audit.defaults as object), ...generic, ...(options.auditOptions?.[audit.id] ?? {}) };
}
