// "Since the last audit": new fixes, resolved ones, ones the latest audit did not re-check (unconfirmed), and
// the score change, called a change only when it is larger than the run-to-run noise.
import type { SinceLast } from '../server/routes/admin-since-last.ts';
import { Badge, Card } from './components.tsx';
import { Said } from './fix-money.tsx';
import { fmt, t } from './i18n.ts';

// The shape is the server's (type-only import: erased from the bundle), so the two cannot drift apart.
export type { SinceLast } from '../server/routes/admin-since-last.ts';

function List(props: { items: SinceLast['newFixes']; label: string; tone?: 'success' | 'warning' | 'info'; kind: string }) {
  if (props.items.length === 0) return null;
  return (
    <div data-since={props.kind}>
      <h3>
        {props.label} <Badge tone={props.tone}>{fmt().number(props.items.length)}</Badge>
      </h3>
      <ul>
        {props.items.slice(0, 5).map((f) => (
          <li key={f.id}>
            <a href={`#/fixes/${encodeURIComponent(f.id)}`}><Said message={f.text?.title} fallback={f.title} /></a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SinceLastCard(props: { since: SinceLast }) {
  const s = props.since;
  const score = s.score;
  const f = fmt();
  const change =
    score.change === null
      ? t('since.noScore')
      : score.beyondNoise
        ? t(score.change > 0 ? 'since.better' : 'since.worse', { from: f.number(score.before ?? 0), to: f.number(score.after ?? 0), noise: f.number(score.noise, { maximumFractionDigits: 0 }) })
        : t('since.steady', { from: f.number(score.before ?? 0), to: f.number(score.after ?? 0), noise: f.number(score.noise, { maximumFractionDigits: 0 }) });
  const nothing = s.newFixes.length + s.resolved.length + s.unconfirmed.length === 0;
  return (
    <Card title={t('since.title', { date: f.date(s.previousAt) })} id="since-last">
      <p data-testid="since-score">{change}</p>
      {nothing && <p class="muted">{t('since.same')}</p>}
      <List kind="new" items={s.newFixes} label={t('since.new')} tone="warning" />
      <List kind="resolved" items={s.resolved} label={t('since.resolved')} tone="success" />
      <List kind="unconfirmed" items={s.unconfirmed} label={t('since.unconfirmed')} tone="info" />
    </Card>
  );
}
