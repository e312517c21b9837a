// `storefront-audit enqueue <url> [--only load,checkout,links]`: queue one audit and print its job id.
import type { AppConfig } from '../../config.ts';
import { UsageError } from '../../engine/errors.ts';
import { parseStoreUrl } from '../../engine/store-url.ts';
import type { AuditJobInput } from '../../jobs/audit-job.ts';
import { openJobsContext, shopOfUrl } from './jobs-context.ts';
import { t } from '../text.ts';

export interface EnqueueCommandOptions {
  only?: string;
  /** Shop key; defaults to the URL's host (standalone mode). */
  shop?: string;
  out?: NodeJS.WritableStream;
}

const AUDITS = ['load', 'checkout', 'links'] as const;

export function parseOnlyList(value: string | undefined): AuditJobInput['only'] {
  if (!value) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !(AUDITS as readonly string[]).includes(id));
  if (unknown.length || ids.length === 0) throw new UsageError(t('error.onlyUnknown', { value: unknown.join(', '), choices: AUDITS.join(', ') }));
  return ids as AuditJobInput['only'];
}

export async function enqueueCommand(config: AppConfig, url: string, options: EnqueueCommandOptions = {}): Promise<number> {
  const storeUrl = parseStoreUrl(url).href;
  const only = parseOnlyList(options.only);
  const shop = options.shop ?? shopOfUrl(storeUrl);
  const out = options.out ?? process.stdout;
  const ctx = await openJobsContext(config);
  try {
    await ctx.store.shops.upsert(shop, { storeUrl });
    const id = await ctx.jobs.queue.enqueue({ shop, storeUrl, triggeredBy: 'cli', ...(only ? { only } : {}) });
    if (id === null) out.write(`${t('enqueue.already', { shop })}\n`);
    else out.write(`${t('enqueue.queued', { id: String(id), url: storeUrl, mode: ctx.jobs.queue.mode })}\n`);
    return 0;
  } finally {
    await ctx.close({ graceful: false });
  }
}
