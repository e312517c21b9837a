// Fixes: the ranked list with impact range, evidence, how-to and pages; mark done or ignored (persisted);
// fixes marked done earlier show their measured effect against the estimate.
import type { Fix } from '../../report/schema.ts';
import { getJson, sendJson } from '../api.ts';
import { toast } from '../app-bridge.ts';
import { Badge, Card, Empty, ErrorBanner, Loading, useData } from '../components.tsx';
import { FixMoney } from '../fix-money.tsx';
import { fmt, money, t } from '../i18n.ts';

type Status = 'open' | 'done' | 'ignored';
interface Resolved {
  id: string;
  title: string;
  metric: string;
  decidedAt: string;
  estimate: { savingMs: number | null; revenuePerMonth: { central: number; currency: string } } | null;
  measured: { before: number; after: number; change: number } | null;
}
interface FixesData {
  currency: string;
  runId: number | null;
  fixes: Array<Fix & { rank: number; status: Status }>;
  resolved: Resolved[];
  stillFound: string[];
}

function value(metric: string, v: number): string {
  return metric === 'CLS' ? fmt().number(v, { maximumFractionDigits: 3 }) : metric === 'broken-links' ? fmt().number(v) : fmt().ms(v);
}

export function FixesView() {
  const { data, error, loading, reload } = useData(() => getJson<FixesData>('/api/admin/fixes'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;

  async function decide(id: string, status: Status) {
    try {
      await sendJson('PUT', `/api/admin/fixes/${encodeURIComponent(id)}`, { status });
      toast(t(`fixes.marked.${status}`));
      reload();
    } catch (e) {
      toast((e as Error).message, true);
    }
  }

  return (
    <>
      <Card title={t('fixes.title')} id="fixes">
        <p class="muted">{t('fixes.intro')}</p>
        {data.fixes.length === 0 && <p>{t('fixes.none')}</p>}
        <ol data-testid="fix-list">
          {data.fixes.map((fix) => (
            <li class="fix" key={fix.id} data-fix-id={fix.id} data-status={fix.status}>
              <div class="fix-head">
                <strong>{fix.title}</strong>
                {fix.status !== 'open' && <Badge tone={fix.status === 'done' ? 'success' : undefined}>{t(`fixes.status.${fix.status}`)}</Badge>}
                <FixMoney fix={fix} currency={data.currency} />
              </div>
              <p class="muted">
                {t('fixes.lift', { low: fmt().percent(fix.impact.conversionLiftPct.low), high: fmt().percent(fix.impact.conversionLiftPct.high) })}
                {fix.impact.savingMs !== null && ` · ${fix.impact.metric} −${fmt().ms(fix.impact.savingMs)}`}
              </p>
              <details>
                <summary>{t('fixes.details')}</summary>
                <h3>{t('fixes.evidence')}</h3>
                <p>{fix.evidence}</p>
                <h3>{t('fixes.howTo')}</h3>
                <ol>{fix.howTo.map((step, i) => <li key={i}>{step}</li>)}</ol>
                <h3>{t('fixes.pages')}</h3>
                <ul>{fix.pages.slice(0, 20).map((p) => <li class="url" key={p}>{p}</li>)}</ul>
                <p class="muted">{t('fixes.basis')}: {fix.impact.basis}</p>
              </details>
              <div class="row">
                {fix.status !== 'done' && <button class="btn" type="button" onClick={() => void decide(fix.id, 'done')}>{t('fixes.markDone')}</button>}
                {fix.status !== 'ignored' && <button class="btn" type="button" onClick={() => void decide(fix.id, 'ignored')}>{t('fixes.ignore')}</button>}
                {fix.status !== 'open' && <button class="btn" type="button" onClick={() => void decide(fix.id, 'open')}>{t('fixes.reopen')}</button>}
              </div>
            </li>
          ))}
        </ol>
      </Card>
      <Card title={t('fixes.resolved')} id="resolved">
        {data.resolved.length === 0 ? (
          <p class="muted">{t('fixes.noneResolved')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fixes.fix')}</th>
                <th scope="col" class="num">{t('fixes.estimate')}</th>
                <th scope="col" class="num">{t('fixes.measured')}</th>
              </tr>
            </thead>
            <tbody>
              {data.resolved.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.title} {data.stillFound.includes(r.id) && <Badge tone="warning">{t('fixes.stillFound')}</Badge>}
                  </td>
                  <td class="num">
                    {r.estimate?.savingMs ? `−${fmt().ms(r.estimate.savingMs)} · ` : ''}
                    {r.estimate ? money(r.estimate.revenuePerMonth.central, r.estimate.revenuePerMonth.currency) : '–'}
                  </td>
                  <td class="num">
                    {r.measured ? `${r.metric} ${value(r.metric, r.measured.before)} → ${value(r.metric, r.measured.after)}` : t('fixes.notYet')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
