// How one fix's impact reads: central money per month with its range, and the confidence.
import type { Fix } from '../report/schema.ts';
import { Badge } from './components.tsx';
import { money, t } from './i18n.ts';

export function FixMoney(props: { fix: Fix; currency?: string }) {
  const r = props.fix.impact.revenuePerMonth;
  const currency = r.currency || props.currency || 'USD';
  return (
    <span class="row">
      <span class="money">{t('fix.perMonth', { amount: money(r.central, currency) })}</span>
      <span class="muted">{t('fix.range', { low: money(r.low, currency), high: money(r.high, currency) })}</span>
      <Badge tone={props.fix.impact.confidence === 'high' ? 'success' : props.fix.impact.confidence === 'medium' ? 'info' : undefined}>
        {t(`confidence.${props.fix.impact.confidence}`)}
      </Badge>
    </span>
  );
}
