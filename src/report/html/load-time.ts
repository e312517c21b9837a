// Load time per page/template/device, and what each app or script costs across the measured pages.
import { appCostsSection } from './app-costs.ts';
import { type RenderContext, pathOf, sliceOf } from './context.ts';
import { html, link, type SafeHtml } from './escape.ts';

function cell(value: number | null, format: (v: number) => string, good: number, poor: number): SafeHtml {
  if (value === null) return html`<td class="num muted">–</td>`;
  const grade = value <= good ? 'good' : value <= poor ? 'ok' : 'poor';
  return html`<td class="num ${grade}">${format(value)}</td>`;
}

export function loadTimeSection(ctx: RenderContext): SafeHtml {
  const { t, ms, number } = ctx.i18n;
  const section = ctx.report.loadTime;
  if (!section) return html`<section id="load"><h2>${t('load.title')}</h2><p class="muted">${t('load.none')}</p></section>`;
  const rows = section.pages.map((p) => {
    const m = p.metrics;
    if (p.error) return html`<tr><td>${link(p.url, pathOf(p.url))}</td><td>${sliceOf(ctx, p.template)}</td><td>${t(`device.${p.device}`)}</td><td colspan="7" class="poor">${t('load.error', { message: p.error })}</td></tr>`;
    return html`<tr><td>${link(p.url, pathOf(p.url))}</td><td>${sliceOf(ctx, p.template)}</td><td>${t(`device.${p.device}`)}</td>
${cell(p.score, (v) => number(v), 100, 89)}${cell(m.lcpMs, ms, 2500, 4000)}${cell(m.fcpMs, ms, 1800, 3000)}${cell(m.tbtMs, ms, 200, 600)}
${cell(m.cls, (v) => number(v, { maximumFractionDigits: 2 }), 0.1, 0.25)}${cell(m.ttfbMs, ms, 800, 1800)}${cell(m.speedIndexMs, ms, 3400, 5800)}</tr>`;
  });
  return html`<section id="load"><h2>${t('load.title')}</h2>
<table><thead><tr><th>${t('load.page')}</th><th>${t('load.template')}</th><th>${t('load.device')}</th><th>${t('load.score')}</th><th>${t('load.lcp')}</th><th>${t('load.fcp')}</th><th>${t('load.tbt')}</th><th>${t('load.cls')}</th><th>${t('load.ttfb')}</th><th>${t('load.si')}</th></tr></thead>
<tbody>${rows}</tbody></table>
${appCostsSection(ctx, section)}
</section>`;
}
