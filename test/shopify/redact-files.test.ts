// shop/redact on the lifecycle `serve` uses (issue #16, item 8), on both engines: the shop's rows and its files
// (the artefact folders of its runs: checkout screenshots and the like under <dataDir>/artifacts/<runId>/) are
// gone from disk, another shop's stay, and the redact's receipt is kept. Receipts themselves are pruned by the
// jobs layer's maintenance once older than the retention (issue #16: webhooks.pruneBefore was never called).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { jobsLifecycle } from '../../src/server/jobs-lifecycle.ts';
import { BACKENDS, type TestBackend } from '../store/backends.ts';
import { waitFor } from '../jobs/support/processes.ts';
import { startHarness, type Harness } from './harness.ts';

describe.each(BACKENDS)('shop/redact deletes files too, on %s', (_name, makeBackend) => {
  const GONE = 'gone.myshopify.com';
  const STAYS = 'stays.myshopify.com';
  let backend: TestBackend;
  let h: Harness;
  let jobs: Jobs;
  const dataDir = mkdtempSync(join(tmpdir(), 'redact-files-'));

  /** A run of `shop` with a screenshot on disk where the jobs layer writes them. */
  async function runWithScreenshot(shop: string): Promise<string> {
    const run = await h.store.runs.create({ shop, storeUrl: `https://${shop}/`, triggeredBy: 'test' });
    const dir = join(jobs.artifactsRoot, String(run.id));
    mkdirSync(join(dir, 'checkout'), { recursive: true });
    writeFileSync(join(dir, 'checkout', '01-cart.png'), 'png');
    return dir;
  }

  beforeAll(async () => {
    backend = makeBackend();
    h = await startHarness(backend, {
      makeLifecycle: async (store) => {
        jobs = await createJobs({
          store, logger: pino({ level: 'silent' }), dataDir, pollIntervalMs: 50,
          runAudit: async () => {
            throw new Error('no worker runs in this test');
          },
        });
        return { lifecycle: jobsLifecycle(jobs, store), close: () => jobs.stop({ graceful: false }) };
      },
    });
    h.standIn.addShop({ shop: GONE, primaryDomain: 'gone.example' });
    h.standIn.addShop({ shop: STAYS, primaryDomain: 'stays.example' });
    for (const shop of [GONE, STAYS]) expect((await h.api('/api/shop', { token: await h.standIn.sessionToken(shop) })).status).toBe(200);
  });

  afterAll(async () => {
    await h?.close();
    await backend?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('removes every artefact folder of the shop\'s runs with its rows; the other shop keeps its files', async () => {
    const gone = [await runWithScreenshot(GONE), await runWithScreenshot(GONE)];
    const stays = await runWithScreenshot(STAYS);
    expect(gone.every((dir) => existsSync(join(dir, 'checkout', '01-cart.png')))).toBe(true);

    expect(await (await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: GONE })).json()).toEqual({ outcome: 'processed' });
    h.standIn.state.revokeShop(GONE);
    const redact = await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'shop/redact', shop: GONE, webhookId: 'files-redact', payload: { shop_id: 1, shop_domain: GONE } });
    expect(await redact.json()).toEqual({ outcome: 'processed' });

    for (const dir of gone) expect(existsSync(dir), dir).toBe(false);
    expect(existsSync(join(stays, 'checkout', '01-cart.png'))).toBe(true);
    expect(readdirSync(jobs.artifactsRoot)).toEqual([stays.split('/').at(-1)]);
    expect((await h.store.runs.list(GONE)).items).toEqual([]);
    expect(await h.store.shops.get(GONE)).toBeNull();
    expect((await h.store.runs.list(STAYS)).items).toHaveLength(1);
    // The receipt survives the redact it records.
    expect(await h.store.db.get('SELECT topic FROM processed_webhooks WHERE webhook_id = ?', ['files-redact'])).toEqual({ topic: 'SHOP_REDACT' });
  });

  it('maintenance prunes webhook receipts older than a week and keeps recent ones', async () => {
    expect(await h.store.webhooks.recordOnce('old-receipt', STAYS, 'themes/publish')).toBe(true);
    expect(await h.store.webhooks.recordOnce('fresh-receipt', STAYS, 'themes/publish')).toBe(true);
    await h.store.db.run('UPDATE processed_webhooks SET received_at = ? WHERE webhook_id = ?', [new Date(Date.now() - 8 * 86_400_000).toISOString(), 'old-receipt']);
    jobs.startMaintenance(60_000);
    await waitFor('old receipt pruned', async () => !(await h.store.db.get('SELECT 1 AS x FROM processed_webhooks WHERE webhook_id = ?', ['old-receipt'])), 10_000);
    expect(await h.store.db.get('SELECT topic FROM processed_webhooks WHERE webhook_id = ?', ['fresh-receipt'])).toEqual({ topic: 'themes/publish' });
    expect(await h.store.db.get('SELECT topic FROM processed_webhooks WHERE webhook_id = ?', ['files-redact'])).toEqual({ topic: 'SHOP_REDACT' });
    // A pruned id is new again: Shopify stopped retrying it long ago, so this would be a fresh delivery.
    expect(await h.store.webhooks.recordOnce('old-receipt', STAYS, 'themes/publish')).toBe(true);
  });
});
