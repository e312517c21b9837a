// Fixes: the ranked list (variants of one page merged, small ones folded into "Also noticed") with impact range,
// evidence, how-to and pages; mark done or ignored (persisted); fixes marked done earlier show their measured
// effect against the estimate. #/fixes/<id> opens and scrolls to one fix (the Overview's top fixes link here).
import { useContext, useEffect } from 'preact/hooks';
import type { Fix } from '../../report/schema.ts';
import { getJson, sendJson } from '../api.ts';
import { Shop } from '../app.tsx';
import { toast } from '../app-bridge.ts';
import { Badge, Card, Empty, errorText, ErrorBanner, IndexTable, Loading, Url, useData } from '../components.tsx';
import { FixMoney, fixTexts, Said } from '../fix-money.tsx';
import { foldFixes, type Listed } from '../fold-fixes.ts';
import { fmt, money, t } from '../i18n.ts';
import { metricLabel } from '../metrics.ts';

type Status = 'open' | 'done' | 'ignored';
type Ranked = Fix & { rank: number; status: Status };
interface Resolved {
  id: string;
  title: string;
  metric: string;
  decidedAt: string;
  text?: Fix['text'];
  estimate: { savingMs: number | null; revenuePerMonth: { central: number; currency: string } } | null;
  measured: { before: number; after: number; change: number } | null;
}
interface FixesData {
  currency: string;
  runId: number | null;
  fixes: Ranked[];
  resolved: Resolved[];
  stillFound: string[];
}

function value(metric: string, v: number): string {
  return metric === 'CLS' ? fmt().number(v, { maximumFractionDigits: 3 }) : metric === 'broken-links' ? fmt().number(v) : fmt().ms(v);
}

function FixItem(props: { fix: Listed<Ranked>; currency: string; open: boolean; decide: (id: string, s: Status) => void }) {
  const { fix } = props;
  const shop = useContext(Shop);
  const text = fixTexts(fix);
  return (
    <li class="fix" id={`fix-${fix.id}`} data-fix-id={fix.id} data-status={fix.status}>
      <div class="fix-head">
        <strong>{text.title}</strong>
        {fix.status !== 'open' && <Badge tone={fix.status === 'done' ? 'success' : undefined}>{t(`fixes.status.${fix.status}`)}</Badge>}
        <FixMoney fix={fix} currency={props.currency} />
      </div>
      <p class="muted">
        {t('fixes.lift', { low: fmt().percent(fix.impact.conversionLiftPct.low), high: fmt().percent(fix.impact.conversionLiftPct.high) })}
        {fix.impact.savingMs !== null && fix.impact.savingMs > 0 && ` · ${t('fixes.saving', { metric: metricLabel(fix.impact.metric), saving: fmt().ms(fix.impact.savingMs) })}`}
      </p>
      <details open={props.open}>
        <summary>{t('fixes.details')}</summary>
        <h3>{t('fixes.evidence')}</h3>
        <p>{text.evidence}</p>
        <h3>{t('fixes.howTo')}</h3>
        <ol>{text.howTo.map((step, i) => <li key={i}>{step}</li>)}</ol>
        <h3>{t('fixes.pages')}</h3>
        <ul class="pages">{fix.pages.slice(0, 20).map((p) => <li key={p}><Url href={p} storeUrl={shop?.storeUrl} /></li>)}</ul>
        {fix.variants.length > 0 && <p class="muted">{t('fixes.variants', { n: fmt().number(fix.variants.length + 1) })}</p>}
        <p class="muted">{t('fixes.basis')}: {text.basis}</p>
      </details>
      <div class="row">
        {fix.status !== 'done' && <button class="btn" type="button" onClick={() => props.decide(fix.id, 'done')}>{t('fixes.markDone')}</button>}
        {fix.status !== 'ignored' && <button class="btn" type="button" onClick={() => props.decide(fix.id, 'ignored')}>{t('fixes.ignore')}</button>}
        {fix.status !== 'open' && <button class="btn" type="button" onClick={() => props.decide(fix.id, 'open')}>{t('fixes.reopen')}</button>}
      </div>
    </li>
  );
}

export function FixesView(props: { open?: string | null }) {
  const { data, error, loading, reload } = useData(() => getJson<FixesData>('/api/admin/fixes'));
  useEffect(() => {
    if (!data || !props.open) return;
    document.getElementById(`fix-${props.open}`)?.scrollIntoView({ block: 'start' });
  }, [data, props.open]);
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;

  async function decide(id: string, status: Status) {
    try {
      await sendJson('PUT', `/api/admin/fixes/${encodeURIComponent(id)}`, { status });
      toast(t(`fixes.marked.${status}`));
      reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  }
  const { main, also } = foldFixes(data.fixes);
  const item = (fix: Listed<Ranked>) => (
    <FixItem key={fix.id} fix={fix} currency={data.currency} open={props.open === fix.id || fix.variants.includes(props.open ?? '')} decide={(id, s) => void decide(id, s)} />
  );

  return (
    <>
      <Card title={t('fixes.title')} id="fixes">
        <p class="muted">{t('fixes.intro')}</p>
        {data.fixes.length === 0 && <p>{t('fixes.none')}</p>}
        <ol data-testid="fix-list">{main.map(item)}</ol>
        {also.length > 0 && (
          <details class="also" data-testid="also-noticed" open={also.some((f) => f.id === props.open)}>
            <summary>{t('fixes.also', { n: fmt().number(also.length) })}</summary>
            <p class="muted">{t('fixes.alsoHelp')}</p>
            <ol>{also.map(item)}</ol>
          </details>
        )}
      </Card>
      <Card title={t('fixes.resolved')} id="resolved">
        {data.resolved.length === 0 ? (
          <p class="muted">{t('fixes.noneResolved')}</p>
        ) : (
          <IndexTable
            columns={[{ label: t('fixes.fix') }, { label: t('fixes.estimate'), num: true }, { label: t('fixes.measured'), num: true }]}
            rows={data.resolved.map((r) => ({
              key: r.id,
              cells: [
                <>
                  <Said message={r.text?.title} fallback={r.title} /> {data.stillFound.includes(r.id) && <Badge tone="warning">{t('fixes.stillFound')}</Badge>}
                </>,
                <>
                  {r.estimate?.savingMs ? `−${fmt().ms(r.estimate.savingMs)} · ` : ''}
                  {r.estimate ? money(r.estimate.revenuePerMonth.central, r.estimate.revenuePerMonth.currency) : '–'}
                </>,
                r.measured ? `${metricLabel(r.metric)} ${value(r.metric, r.measured.before)} → ${value(r.metric, r.measured.after)}` : t('fixes.notYet'),
              ],
            }))}
          />
        )}
      </Card>
    </>
  );
}
