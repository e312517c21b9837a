// discover → gather/audit → advise: one report per store. Audits run one after another, never side by side,
// because a link crawl or a checkout journey running beside Lighthouse skews its numbers.
import { mkdir } from 'node:fs/promises';
import type { Audit, AuditContext } from '../../audits/types.ts';
import type { BrowserPool } from '../../audits/shared/browser.ts';
import { SCHEMA_VERSION, validateReport, type Report } from '../report/schema.ts';
import type { AuditId } from './audit-registry.ts';
import { discoverStore, type PerTemplate } from './discovery/index.ts';
import { messageOf } from './errors.ts';
import { parseStoreUrl } from './store-url.ts';
import { adviseReport, checkBudget, compareRuns, type AdviceInputs, type AdviceOptions, type Budget } from '../advisor/index.ts';
import { TOOL } from './tool.ts';

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
  progress?: (message: string) => void;
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

export async function runAudit(storeUrl: string, options: RunAuditOptions): Promise<Report> {
  const origin = parseStoreUrl(storeUrl);
  const progress = options.progress ?? (() => undefined);
  const startedAt = new Date().toISOString();
  const headers = options.headers ?? {};
  const allowPrivateAddresses = options.allowPrivateAddresses ?? false;

  progress(`discovering pages of ${origin.href}`);
  const discovering = discoverStore(origin.href, {
    headers,
    allowPrivateAddresses,
    maxPages: options.maxPages,
    perTemplate: options.perTemplate,
    signal: options.signal,
  });
  // The audits (Lighthouse, Puppeteer) load while discovery's first requests are in flight, so the CLI's first
  // request leaves within a fraction of a second of start-up instead of after the heaviest imports.
  const loading = Promise.all([import('./audit-registry.ts'), import('../../audits/shared/browser.ts')]);
  const discovery = await discovering.catch(async (error: unknown) => {
    await loading.catch(() => undefined);
    throw error;
  });
  const [{ ALL_AUDITS }, { BrowserPool }] = await loading;
  progress(`found ${discovery.pages.length} pages${discovery.truncated ? ' (truncated)' : ''}`);

  await mkdir(options.artifactsDir, { recursive: true });
  const ownsBrowser = !options.browser;
  const browser = options.browser ?? new BrowserPool({ executablePath: options.chromePath, ...(options.chromeArgs ? { extraArgs: options.chromeArgs } : {}) });
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

  const sections: Pick<Report, 'loadTime' | 'checkout' | 'links'> = { loadTime: null, checkout: null, links: null };
  const errors: Report['errors'] = [];
  const selected = ALL_AUDITS.filter((audit) => !options.only || options.only.includes(audit.id));
  try {
    for (const audit of selected) {
      options.signal?.throwIfAborted();
      progress(`${audit.title}: starting`);
      try {
        const auditOptions = optionsFor(audit, options);
        (sections as Record<string, unknown>)[audit.section] = await audit.run(context, auditOptions);
        progress(`${audit.title}: done`);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        errors.push({ audit: audit.id, message: messageOf(error) });
        progress(`${audit.title}: failed: ${messageOf(error)}`);
      }
    }
  } finally {
    if (ownsBrowser) await browser.close();
  }

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

function optionsFor(audit: Audit<unknown, unknown>, options: RunAuditOptions): unknown {
  const generic: Record<string, unknown> = {};
  if (options.device) generic.device = options.device;
  if (options.runs) generic.runs = options.runs;
  if (options.maxPages) generic.maxPages = options.maxPages;
  return { ...(audit.defaults as object), ...generic, ...(options.auditOptions?.[audit.id] ?? {}) };
}
