// The ranked fixes, each with money, evidence and the how-to, in the order the advisor ranked them.
import type { Fix } from '../schema.ts';
import { labelOf, type RenderContext, pathOf } from './context.ts';
import { html, link, type SafeHtml } from './escape.ts';

function fixCard(fix: Fix, rank: number, ctx: RenderContext): SafeHtml {
  const { t, money, percent, ms, msg } = ctx.i18n;
  const text = fix.text;
  const title = msg(text?.title, fix.title);
  const evidence = msg(text?.evidence, fix.evidence);
  const howTo = text?.howTo?.length ? text.howTo.map((m, i) => msg(m, fix.howTo[i] ?? '')) : fix.howTo;
  const basis = msg(text?.basis, fix.impact.basis);
  const r = fix.impact.revenuePerMonth;
  const l = fix.impact.conversionLiftPct;
  const saving = fix.impact.savingMs !== null && fix.impact.savingMs > 0 ? t('fixes.saving', { metric: fix.impact.metric, saving: ms(fix.impact.savingMs) }) : null;
  return html`<article class="card fix" data-fix-id="${fix.id}">
<header><h3><span class="rank">${rank}.</span>${title}</h3>
<div><div class="money">${t('fixes.revenue', { central: money(r.central, r.currency) })}</div>
<div class="muted">${t('fixes.range', { low: money(r.low, r.currency), high: money(r.high, r.currency) })}</div></div></header>
<p><span class="tag">${labelOf(ctx, 'category', fix.category)}</span><span class="tag">${t('fixes.confidence', { level: t(`confidence.${fix.impact.confidence}`) })}</span>
<span class="muted">${t('fixes.lift', { central: percent(l.central), low: percent(l.low), high: percent(l.high) })}${saving ? ` · ${saving}` : ''}</span></p>
<h4>${t('fixes.howTo')}</h4><ol>${howTo.map((step) => html`<li>${step}</li>`)}</ol>
<details><summary>${t('fixes.evidence')}</summary><p>${evidence}</p>
<p>${t('fixes.pages')}: ${fix.pages.map((p, i) => html`${i ? ', ' : ''}${link(p, pathOf(p))}`)}</p>
<p><strong>${t('fixes.basis')}:</strong> ${basis}</p></details>
</article>`;
}

export function fixesSection(ctx: RenderContext): SafeHtml {
  const { t } = ctx.i18n;
  const fixes = ctx.report.fixes;
  return html`<section id="fixes"><h2>${t('fixes.title')}</h2><p class="muted">${t('fixes.intro')}</p>
${fixes.length ? fixes.map((f, i) => fixCard(f, i + 1, ctx)) : html`<p>${t('fixes.none')}</p>`}</section>`;
}
