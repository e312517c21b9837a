// How one fix reads: its texts in the merchant's language (from the messages the advisor emitted, else the
// English the report kept), central money per month with its range, and the confidence.
import type { Fix } from '../report/schema.ts';
import { Badge } from './components.tsx';
import { fmt, money, t } from './i18n.ts';

export function fixTexts(fix: Pick<Fix, 'title' | 'evidence' | 'howTo' | 'impact' | 'text'>) {
  const f = fmt();
  const text = fix.text;
  return {
    title: f.msg(text?.title, fix.title),
    evidence: f.msg(text?.evidence, fix.evidence),
    howTo: text?.howTo?.length ? text.howTo.map((m, i) => f.msg(m, fix.howTo[i] ?? '')) : fix.howTo,
    basis: f.msg(text?.basis, fix.impact.basis),
  };
}

export function FixMoney(props: { fix: Fix; currency?: string }) {
  const r = props.fix.impact.revenuePerMonth;
  const currency = r.currency || props.currency || 'USD';
  return (
    <span class="row money-row">
      <span class="money">{t('fix.perMonth', { amount: money(r.central, currency) })}</span>
      <span class="muted">{t('fix.range', { low: money(r.low, currency), high: money(r.high, currency) })}</span>
      <Badge tone={props.fix.impact.confidence === 'high' ? 'success' : props.fix.impact.confidence === 'medium' ? 'info' : undefined}>
        {t(`confidence.${props.fix.impact.confidence}`)}
      </Badge>
    </span>
  );
}
