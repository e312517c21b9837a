// The admin UI's test bed: the real server (createServer) on a real SQLite store in a temp dir, the real jobs
// layer (embedded queue and worker) behind "Run audit now", the built UI, and real reports made by auditing the
// demo store with the engine. One per test file.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { ensureAdminBuilt } from '../../src/admin/build.ts';
import { readConfig } from '../../src/config.ts';
import { DEMO_APPS } from '../../src/demo-store/apps.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { runAudit, type RunAuditOptions } from '../../src/engine/run-audit.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import type { Report } from '../../src/report/schema.ts';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import { jobsLifecycle } from '../../src/server/jobs-lifecycle.ts';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import { openStore, type RunRecord, type Store } from '../../src/store/index.ts';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'admin');

export interface AdminBed {
  demo: DemoStore;
  browser: BrowserPool;
  store: Store;
  jobs: Jobs;
  running: RunningServer;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export function auditOptions(browser: BrowserPool, artifactsDir: string, only: RunAuditOptions['only']): RunAuditOptions {
  return {
    only,
    runs: 1,
    device: 'mobile',
    allowPrivateAddresses: true,
    artifactsDir,
    browser,
    perTemplate: { home: 1, product: 1, collection: 0, page: 0, blog: 0, article: 0, cart: 0, search: 0, other: 0 },
    auditOptions: { load: { appNames: Object.fromEntries(DEMO_APPS.map((app) => [app.uuid, app.name])) } },
    inputs: { monthlySessions: 50_000, conversionRate: 0.02, averageOrderValue: 80, currency: 'USD' },
  };
}

/** Audits the demo store for real and stores the report as a run of `shop`, artefacts where the server serves them. */
export async function auditAndStore(bed: Pick<AdminBed, 'demo' | 'browser' | 'store' | 'dataDir'>, only: RunAuditOptions['only'], shop = STANDALONE_SHOP): Promise<{ run: RunRecord; report: Report }> {
  const created = await bed.store.runs.create({ shop, storeUrl: bed.demo.url, triggeredBy: 'test' });
  const report = await runAudit(bed.demo.url, auditOptions(bed.browser, join(bed.dataDir, 'artifacts', String(created.id)), only));
  bed.demo.resetTransient();
  return { run: await bed.store.runs.complete(shop, created.id, report), report };
}

export async function startAdminBed(options: { env?: Record<string, string> } = {}): Promise<AdminBed> {
  await mkdir(ARTIFACTS, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'admin-ui-'));
  const [demo, adminStaticDir] = await Promise.all([startDemoStore({ variant: 'defective' }), ensureAdminBuilt()]);
  const browser = new BrowserPool();
  const store = await openStore({ url: `sqlite:${join(dataDir, 'db.sqlite')}` });
  const logger = pino({ level: 'silent' });
  // "Run audit now" runs the real engine through the real queue: the load-time audit of the home page only,
  // to keep the suite quick while the new run still adds a point to the score trend.
  const jobs = await createJobs({
    store,
    logger,
    dataDir,
    allowPrivateAddresses: true,
    pollIntervalMs: 100,
    runAudit: (url, opts) =>
      runAudit(url, {
        ...auditOptions(browser, opts.artifactsDir, ['load']),
        perTemplate: { home: 1, product: 0, collection: 0, page: 0, blog: 0, article: 0, cart: 0, search: 0, other: 0 },
        signal: opts.signal,
      }),
  });
  void jobs.startWorker();
  const server = createServer({
    config: readConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...options.env }),
    logger,
    store,
    lifecycle: jobsLifecycle(jobs, store),
    schedules: jobs.schedules,
    adminStaticDir,
  });
  const running = await server.listen(0, '127.0.0.1');
  return {
    demo,
    browser,
    store,
    jobs,
    running,
    url: running.url,
    dataDir,
    async close() {
      await running.close();
      await jobs.stop({ graceful: false });
      await browser.close();
      await store.close();
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
