// How one fix reads: its texts in the merchant's language (from the messages the advisor emitted, else the
// English the report kept), central money per month with its range, and the confidence.
import type { JSX } from 'preact';
import type { Fix, Message } from '../report/schema.ts';
import { hasMessage } from '../i18n/format-message.ts';
import { Badge } from './components.tsx';
import { fmt, money, t } from './i18n.ts';

/**
 * A message in the reader's language; when the report carries none (an older report, or an emitter that still
 * writes English), the English it kept, marked lang="en" so browsers, screen readers and the untranslated-text
 * test know it is English on purpose and not a missing catalogue string.
 */
export function Said(props: { message: Message | undefined; fallback: string }): JSX.Element {
  const f = fmt();
  if (props.message && hasMessage(props.message.id)) {
    // Parameters that are data (URLs, code, app names) come wrapped in Unicode isolates (FSI…PDI): render each
    // as a <bdi>, so it keeps its own direction in a right-to-left sentence and reads as data, not as words.
    const parts = f.msg(props.message).split(/\u2068([^\u2069]*)\u2069/);
    return <>{parts.map((part, i) => (i % 2 ? <bdi>{part}</bdi> : part))}</>;
  }
  return <span lang="en" data-fallback="">{props.fallback}</span>;
}

export function fixTexts(fix: Pick<Fix, 'title' | 'evidence' | 'howTo' | 'impact' | 'text'>) {
  const text = fix.text;
  return {
    title: <Said message={text?.title} fallback={fix.title} />,
    evidence: <Said message={text?.evidence} fallback={fix.evidence} />,
    howTo: text?.howTo?.length ? text.howTo.map((m, i) => <Said message={m} fallback={fix.howTo[i] ?? ''} />) : fix.howTo.map((h) => <Said message={undefined} fallback={h} />),
    basis: <Said message={text?.basis} fallback={fix.impact.basis} />,
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
