// Worker-thread entry of the links audit (started by crawl-in-worker.ts): runs the crawl and reports progress,
// the section, or the failure back to the thread that started it.
import { parentPort, workerData } from 'node:worker_threads';
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
  // Node's compile cache would speed up this import, but only where the user asked for one (NODE_COMPILE_CACHE,
  // which Node honours by itself): enabling it here wrote node-compile-cache into TMPDIR, at thread exit, after
  // the CLI had removed its scratch directory, and the CLI promises to leave TMPDIR as it found it.
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
