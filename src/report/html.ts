// The self-contained HTML report: rendered from the JSON report alone, inline CSS, no external requests,
// every value escaped. Strings come from the i18n catalogue; numbers, money and dates from Intl.
import { createI18n } from '../i18n/index.ts';
import type { Report } from './schema.ts';
import { budgetSection, errorsSection, inputsSection, methodSection } from './html/about.ts';
import { beforeAfterSection } from './html/before-after.ts';
import { checkoutSection } from './html/checkout.ts';
import type { RenderContext } from './html/context.ts';
import { html, SafeHtml } from './html/escape.ts';
import { fixesSection } from './html/fixes.ts';
import { impactSummarySection } from './html/impact-summary.ts';
import { linksSection } from './html/links.ts';
import { loadTimeSection } from './html/load-time.ts';
import { STYLES } from './html/styles.ts';

export interface HtmlReportOptions {
  /** BCP 47 locale, e.g. en, zh-CN, he, fa. Sets lang/dir and number formats. Default en. */
  locale?: string;
  /** Where relative screenshot paths are resolved; screenshots found there are embedded as data URIs. */
  artifactsDir?: string;
}

function currencyOf(report: Report): string {
  const c = report.inputs?.currency as { value?: unknown } | undefined;
  if (typeof c?.value === 'string') return c.value;
  return report.fixes[0]?.impact.revenuePerMonth.currency ?? 'USD';
}

export function renderHtmlReport(report: Report, options: HtmlReportOptions = {}): string {
  const i18n = createI18n(options.locale);
  const ctx: RenderContext = { report, i18n, currency: currencyOf(report), artifactsDir: options.artifactsDir };
  const { t } = i18n;
  const score = report.loadTime?.storeScore ?? null;
  const grade = score === null ? 'muted' : score >= 90 ? 'good' : score >= 50 ? 'ok' : 'poor';
  const page = html`<!doctype html>
<html lang="${i18n.lang}" dir="${i18n.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${t('report.title', { store: report.store.url })}</title><style>${new SafeHtml(STYLES)}</style></head>
<body><main>
<header><h1>${t('report.title', { store: report.store.url })}</h1>
<p class="muted">${t('report.generated', { date: i18n.date(report.finishedAt), tool: report.tool.name, version: report.tool.version })}</p>
${report.store.truncated ? html`<p class="muted">${t('report.truncated')}</p>` : ''}
<div class="card score"><b class="${grade}">${score === null ? t('score.none') : i18n.number(score)}</b><div><strong>${t('score.title')}</strong><br><span class="muted">${t('score.caption')}</span></div></div></header>
${impactSummarySection(ctx)}
${budgetSection(ctx)}
${fixesSection(ctx)}
${beforeAfterSection(ctx)}
${loadTimeSection(ctx)}
${checkoutSection(ctx)}
${linksSection(ctx)}
${errorsSection(ctx)}
${inputsSection(ctx)}
${methodSection(ctx)}
</main></body></html>
`;
  return page.value;
}
