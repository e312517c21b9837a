// Starts the links audit in a worker thread and relays its progress, cancellation and result. The thread gets a
// hard heap budget (resourceLimits): a crawl that outgrows it ends with a clear error and the process lives on.
// Its young generation is kept small on purpose: a crawl allocates and drops strings at a high rate, and V8's
// default nursery for a big machine (tens of MB per semi-space) would otherwise be most of the audit's memory.
import module from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LinksSection } from '../../src/report/schema.ts';
import type { LinksContext, LinksOptions } from './links-options.ts';
import type { CrawlThreadData, FromCrawlThread, ToCrawlThread } from './crawl-thread-messages.ts';

const YOUNG_GENERATION_MB = 8;
// After an abort the thread normally stops within a request timeout; past this it is terminated.
const ABORT_GRACE_MS = 5_000;

// From a checkout the sources run as .ts; the built package has .js next to this file.
const THREAD_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './crawl-thread.ts' : './crawl-thread.js', import.meta.url);

export class CrawlMemoryError extends Error {
  constructor(limitMb: number) {
    super(`the link crawl needed more than its ${limitMb} MB memory budget and was stopped (raise links.memoryLimitMb, or lower links.maxPages)`);
    this.name = 'CrawlMemoryError';
  }
}

export function crawlInWorker(context: LinksContext, options: LinksOptions): Promise<LinksSection> {
  const { signal, progress } = context;
  signal?.throwIfAborted();
  const data: CrawlThreadData = {
    context: { storeUrl: context.storeUrl, headers: context.headers, allowPrivateAddresses: context.allowPrivateAddresses, allUrls: context.allUrls, fetchedPages: context.fetchedPages },
    options,
  };
  // A thread does not inherit the compile cache its starter enabled (the CLI's bin does): handed on explicitly,
  // the crawl thread loads its modules compiled instead of stripping and compiling them again (0.1 s of CPU and
  // a 17 MB WebAssembly type stripper per crawl, from a checkout). Without a cache in the starter, none here.
  const cacheDir = module.getCompileCacheDir?.();
  const worker = new Worker(THREAD_ENTRY, {
    workerData: data,
    ...(cacheDir ? { env: { ...process.env, NODE_COMPILE_CACHE: dirname(cacheDir) } } : {}),
    resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return new Promise<LinksSection>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => {
      const message: ToCrawlThread = { type: 'abort', reason: String((signal?.reason as Error | undefined)?.message ?? 'aborted') };
      worker.postMessage(message);
      killTimer = setTimeout(() => void worker.terminate(), ABORT_GRACE_MS);
      killTimer.unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromCrawlThread) => {
      if (message.type === 'progress') progress(message.text);
      else if (message.type === 'done') finish(() => resolve(message.section));
      else if (message.aborted && signal?.aborted) finish(() => reject(signal.reason));
      else finish(() => reject(Object.assign(new Error(message.message), { name: message.name })));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new CrawlMemoryError(options.memoryLimitMb) : error));
    });
    worker.on('exit', (code) => {
      clearTimeout(killTimer);
      finish(() => reject(signal?.aborted ? signal.reason : new Error(`the link crawl's thread exited (code ${code}) without a result`)));
    });
  });
}
