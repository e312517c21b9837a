// Load time per page/template/device, and what each app or script costs across the measured pages.
import type { AppCost } from '../schema.ts';
import { labelOf, type RenderContext, pathOf, sliceOf } from './context.ts';
import { html, link, type SafeHtml } from './escape.ts';

function cell(value: number | null, format: (v: number) => string, good: number, poor: number): SafeHtml {
  if (value === null) return html`<td class="num muted">–</td>`;
  const grade = value <= good ? 'good' : value <= poor ? 'ok' : 'poor';
  return html`<td class="num ${grade}">${format(value)}</td>`;
}

export function loadTimeSection(ctx: RenderContext): SafeHtml {
  const { t, ms, number, bytes } = ctx.i18n;
  const section = ctx.report.loadTime;
  if (!section) return html`<section id="load"><h2>${t('load.title')}</h2><p class="muted">${t('load.none')}</p></section>`;
  const rows = section.pages.map((p) => {
    const m = p.metrics;
    if (p.error) return html`<tr><td>${link(p.url, pathOf(p.url))}</td><td>${sliceOf(ctx, p.template)}</td><td>${t(`device.${p.device}`)}</td><td colspan="7" class="poor">${t('load.error', { message: p.error })}</td></tr>`;
    return html`<tr><td>${link(p.url, pathOf(p.url))}</td><td>${sliceOf(ctx, p.template)}</td><td>${t(`device.${p.device}`)}</td>
${cell(p.score, (v) => number(v), 100, 89)}${cell(m.lcpMs, ms, 2500, 4000)}${cell(m.fcpMs, ms, 1800, 3000)}${cell(m.tbtMs, ms, 200, 600)}
${cell(m.cls, (v) => number(v, { maximumFractionDigits: 2 }), 0.1, 0.25)}${cell(m.ttfbMs, ms, 800, 1800)}${cell(m.speedIndexMs, ms, 3400, 5800)}</tr>`;
  });
  const apps = new Map<string, AppCost & { pages: number }>();
  for (const p of section.pages) {
    for (const a of p.apps) {
      const seen = apps.get(a.name) ?? { ...a, transferBytes: 0, mainThreadMs: 0, blockingMs: 0, pages: 0 };
      seen.transferBytes += a.transferBytes;
      seen.mainThreadMs += a.mainThreadMs;
      seen.blockingMs += a.blockingMs;
      seen.pages += 1;
      apps.set(a.name, seen);
    }
  }
  // Averages per page measurement, so an app on every page is comparable with one on a single page.
  const appRows = [...apps.values()].sort((a, b) => b.blockingMs / b.pages - a.blockingMs / a.pages).map((a) => html`<tr><td>${a.kind === 'theme' && a.name === 'Theme' ? labelOf(ctx, 'appKind', 'theme') : a.name}</td><td>${labelOf(ctx, 'appKind', a.kind)}</td>
<td class="num">${bytes(a.transferBytes / a.pages)}</td><td class="num">${ms(a.mainThreadMs / a.pages)}</td><td class="num">${ms(a.blockingMs / a.pages)}</td><td class="num">${number(a.pages)}</td></tr>`);
  return html`<section id="load"><h2>${t('load.title')}</h2>
<table><thead><tr><th>${t('load.page')}</th><th>${t('load.template')}</th><th>${t('load.device')}</th><th>${t('load.score')}</th><th>${t('load.lcp')}</th><th>${t('load.fcp')}</th><th>${t('load.tbt')}</th><th>${t('load.cls')}</th><th>${t('load.ttfb')}</th><th>${t('load.si')}</th></tr></thead>
<tbody>${rows}</tbody></table>
${appRows.length ? html`<h3>${t('apps.title')}</h3><table><thead><tr><th>${t('apps.name')}</th><th>${t('apps.kind')}</th><th>${t('apps.bytes')}</th><th>${t('apps.mainThread')}</th><th>${t('apps.blocking')}</th><th>${t('apps.pages')}</th></tr></thead><tbody>${appRows}</tbody></table>` : ''}
</section>`;
}
