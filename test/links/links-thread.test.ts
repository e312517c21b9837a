// The crawl's worker thread: its heap budget ends an oversized crawl with a clear error while the process lives
// on, and cancelling the audit stops the crawl's requests at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { checkStoreLinks } from '../../audits/links/index.ts';

let store: DemoStore;

beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed', productCount: 300 });
});

afterAll(async () => {
  await store?.close();
});

const context = () => ({ storeUrl: store.url, headers: {}, allowPrivateAddresses: true, progress: () => undefined });
const storefrontRequests = () => [...store.requests].filter(([path]) => !path.includes(':')).reduce((n, [, count]) => n + count, 0);

describe('links crawl thread', () => {
  it('stops a crawl that outgrows its memory budget with an error naming it, and the next crawl runs', async () => {
    await expect(checkStoreLinks(context(), { memoryLimitMb: 8 })).rejects.toThrow(/needed more than its 8 MB memory budget/);
    const section = await checkStoreLinks(context());
    expect(section.pagesCrawled).toBeGreaterThan(300);
    expect(section.broken).toEqual([]);
  }, 60_000);

  it('cancels mid-crawl with the caller\'s reason, and the store sees no more requests', async () => {
    const controller = new AbortController();
    const before = storefrontRequests();
    const crawl = checkStoreLinks({ ...context(), signal: controller.signal });
    while (storefrontRequests() < before + 50) await new Promise((r) => setTimeout(r, 10));
    const abortedAt = Date.now();
    controller.abort(new Error('audit cancelled by the test'));
    await expect(crawl).rejects.toThrow('audit cancelled by the test');
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 300));
    const settled = storefrontRequests();
    await new Promise((r) => setTimeout(r, 700));
    expect(storefrontRequests()).toBe(settled);
    // It really was mid-crawl: a full crawl of this store makes thousands of requests.
    expect(settled - before).toBeLessThan(2_000);
  }, 60_000);
});
