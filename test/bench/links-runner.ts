// Child process for the link benchmark: runs our crawler on one store and prints one JSON line, so its peak
// memory is measured the same way as linkinator's (its own process under /usr/bin/time).
import { checkStoreLinks } from '../../audits/links/index.ts';

const storeUrl = process.argv[2];
if (!storeUrl) {
  console.error('usage: node test/bench/links-runner.ts <store-url>');
  process.exit(2);
}
const started = performance.now();
const section = await checkStoreLinks({ storeUrl, headers: {}, allowPrivateAddresses: true, progress: (m) => console.error(m) });
console.log(
  JSON.stringify({
    wallMs: performance.now() - started,
    pagesCrawled: section.pagesCrawled,
    linksChecked: section.linksChecked,
    broken: section.broken.map((b) => b.url),
    truncatedAt: section.truncatedAt,
  }),
);
