// The impact summary, shown first: about how much a month is at stake, what share of revenue that is, and every
// input the figures rest on with where it came from. Rendered from `report.impactSummary` alone.
import { formatMessage } from '../../i18n/format-message.ts';
import { ADVISOR_STRINGS } from '../../i18n/messages/advisor.ts';
import { count, messageFn, money, percent, type MessageFn } from '../message.ts';
import type { Message, MessageParam } from '../schema.ts';
import type { RenderContext } from './context.ts';
import { html, type SafeHtml } from './escape.ts';

const msg: MessageFn<typeof ADVISOR_STRINGS> = messageFn('advisor', ADVISOR_STRINGS);

type Summary = NonNullable<RenderContext['report']['impactSummary']>;
type Input = Summary['inputs'][number];

function valueText(input: Input, currency: string, ctx: RenderContext): string {
  const v = input.value;
  const { number, percent: pct } = ctx.i18n;
  if (input.name === 'averageOrderValue' && typeof v === 'number') return ctx.i18n.money(v, currency);
  if ((input.name === 'conversionRate' || input.name === 'checkoutAbandonment') && typeof v === 'number') return pct(v * 100);
  if (input.name === 'templateShares' || input.name === 'deviceShares') {
    return Object.entries((v ?? {}) as Record<string, number>).filter(([, s]) => s > 0).map(([k, s]) => `${k} ${pct(s * 100)}`).join(', ');
  }
  if (input.name === 'elasticity' && typeof v === 'object' && v !== null) {
    const r = v as { low: number; central: number; high: number };
    return `${pct(r.central)} (${pct(r.low)} – ${pct(r.high)})`;
  }
  if (input.name.startsWith('fieldLcp.') && typeof v === 'object' && v !== null) {
    const r = v as { low: number; central: number; high: number };
    const ms = (x: number) => number(x, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 });
    return r.low === r.high ? ms(r.central) : `${ms(r.central)} (${ms(r.low)} – ${ms(r.high)})`;
  }
  return typeof v === 'number' ? number(Math.round(v)) : String(v);
}

function nameText(input: Input, say: (m: Message) => string): string {
  if (input.name.startsWith('fieldLcp.')) {
    const [template = '', device = ''] = input.name.slice('fieldLcp.'.length).split(':');
    return say(msg('input.fieldLcp', { template, device }));
  }
  const key = `input.${input.name}` as keyof typeof ADVISOR_STRINGS;
  return key in ADVISOR_STRINGS ? say(msg(key)) : input.name;
}

export function impactSummarySection(ctx: RenderContext): SafeHtml {
  const s = ctx.report.impactSummary;
  if (!s) return html``;
  const say = (m: Message) => formatMessage(m, ctx.i18n.lang);
  const cur = s.totalAtStake.currency;
  const find = (name: string) => s.inputs.find((i) => i.name === name)?.value;
  const num = (name: string) => (typeof find(name) === 'number' ? (find(name) as number) : 0);
  const params: Record<string, MessageParam> = {
    total: money(s.totalAtStake.central, cur), low: money(s.totalAtStake.low, cur), high: money(s.totalAtStake.high, cur),
    share: percent(s.shareOfRevenue.central * 100), shareLow: percent(s.shareOfRevenue.low * 100), shareHigh: percent(s.shareOfRevenue.high * 100),
  };
  const basis = msg('summaryBasis', {
    sessions: count(num('monthlySessions')), conversion: percent(num('conversionRate') * 100),
    aov: money(num('averageOrderValue'), s.monthlyRevenue.currency), revenue: money(s.monthlyRevenue.central, s.monthlyRevenue.currency),
  });
  const runs = find('lighthouseRuns');
  const labOnly = s.inputs.some((i) => i.name.startsWith('fieldLcp.') && i.source === 'default');
  const notes: Message[] = [
    ...(typeof runs === 'number' && runs < 3 ? [msg('summaryPreview', { runs })] : []),
    ...(labOnly ? [msg('summaryLabOnly')] : []),
    ...s.inputs.filter((i) => i.name === 'checkoutNotTested').map((i) => msg('checkoutNotTested', { step: String(i.value) })),
  ];
  const headline = s.totalAtStake.high > 0 ? msg('summaryHeadline', params) : msg('summaryNothing');
  return html`<section id="impact-summary" class="card"><h2>${say(msg('summaryTitle'))}</h2>
<p><strong data-total="${String(s.totalAtStake.central)}">${say(headline)}</strong></p>
<p>${say(basis)} <span class="muted">${say(msg('summaryJoint'))}</span></p>
${notes.map((n) => html`<p class="muted" data-note="${n.id}">${say(n)}</p>`)}
<details><summary>${say(msg('inputsTitle'))}</summary><table><thead><tr><th>${say(msg('inputName'))}</th><th>${say(msg('inputValue'))}</th><th>${say(msg('inputSource'))}</th></tr></thead><tbody>
${s.inputs.map((i) => html`<tr data-input="${i.name}"><td>${nameText(i, say)}</td><td>${valueText(i, cur, ctx)}</td><td class="${i.source === 'default' ? 'muted' : ''}">${say(msg(`source.${i.source}` as keyof typeof ADVISOR_STRINGS))}</td></tr>`)}
</tbody></table></details></section>`;
}

