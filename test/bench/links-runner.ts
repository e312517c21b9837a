// Child process for the link benchmark: runs our crawler on one store and prints one JSON line, so its peak
// memory is measured the same way as linkinator's (its own process under /usr/bin/time).
import { checkStoreLinks } from '../../audits/links/index.ts';

const [storeUrl, maxPages] = process.argv.slice(2);
if (!storeUrl || (maxPages !== undefined && !(Number(maxPages) >= 1))) {
  console.error('usage: node test/bench/links-runner.ts <store-url> [max-pages]');
  process.exit(2);
}
const started = performance.now();
const section = await checkStoreLinks({ storeUrl, headers: {}, allowPrivateAddresses: true, progress: (m) => console.error(m) }, maxPages ? { maxPages: Number(maxPages) } : {});
console.log(
  JSON.stringify({
    wallMs: performance.now() - started,
    pagesCrawled: section.pagesCrawled,
    linksChecked: section.linksChecked,
    broken: section.broken.map((b) => b.url),
    truncatedAt: section.truncatedAt,
  }),
);
