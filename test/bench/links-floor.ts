// Child process for bench:links: the floor under any crawler on this machine. It sends as many requests as our
// crawl checked (HEAD, keep-alive, 24 connections as our crawler opens to the store) with bare undici to a URL
// the store answers 200, parses nothing and remembers nothing, and exits. Its wall time, start-up included, is
// what the requests alone cost here, store and client sharing the same cores.
import { Agent } from 'undici';

const [base, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!base || !Number.isInteger(count) || count < 1) {
  console.error('usage: node test/bench/links-floor.ts <store-url> <requests>');
  process.exit(2);
}
const { origin } = new URL(base);
const agent = new Agent({ connections: 24 });
let next = 0;
async function lane(): Promise<void> {
  while (next < count) {
    next++;
    const response = await agent.request({ origin, path: '/theme/logo.svg', method: 'HEAD', headers: { accept: '*/*' }, reset: false });
    await response.body.dump();
  }
}
await Promise.all(Array.from({ length: 24 }, lane));
await agent.close();
