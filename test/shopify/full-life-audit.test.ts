// The full life of a shop WITH its audits (issue #16, "Done when"): the app server, the real jobs layer with its
// worker and the real audit engine (discovery, Lighthouse, checkout journey, link crawl) against the Shopify
// stand-in, whose shop's storefront is the demo store on localhost. The development allowance
// (SHOPIFY_DEV_STOREFRONT_ORIGINS) names that one origin: the install's first audit succeeds, a job for any other
// private origin is still refused by the worker's guard, and shop/redact removes the run's rows and files.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { createRunOptionsResolver } from '../../src/jobs/run-options.ts';
import { runAudit } from '../../src/engine/run-audit.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { CHATLY } from '../../src/demo-store/apps.ts';
import { jobsLifecycle } from '../../src/server/jobs-lifecycle.ts';
import { sqliteBackend } from '../store/backends.ts';
import { waitFor } from '../jobs/support/processes.ts';
import { startHarness, testConfig, type Harness } from './harness.ts';
import { workerAddressPolicy } from '../../src/cli/commands/jobs-context.ts';

const SHOP = 'local-life.myshopify.com';
const backend = sqliteBackend();
const dataDir = mkdtempSync(join(tmpdir(), 'full-life-audit-'));
let demo: DemoStore;
let h: Harness;
let jobs: Jobs;

const token = () => h.standIn.sessionToken(SHOP);
const finished = (status: 'succeeded' | 'failed', shop = SHOP) => waitFor(`a ${status} run of ${shop}`, async () => (await h.store.runs.latest(shop, { status })) ?? null, 540_000);

beforeAll(async () => {
  demo = await startDemoStore({ variant: 'defective' });
  const origin = new URL(demo.url).origin;
  const logger = pino({ level: process.env.SHOPIFY_TEST_LOG ?? 'silent' });
  h = await startHarness(backend, {
    privateAuditOrigins: [origin],
    makeLifecycle: async (store) => {
      jobs = await createJobs({
        store, logger, dataDir, pollIntervalMs: 100,
        // One attempt: a refused job must end failed now, not after the default back-off.
        retry: { maxAttempts: 1 },
        // What `serve` derives from its configuration in development against the stand-in.
        ...workerAddressPolicy(testConfig('http://127.0.0.1:9', { SHOPIFY_DEV_STOREFRONT_ORIGINS: origin })),
        // The real engine, kept small so the test stays within CI's budget: one run, a page per template.
        runAudit: (url, options) => runAudit(url, {
          ...options, runs: 1, device: 'mobile',
          perTemplate: { home: 1, product: 1, collection: 1, page: 0, blog: 0, article: 0, cart: 0, search: 0, other: 0 },
        }),
        runOptionsFor: createRunOptionsResolver({ store, logger }),
      });
      await jobs.startWorker();
      return { lifecycle: jobsLifecycle(jobs, store), close: () => jobs.stop({ graceful: false }) };
    },
  });
  h.standIn.addShop({ shop: SHOP, name: 'Local Life', primaryDomain: new URL(origin).host, primaryUrl: origin });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await demo?.close();
  await backend.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a local shop, install to redact, with real audits', () => {
  it('installs: the pixel is connected and the first audit, queued by the install, succeeds on the shop\'s storefront', async () => {
    expect((await h.api('/api/shop', { token: await token() })).status).toBe(200);
    expect(h.standIn.state.shops.get(SHOP)!.webPixel).not.toBeNull();
    const run = await finished('succeeded');
    expect(run).toMatchObject({ triggeredBy: 'install', storeUrl: `${demo.url}/` });
    const report = (await h.store.runs.getReport(SHOP, run.id))!;
    expect(report.errors).toEqual([]);
    expect(report.loadTime?.pages.length).toBeGreaterThan(0);
    for (const page of report.loadTime!.pages) expect(page.error ?? null).toBeNull();
    expect(report.checkout?.completed).toBe(true);
    expect(report.links?.broken.length).toBeGreaterThan(0);
    // Shopify's field data (the stand-in's web_performance) was read before the audit and priced its LCP fixes.
    expect(report.impactSummary?.inputs.filter((i) => i.name.startsWith('fieldLcp.') && i.source === 'shopify-field').length).toBeGreaterThan(0);
    // The admin API serves it to the shop's own session, and its artefacts are on disk.
    expect((await h.api('/api/admin/overview', { token: await token() })).status).toBe(200);
    expect(existsSync(join(jobs.artifactsRoot, String(run.id)))).toBe(true);
  }, 600_000);

  it('lists the apps the audit found in Settings and takes the merchant\'s name for one; a bad key is a 400', async () => {
    const settings = await (await h.api('/api/admin/settings', { token: await token() })).json();
    expect(settings.appNames.detected).toEqual(expect.arrayContaining([{ key: CHATLY.uuid, name: CHATLY.name, nameSource: 'file' }]));
    const bad = await h.api('/api/admin/settings', { method: 'PUT', token: await token(), body: JSON.stringify({ appNames: { '../etc': 'x' } }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_body');
    const saved = await h.api('/api/admin/settings', { method: 'PUT', token: await token(), body: JSON.stringify({ appNames: { [CHATLY.uuid]: 'Live chat (Chatly)' } }) });
    expect(saved.status).toBe(200);
    expect((await (await h.api('/api/admin/settings', { token: await token() })).json()).appNames.renames).toEqual({ [CHATLY.uuid]: 'Live chat (Chatly)' });
  });

  it('the merchant switches the embed on and publishes: detected, and the re-audit succeeds, with the app renamed', async () => {
    h.standIn.setOurEmbed(SHOP, true);
    expect(await (await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'themes/publish', shop: SHOP })).json()).toEqual({ outcome: 'processed' });
    const status = await (await h.api('/api/shop/storefront-plugin', { token: await token() })).json();
    expect(status.storefront.embed).toMatchObject({ checked: true, enabled: true, present: true });
    const rerun = await waitFor('the theme-publish re-audit', async () =>
      (await h.store.runs.list(SHOP, { status: 'succeeded', limit: 5 })).items.find((r) => r.triggeredBy === 'theme-publish') ?? null, 540_000);
    const report = (await h.store.runs.getReport(SHOP, rerun.id))!;
    expect(report.errors).toEqual([]);
    const chatly = report.loadTime!.pages.flatMap((p) => p.apps).filter((a) => a.extensionId === CHATLY.uuid);
    expect(chatly.length).toBeGreaterThan(0);
    for (const app of chatly) expect(app).toMatchObject({ name: 'Live chat (Chatly)', nameSource: 'merchant' });
  }, 600_000);

  it('the worker still refuses a job for any other private origin (the allowance is per origin, not on/off)', async () => {
    expect(workerAddressPolicy(testConfig('http://127.0.0.1:9', { SHOPIFY_DEV_STOREFRONT_ORIGINS: `${demo.url}/` }))).toEqual({ allowPrivateAddresses: false, privateStoreOrigins: [new URL(demo.url).origin] });
    expect(workerAddressPolicy(testConfig('http://127.0.0.1:9'))).toEqual({ allowPrivateAddresses: false, privateStoreOrigins: [] });
    const OTHER = 'other-origin.myshopify.com';
    // The same demo store under another name: loopback, but not the origin the allowance lists.
    const port = new URL(demo.url).port;
    await jobs.queue.enqueue({ shop: OTHER, storeUrl: `http://localhost:${port}/`, triggeredBy: 'manual' });
    const run = await finished('failed', OTHER);
    expect(run.error).toMatch(/loopback|private|not a public address|blocked/i);
  }, 120_000);

  it('uninstalls and redacts: the runs\' rows and their artefact folders are gone from disk', async () => {
    const runs = (await h.store.runs.list(SHOP, { limit: 10 })).items;
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const folders = runs.map((r) => join(jobs.artifactsRoot, String(r.id)));
    expect(folders.some((f) => existsSync(f))).toBe(true);
    expect((await (await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'app/uninstalled', shop: SHOP })).json())).toEqual({ outcome: 'processed' });
    h.standIn.state.revokeShop(SHOP);
    expect((await (await h.standIn.sendWebhook({ url: h.webhookUrl, topic: 'shop/redact', shop: SHOP, webhookId: 'local-life-redact' })).json())).toEqual({ outcome: 'processed' });
    expect(await h.store.runs.latest(SHOP, { status: 'any' })).toBeNull();
    for (const folder of folders) expect(existsSync(folder)).toBe(false);
    expect(readdirSync(jobs.artifactsRoot).filter((name) => runs.some((r) => String(r.id) === name))).toEqual([]);
  });
});
