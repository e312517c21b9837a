// Budget breaches, audit errors, the store figures the estimates used (assumed ones flagged), and the method.
import type { MessageKey } from '../../i18n/index.ts';
import { labelOf, type RenderContext } from './context.ts';
import { html, ltr, type SafeHtml } from './escape.ts';

interface SourcedLike {
  value: unknown;
  source: string;
}

const INPUT_ROWS = ['monthlySessions', 'conversionRate', 'averageOrderValue', 'currency', 'checkoutStarts', 'checkoutAbandonment', 'elasticity'] as const;

function isSourced(v: unknown): v is SourcedLike {
  return typeof v === 'object' && v !== null && 'value' in v && 'source' in v;
}

function formatInput(name: string, v: unknown, ctx: RenderContext): string {
  const { number, money, percent } = ctx.i18n;
  if (name === 'averageOrderValue' && typeof v === 'number') return money(v, ctx.currency);
  if ((name === 'conversionRate' || name === 'checkoutAbandonment') && typeof v === 'number') return percent(v * 100);
  if (name === 'elasticity' && typeof v === 'object' && v !== null) {
    const r = v as { low: number; central: number; high: number };
    return `${percent(r.central)} (${percent(r.low)} – ${percent(r.high)})`;
  }
  return typeof v === 'number' ? number(Math.round(v)) : String(v);
}

export function budgetSection(ctx: RenderContext): SafeHtml {
  const breaches = ctx.report.budget?.breaches ?? [];
  if (!breaches.length) return html``;
  const { t, number } = ctx.i18n;
  return html`<section id="budget"><h2 class="poor">${t('budget.title')}</h2><table><thead><tr><th>${t('budget.rule')}</th><th>${t('budget.limit')}</th><th>${t('budget.actual')}</th><th>${t('load.page')}</th></tr></thead><tbody>
${breaches.map((b) => html`<tr><td>${ltr(b.rule)}</td><td class="num">${number(b.limit)}</td><td class="num poor">${number(b.actual)}</td><td class="url">${b.page ? ltr(b.page) : ''}</td></tr>`)}</tbody></table></section>`;
}

export function errorsSection(ctx: RenderContext): SafeHtml {
  if (!ctx.report.errors.length) return html``;
  return html`<section id="errors"><h2>${ctx.i18n.t('errors.title')}</h2><ul>${ctx.report.errors.map((e) => html`<li><strong>${labelOf(ctx, 'audit', e.audit)}</strong>: ${ctx.i18n.msg(e.text, e.message)}</li>`)}</ul></section>`;
}

export function inputsSection(ctx: RenderContext): SafeHtml {
  const inputs = ctx.report.inputs;
  if (!inputs) return html``;
  const { t } = ctx.i18n;
  const assumed = Array.isArray(inputs.assumed) ? (inputs.assumed as string[]) : [];
  const rows = INPUT_ROWS.filter((name) => isSourced(inputs[name])).map((name) => {
    const v = inputs[name] as SourcedLike;
    const isAssumed = assumed.includes(name);
    return html`<tr><td>${t(`inputs.${name}` as MessageKey)}</td><td class="num">${formatInput(name, v.value, ctx)}</td>
<td class="${isAssumed ? 'ok' : ''}">${t(`source.${v.source}` as MessageKey)}${isAssumed ? html` — ${t('inputs.assumed')}` : ''}</td></tr>`;
  });
  return html`<section id="inputs"><h2>${t('inputs.title')}</h2><table><thead><tr><th>${t('inputs.name')}</th><th>${t('inputs.value')}</th><th>${t('inputs.source')}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function methodSection(ctx: RenderContext): SafeHtml {
  const { t } = ctx.i18n;
  const keys: MessageKey[] = ['method.lcp', 'method.overlap', 'method.cwv', 'method.links', 'method.checkout', 'method.caveat'];
  return html`<section id="method"><h2>${t('method.title')}</h2>${keys.map((k) => html`<p>${t(k)}</p>`)}</section>`;
}
