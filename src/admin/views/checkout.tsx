// Checkout: the step timeline with screenshots (fetched through the authenticated artefacts route), durations,
// fields, errors and failed requests, and the comparison with Baymard's averages.
import { useEffect, useState } from 'preact/hooks';
import type { CheckoutSection, CheckoutStep } from '../../report/schema.ts';
import { blobUrl, getJson } from '../api.ts';
import { Badge, Card, Empty, ErrorBanner, Loading, useData } from '../components.tsx';
import { fmt, t } from '../i18n.ts';

function Screenshot(props: { runId: number; path: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    blobUrl(`/api/admin/runs/${props.runId}/artifacts/${props.path.split('/').map(encodeURIComponent).join('/')}`).then(
      (u) => setSrc((url = u)),
      () => setSrc(null),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [props.runId, props.path]);
  return src ? <img src={src} alt={props.alt} loading="lazy" /> : <div class="skeleton" style="inline-size:12rem;block-size:8rem" />;
}

function Step(props: { runId: number; step: CheckoutStep }) {
  const s = props.step;
  const bad = s.jsErrors.length + s.failedRequests.length > 0;
  return (
    <li class={bad ? 'bad' : ''}>
      {s.screenshot ? <Screenshot runId={props.runId} path={s.screenshot} alt={t('checkout.shot', { step: s.name })} /> : <span />}
      <div>
        <strong>{s.name}</strong> <span class="muted">{fmt().ms(s.durationMs)}</span>
        <p class="muted url">{s.url}</p>
        <p>{t('checkout.fields', { n: s.fields.length })}</p>
        {s.jsErrors.map((e, i) => <p class="banner critical" key={i}>{e}</p>)}
        {s.failedRequests.map((r, i) => (
          <p class="banner warning url" key={i}>{r.status ?? r.error} {r.url}</p>
        ))}
      </div>
    </li>
  );
}

export function CheckoutView() {
  const { data, error, loading, reload } = useData(() => getJson<{ runId: number | null; checkout: CheckoutSection | null }>('/api/admin/checkout'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;
  const c = data.checkout;
  if (!c) return <Empty title={t('checkout.notRun')} />;
  const runId = data.runId;
  return (
    <>
      <Card title={t('checkout.title')} id="checkout">
        <p class="row">
          {c.completed ? <Badge tone="success">{t('checkout.completed')}</Badge> : <Badge tone="critical">{t('checkout.blocked')}</Badge>}
          <span>{t('checkout.total', { time: fmt().ms(c.totalMs), steps: c.stepCount, fields: c.formFields })}</span>
        </p>
        {c.failure && (
          <div class="banner critical" role="alert">
            {c.failure.step}: {c.failure.message}
          </div>
        )}
        {c.benchmark && (
          <table>
            <caption class="visually-hidden">{t('checkout.baymard')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col" class="num">{t('checkout.yours')}</th>
                <th scope="col" class="num">{t('checkout.average')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('checkout.steps')}</th>
                <td class="num">{c.stepCount}</td>
                <td class="num">{fmt().number(c.benchmark.steps)}</td>
              </tr>
              <tr>
                <th scope="row">{t('checkout.formFields')}</th>
                <td class="num">{c.formFields}</td>
                <td class="num">{fmt().number(c.benchmark.fields)}</td>
              </tr>
            </tbody>
          </table>
        )}
        {c.benchmark && <p class="muted">{c.benchmark.source}</p>}
      </Card>
      <Card title={t('checkout.timeline')} id="timeline">
        <ol class="steps">
          {c.steps.map((s) => <Step key={s.name} runId={runId} step={s} />)}
        </ol>
      </Card>
    </>
  );
}
