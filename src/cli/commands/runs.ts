// `storefront-audit runs [--json] [--shop s] [--limit n]`: the run history with status, timings, attempts
// and, for failed runs, the reason.
import type { AppConfig } from '../../config.ts';
import { UsageError } from '../../engine/errors.ts';
import type { RunRecord } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { t } from '../text.ts';

export interface RunsCommandOptions {
  json?: boolean;
  shop?: string;
  limit?: string;
  out?: NodeJS.WritableStream;
}

function row(r: RunRecord): string {
  const seconds = r.durationMs !== null ? `${(r.durationMs / 1000).toFixed(1)}s` : r.startedAt && r.finishedAt
    ? `${((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)}s` : '-';
  const score = r.storeScore === null ? '-' : String(Math.round(r.storeScore));
  return [r.id, r.shop, r.status, r.triggeredBy, `attempts=${r.attempts}`, r.createdAt, seconds, `score=${score}`, r.error ?? ''].join('\t');
}

export async function runsCommand(config: AppConfig, options: RunsCommandOptions = {}): Promise<number> {
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(t('error.limit', { value: String(options.limit) }));
  const out = options.out ?? process.stdout;
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const page = options.shop ? await store.runs.list(options.shop, { limit }) : await store.runs.listAcrossShops({ limit });
    if (options.json) out.write(`${JSON.stringify(page.items, null, 2)}\n`);
    else if (page.items.length === 0) out.write(`${t('runs.none')}\n`);
    else {
      out.write(`${t('runs.header')}\n`);
      for (const r of page.items) out.write(`${row(r)}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
