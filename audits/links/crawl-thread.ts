// Worker-thread entry of the links audit (started by crawl-in-worker.ts): runs the crawl and reports progress,
// the section, or the failure back to the thread that started it.
import { parentPort, workerData } from 'node:worker_threads';
import module from 'node:module';
import type { LinksOptions } from './links-options.ts';
import type { CrawlThreadData, FromCrawlThread, ToCrawlThread } from './crawl-thread-messages.ts';

const port = parentPort;
if (!port) throw new Error('crawl-thread.ts runs as a worker thread, started by crawl-in-worker.ts');
const { context, options } = workerData as CrawlThreadData;
const controller = new AbortController();
const send = (message: FromCrawlThread): void => port.postMessage(message);

port.on('message', (message: ToCrawlThread) => {
  if (message.type === 'abort') controller.abort(new Error(message.reason));
});

try {
  // The crawler's modules (undici, htmlparser2, our own .ts) are compiled once and cached on disk (Node's
  // compile cache, in the OS temp directory): start-up before the first request is time a CI user waits.
  module.enableCompileCache?.();
  const { crawlLinks } = await import('./crawl-links.ts');
  const section = await crawlLinks(
    { ...context, signal: controller.signal, progress: (text) => send({ type: 'progress', text }) },
    options as LinksOptions,
  );
  send({ type: 'done', section });
} catch (error) {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  send({ type: 'failed', name, message, aborted: controller.signal.aborted });
} finally {
  port.close();
}
