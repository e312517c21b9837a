// What each app costs, estimated and measured, on the demo store, whose apps plant known costs (SPEC D3, D4):
// Chatly a ~350 ms main-thread task on every page, Reviews Pro a render-blocking script in <head>. Prints:
//   1. per app and page: our estimate (attribution of one Lighthouse result: TBT share, render-blocking share)
//      beside the measured "without this app" deltas (median, min..max over N runs), and for Chatly the planted
//      task under Lighthouse's simulated 4x CPU, with whether it lies in the measured spread;
//   2. the peer: Lighthouse's own per-entity third-party summary for the same page, which is what a tool built on
//      Lighthouse alone (Store Auditor, PageSpeed) has to go on;
//   3. the cost of the measurement: the audit's own page-runs and wall time against the extra "without" runs.
// Usage: npm run bench:apps [-- --runs 3 --top 3]   (several minutes; note the load average it prints)
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import type { Result } from 'lighthouse';
import { loadTimeAudit } from '../../audits/load-time/index.ts';
import { detailRows } from '../../audits/load-time/lhr-details.ts';
import { runLighthouseOnce } from '../../audits/load-time/run-once.ts';
import { BrowserPool } from '../../audits/shared/browser.ts';
import type { AuditPage } from '../../audits/types.ts';
import { CHATLY, DEMO_APPS, REVIEWS_PRO } from '../../src/demo-store/apps.ts';
import { productAt } from '../../src/demo-store/catalog.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { LoadTimePage, WithoutApp } from '../../src/report/schema.ts';

function fail(message: string): never {
  console.error(`bench:apps: ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { runs: { type: 'string', default: '3' }, top: { type: 'string', default: '3' } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const runs = Number(values.runs);
const top = Number(values.top);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) fail(`--runs must be an integer from 1 to 9, got ${values.runs}`);
if (!Number.isInteger(top) || top < 1 || top > DEMO_APPS.length) fail(`--top must be an integer from 1 to ${DEMO_APPS.length}, got ${values.top}`);

// Lighthouse's mobile preset simulates a 4x slower CPU; a long task counts towards TBT beyond 50 ms.
const CPU_SLOWDOWN = 4;
const CHATLY_TASK_MS = 350;
const CHATLY_PLANTED_TBT_MS = CHATLY_TASK_MS * CPU_SLOWDOWN - 50;

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
const range = (d: WithoutApp['scoreDelta'], unit = ''): string => (d ? `${d.median}${unit} [${d.min}..${d.max}]` : 'not measured');

const store = await startDemoStore({ variant: 'defective' });
const pool = new BrowserPool();
try {
  const pages: AuditPage[] = [
    { url: `${store.url}/`, template: 'home' },
    { url: `${store.url}/products/${productAt(1).handle}`, template: 'product' },
    { url: `${store.url}/collections/all`, template: 'collection' },
  ];
  console.log(`bench:apps: demo store (defective), ${pages.length} pages × ${runs} runs, top ${top} apps measured without; ${availableParallelism()} cores, load average ${load()} at start`);
  const started = performance.now();
  const section = await loadTimeAudit.run(
    { storeUrl: store.url, pages, headers: {}, allowPrivateAddresses: true, browser: pool, artifactsDir: tmpdir(), progress: () => undefined },
    // No app names passed: names come from the asset URLs, as on a store without the Shopify API.
    { ...loadTimeAudit.defaults, runs, measureWithoutApps: true, withoutAppsTop: top },
  );
  const totalMs = performance.now() - started;
  const failed = section.pages.filter((p) => p.error);
  if (failed.length > 0) fail(`pages not measured: ${failed.map((p) => `${p.url}: ${p.error}`).join('; ')}`);
  const loadAfterAudit = load();

  console.log('\n1. Estimate (one Lighthouse result per page, attributed by URL) against the measured "without" runs');
  console.log('app | page | est. TBT share | est. render-blocking share | measured TBT saved | measured FCP saved | measured LCP saved | score gained | unreliable');
  for (const impact of section.appImpacts ?? []) {
    for (const page of section.pages as LoadTimePage[]) {
      const app = page.apps.find((a) => a.kind === 'app' && a.name === impact.name);
      if (!app?.without) continue;
      const w = app.without;
      console.log([impact.name, page.template, `${app.tbtMs ?? 0} ms`, `${app.renderBlockingMs ?? 0} ms`, range(w.tbtMsDelta, ' ms'), range(w.fcpMsDelta, ' ms'), range(w.lcpMsDelta, ' ms'), range(w.scoreDelta), w.unreliable ? 'yes' : 'no'].join(' | '));
    }
    console.log(`${impact.name}: weighted ${impact.weightedScoreDelta ?? 'n/a'} points (weights ${JSON.stringify(impact.weights)}), over Shopify's 10-point limit: ${impact.exceedsShopifyLimit}`);
  }

  const chatly = section.pages.map((p) => ({ page: p, app: p.apps.find((a) => a.name === CHATLY.name) })).filter((x) => x.app?.without?.tbtMsDelta);
  console.log(`\nChatly's planted task: ${CHATLY_TASK_MS} ms wall time → ${CHATLY_PLANTED_TBT_MS} ms of simulated TBT (×${CPU_SLOWDOWN} CPU, minus 50 ms)`);
  for (const { page, app } of chatly) {
    const d = app!.without!.tbtMsDelta!;
    const within = d.min <= CHATLY_PLANTED_TBT_MS && CHATLY_PLANTED_TBT_MS <= d.max;
    const estimateRatio = d.median !== 0 ? ((app!.tbtMs ?? 0) / d.median).toFixed(2) : 'n/a';
    console.log(`  ${page.template}: measured ${range(d, ' ms')} → planted ${within ? 'within' : 'OUTSIDE'} the run spread; measured/planted ${(d.median / CHATLY_PLANTED_TBT_MS).toFixed(2)}; estimate ${app!.tbtMs ?? 0} ms = ${estimateRatio}× the measurement`);
  }
  const reviews = section.pages.map((p) => ({ page: p, app: p.apps.find((a) => a.name === REVIEWS_PRO.name) })).filter((x) => x.app?.without);
  for (const { page, app } of reviews) {
    const w = app!.without!;
    const shows = Math.max(w.fcpMsDelta?.median ?? 0, w.lcpMsDelta?.median ?? 0) > 0;
    console.log(`  Reviews Pro ${page.template}: render-blocking estimate ${app!.renderBlockingMs ?? 0} ms; measured FCP ${range(w.fcpMsDelta, ' ms')}, LCP ${range(w.lcpMsDelta, ' ms')} → ${shows ? 'shows' : 'does NOT show'} in FCP or LCP`);
  }

  // The peer: Lighthouse's own summary of third parties for the home page, one plain run.
  const lhr: Result = await runLighthouseOnce(pool, { url: pages[0]!.url, device: 'mobile', headers: {}, runTimeoutMs: 90_000, documentTimeoutMs: 20_000 });
  console.log('\n2. Peer: Lighthouse 13 third-party-summary of the home page (entity | blocking time | main-thread time | transfer)');
  const peerRows = detailRows(lhr.audits['third-party-summary']?.details);
  // An app served from the store's own origin (theme app extensions are) is first party to Lighthouse, and a host
  // third-party-web does not list has no entity: such apps get no row at all, i.e. 0 ms from the peer.
  if (peerRows.length === 0) console.log('  (no rows: Lighthouse ties no request of this page to a third-party entity, so it reports no cost for any app)');
  for (const row of peerRows) {
    const entity = typeof row.entity === 'string' ? row.entity : (row.entity as { text?: string } | undefined)?.text ?? '?';
    console.log(`  ${entity} | ${Math.round(Number(row.blockingTime ?? 0))} ms | ${Math.round(Number(row.mainThreadTime ?? 0))} ms | ${Math.round(Number(row.transferSize ?? 0) / 1000)} kB`);
  }
  const ours = section.pages.find((p) => p.template === 'home')!.apps.filter((a) => a.kind === 'app');
  console.log(`  ours, same page: ${ours.map((a) => `${a.name} ${a.blockingMs} ms blocking / ${a.mainThreadMs} ms main thread`).join('; ')}`);

  const cost = section.withoutAppsCost!;
  const ownRuns = pages.length * runs;
  const ownMs = totalMs - cost.elapsedMs;
  console.log('\n3. Cost of the measurement');
  console.log(`  the audit's own runs: ${ownRuns} page-runs in ${(ownMs / 1000).toFixed(1)} s (${(ownMs / ownRuns / 1000).toFixed(1)} s a run)`);
  console.log(`  "without" runs: ${cost.apps} apps, ${cost.extraRuns} extra page-runs in ${(cost.elapsedMs / 1000).toFixed(1)} s (${(cost.elapsedMs / cost.extraRuns / 1000).toFixed(1)} s a run) = ${(cost.elapsedMs / ownMs).toFixed(2)}× the audit's own time`);
  console.log(`  load average: ${loadAfterAudit} after the audit, ${load()} at the end`);
} finally {
  await pool.close();
  await store.close();
}
