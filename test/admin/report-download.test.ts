// Sharing a run from the admin: the HTML report and the PDF printed by the server's Chromium, downloaded by
// clicking the Overview's buttons in real Chromium, then opened (the PDF with pdf-lib: a real PDF with A4 pages
// and the report's title in the merchant's language). Faults: unknown, foreign and failed runs, a locale we
// do not ship, and a server whose Chromium cannot start (503 with a sentence, the HTML still served).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../audits/shared/browser.ts';
import { ensureAdminBuilt } from '../../src/admin/build.ts';
import { readConfig } from '../../src/config.ts';
import { createI18n } from '../../src/i18n/index.ts';
import { renderHtmlReport } from '../../src/report/html.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import { openStore, type Store } from '../../src/store/index.ts';

let dataDir: string;
let store: Store;
let running: RunningServer;
let broken: RunningServer;
let browser: BrowserPool;
let report: Report;
let runId: number;

const lifecycle = { requestAudit: async () => undefined, stopSchedules: async () => undefined, deleteShopData: async () => undefined };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'report-download-'));
  store = await openStore({ url: `sqlite:${join(dataDir, 'db.sqlite')}` });
  report = validateReport(JSON.parse(await readFile(new URL('../fixtures/demo-defective-report.json', import.meta.url), 'utf8')));
  runId = (await store.runs.saveReport(STANDALONE_SHOP, report)).id;
  browser = new BrowserPool();
  const adminStaticDir = await ensureAdminBuilt();
  const config = readConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
  const logger = pino({ level: 'silent' });
  running = await createServer({ config, logger, store, lifecycle, adminStaticDir, browser }).listen(0, '127.0.0.1');
  // The same store behind a server whose Chromium is missing: printing must fail with a clear answer.
  broken = await createServer({ config: { ...config, chromePath: join(dataDir, 'no-such-chromium') }, logger, store, lifecycle }).listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await broken?.close();
  await running?.close();
  await browser?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const titleIn = (locale: string) => createI18n(locale).t('report.title', { store: report.store.url });

/** Clicks `testId` on the Overview in `locale` and returns the file Chromium saved. */
async function downloadFromOverview(locale: string, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const downloads = await mkdtemp(join(tmpdir(), 'report-download-files-'));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, browserContextId: context.id, eventsEnabled: true });
    const finished = new Promise<void>((resolve, reject) => {
      cdp.on('Browser.downloadProgress', (event: { state: string }) => {
        if (event.state === 'completed') resolve();
        if (event.state === 'canceled') reject(new Error('download canceled'));
      });
    });
    await page.goto(`${running.url}/?locale=${locale}#/overview`, { waitUntil: 'load' });
    const button = await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 30_000 });
    await button?.click();
    await finished;
    const [name] = (await readdir(downloads)).filter((f) => !f.endsWith('.crdownload'));
    if (!name) throw new Error('nothing was downloaded');
    return { name, bytes: await readFile(join(downloads, name)) };
  } finally {
    await context.close();
    await rm(downloads, { recursive: true, force: true });
  }
}

describe('report download from the admin', () => {
  it('downloads a PDF printed by Chromium: a real PDF of A4 pages titled in Hebrew', async () => {
    const { name, bytes } = await downloadFromOverview('he', 'download-pdf');
    expect(name).toBe(`storefront-report-${new URL(report.store.url).hostname}-run-${runId}.pdf`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    // The whole report (fixes, load time, checkout, links, method) does not fit one page.
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    for (const pdfPage of pdf.getPages()) {
      // A4 is 595.3 × 841.9 pt; Chromium rounds to whole device pixels (8.27 in × 72).
      expect(Math.abs(pdfPage.getWidth() - 595.3)).toBeLessThan(1.5);
      expect(Math.abs(pdfPage.getHeight() - 841.9)).toBeLessThan(1.5);
    }
    // Chromium takes the document title from the report's <title>: the Hebrew catalogue's, not English.
    expect(pdf.getTitle()).toBe(titleIn('he'));
    expect(pdf.getTitle()).not.toBe(titleIn('en'));
  }, 120_000);

  it('downloads the HTML report in Persian: the same document the report renderer makes', async () => {
    const { name, bytes } = await downloadFromOverview('fa', 'download-html');
    expect(name).toBe(`storefront-report-${new URL(report.store.url).hostname}-run-${runId}.html`);
    const html = bytes.toString('utf8');
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain(`<title>${titleIn('fa')}</title>`);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(html).toBe(renderHtmlReport(report, { locale: 'fa', timeZone, artifactsDir: join(dataDir, 'artifacts', String(runId)) }));
  }, 120_000);
});

describe('report download faults', () => {
  const get = (path: string, base = running.url) => fetch(`${base}${path}`, { headers: { 'accept-language': 'he' } });

  it('answers 404 for an unknown run, another shop’s run and a failed run', async () => {
    const other = await store.runs.saveReport('other-shop.myshopify.com', report);
    const failed = await store.runs.create({ shop: STANDALONE_SHOP, storeUrl: report.store.url, triggeredBy: 'test' });
    await store.runs.fail(STANDALONE_SHOP, failed.id, 'store_unreachable');
    for (const id of [runId + 1000, other.id, failed.id]) {
      for (const kind of ['html', 'pdf']) {
        const response = await get(`/api/admin/runs/${id}/report.${kind}`);
        expect(response.status).toBe(404);
        const body = await response.json();
        expect(body.error.code).toBe('run_not_found');
        expect(body.error.message).toBe('אין ריצת בדיקה כזו.');
      }
    }
  });

  it('refuses a locale it does not ship and an id that cannot exist', async () => {
    const locale = await get(`/api/admin/runs/${runId}/report.pdf?locale=de`);
    expect(locale.status).toBe(400);
    expect((await locale.json()).error).toMatchObject({ code: 'invalid_query', issues: [expect.objectContaining({ path: 'locale' })] });
    const id = await get('/api/admin/runs/0/report.html');
    expect([400, 404]).toContain(id.status);
    expect((await id.json()).error.code).toMatch(/^invalid_params$/);
  });

  it('answers 503 with a sentence when Chromium cannot print, and still serves the HTML', async () => {
    const pdf = await get(`/api/admin/runs/${runId}/report.pdf?locale=he`, broken.url);
    expect(pdf.status).toBe(503);
    const body = await pdf.json();
    expect(body.error.code).toBe('pdf_unavailable');
    expect(body.error.message).toMatch(/PDF/);
    expect(body.error.message).toMatch(/HTML/);
    const html = await get(`/api/admin/runs/${runId}/report.html?locale=he`, broken.url);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="storefront-report-.+\.html"$/);
  });
});
