// Child process for bench:links: the parsing floor. It renders the neutral store's pages in memory (the same
// buffers the store serves) and runs our extractor and URL resolution over every HTML page, no network, no
// bookkeeping, then prints the CPU that took as one JSON line. With the request floor (links-floor.ts) and the
// store's own CPU it bounds from below what any crawler built on htmlparser2 and undici can do on this machine.
import { renderNeutralStore, shapeForPages } from './neutral-store.ts';
import { createPageExtractor } from '../../audits/links/extract-html.ts';
import { resolveReference } from '../../audits/links/url-policy.ts';

const pages = Number(process.argv[2]);
if (!Number.isInteger(pages) || pages < 1) {
  console.error('usage: node test/bench/links-parse-floor.ts <pages>');
  process.exit(2);
}
const { responses } = renderNeutralStore(shapeForPages(pages));
const html = [...responses].filter(([, response]) => String(response.headers['content-type']).includes('html'));
const before = process.cpuUsage();
let references = 0;
for (const [path, response] of html) {
  const extractor = createPageExtractor(`http://127.0.0.1:1${path}`, { css: true, collectAnchors: false, getForms: true }, (ref) => {
    resolveReference(ref.raw, extractor.base);
    references++;
  });
  extractor.write(response.body.toString('utf8'));
  extractor.end();
}
const used = process.cpuUsage(before);
console.log(JSON.stringify({ pages: html.length, references, cpuS: (used.user + used.system) / 1e6 }));
