// Before/after: each fix of the previous audit, resolved or not, with the measured change beside the estimate.
import type { MessageKey } from '../../i18n/index.ts';
import type { Comparison } from '../schema.ts';
import type { RenderContext } from './context.ts';
import { html, type SafeHtml } from './escape.ts';

function measured(m: Comparison['outcomes'][number]['measured'], ctx: RenderContext): string {
  if (!m || m.before === null || m.after === null) return '–';
  const { ms, number } = ctx.i18n;
  if (m.metric === 'LCP' || m.metric === 'TBT' || m.metric === 'INP') return `${m.metric} ${ms(m.before)} → ${ms(m.after)}`;
  if (m.metric === 'CLS') return `CLS ${number(m.before, { maximumFractionDigits: 2 })} → ${number(m.after, { maximumFractionDigits: 2 })}`;
  return `${number(m.before)} → ${number(m.after)}`;
}

export function beforeAfterSection(ctx: RenderContext): SafeHtml {
  const c = ctx.report.comparison;
  if (!c) return html``;
  const { t, ms, money } = ctx.i18n;
  const rows = c.outcomes.map((o) => {
    const e = o.estimate;
    const estimate = `${e.savingMs ? `${e.metric} −${ms(e.savingMs)} · ` : ''}${money(e.revenuePerMonth.central, e.revenuePerMonth.currency)}`;
    const grade = o.status === 'resolved' ? 'good' : o.status === 'open' ? 'ok' : 'muted';
    return html`<tr data-outcome="${o.id}"><td>${o.title}</td><td class="${grade}">${t(`compare.${o.status}` as MessageKey)}</td><td>${estimate}</td><td>${measured(o.measured, ctx)}</td></tr>`;
  });
  return html`<section id="before-after"><h2>${t('compare.title', { date: ctx.i18n.date(c.previous.startedAt) })}</h2>
<table><thead><tr><th>${t('compare.fix')}</th><th>${t('compare.status')}</th><th>${t('compare.estimate')}</th><th>${t('compare.measured')}</th></tr></thead><tbody>${rows}</tbody></table>
${c.newFixes.length ? html`<p>${t('compare.new', { count: c.newFixes.length })}</p>` : ''}</section>`;
}
