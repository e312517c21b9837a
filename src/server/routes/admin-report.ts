// Sharing a run: the self-contained HTML report and a PDF of it, in the merchant's language and the shop's time
// zone, from any finished run of the shop.
//   GET /api/admin/runs/:id/report.html?locale=he
//   GET /api/admin/runs/:id/report.pdf?locale=he
// The PDF is the same HTML printed by the server's one shared Chromium (`page.pdf`), in a fresh incognito
// context with JavaScript off and every request refused: the report is self-contained (screenshots are data
// URIs), so nothing it could ask for is needed.
import { join } from 'node:path';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { renderHtmlReport } from '../../report/html.ts';
import { code } from '../../report/message.ts';
import type { Report } from '../../report/schema.ts';
import type { BrowserPool } from '../../../audits/shared/browser.ts';
import type { ServerContext } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import { shopOf } from '../shop-context.ts';
import { idString, optionalQuery, validated } from '../validate.ts';
import { shopView } from './admin-shared.ts';

export const REPORT_LOCALES = ['en', 'zh-CN', 'he', 'fa'] as const;

const reportParams = z.object({ id: idString });
const reportQuery = z.object({ locale: optionalQuery(z.enum(REPORT_LOCALES)) }).loose();

/** Prints `html` to an A4 PDF on `pool`'s browser. */
export async function printPdf(pool: BrowserPool, html: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<Uint8Array> {
  const context = await pool.newContext();
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    await page.emulateMediaType('print');
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' },
      // Page numbers in the footer; Chromium fills .pageNumber/.totalPages (digits only, so no catalogue text).
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div dir="${dir}" style="font-size:8px;width:100%;text-align:center;color:#616161"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      timeout: 60_000,
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}

function fileName(report: Report, runId: number, ext: 'html' | 'pdf'): string {
  let host = 'store';
  try {
    host = new URL(report.store.url).hostname.replace(/[^a-z0-9.-]/gi, '-');
  } catch {
    // keep 'store'
  }
  return `storefront-report-${host}-run-${runId}.${ext}`;
}

export function adminReportRoutes(ctx: ServerContext): Router {
  const router = Router();
  const artifactsRoot = join(ctx.config.dataDir, 'artifacts');

  async function render(res: Response, runId: number, locale: string | undefined) {
    const view = await shopView(ctx, res);
    const run = await ctx.store.runs.get(shopOf(res), runId);
    const report = run?.status === 'succeeded' ? await ctx.store.runs.getReport(view.shop, runId) : null;
    if (!report) throw new HttpError(404, 'run_not_found');
    const html = renderHtmlReport(report, { locale: locale ?? 'en', timeZone: view.timezone, artifactsDir: join(artifactsRoot, String(runId)) });
    return { report, html };
  }

  router.get('/admin/runs/:id/report.html', validated({ params: reportParams, query: reportQuery }, async ({ params, query }, _req, res) => {
    const { report, html } = await render(res, params.id, query.locale);
    res.setHeader('content-disposition', `attachment; filename="${fileName(report, params.id, 'html')}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.type('html').send(html);
  }));

  router.get('/admin/runs/:id/report.pdf', validated({ params: reportParams, query: reportQuery }, async ({ params, query }, _req, res) => {
    const { report, html } = await render(res, params.id, query.locale);
    let pdf: Uint8Array;
    try {
      pdf = await printPdf(ctx.browser, html, query.locale === 'he' || query.locale === 'fa' ? 'rtl' : 'ltr');
    } catch (error) {
      ctx.logger.error({ err: error, runId: params.id }, 'report PDF not printed');
      throw new HttpError(503, 'pdf_unavailable', { params: { reason: code((error as Error).message.split('\n')[0] ?? 'error') }, cause: error });
    }
    res.setHeader('content-disposition', `attachment; filename="${fileName(report, params.id, 'pdf')}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.type('application/pdf').send(Buffer.from(pdf));
  }));
  return router;
}
