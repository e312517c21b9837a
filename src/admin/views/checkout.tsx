// Checkout: the step timeline with screenshots (fetched through the authenticated artefacts route), durations,
// fields, errors and failed requests, the failure in the merchant's words, and the comparison with Baymard's
// averages.
import { useContext, useEffect, useState } from 'preact/hooks';
import type { CheckoutSection, CheckoutStep } from '../../report/schema.ts';
import { blobUrl, getJson } from '../api.ts';
import { Shop } from '../app.tsx';
import { Badge, Card, Code, Empty, ErrorBanner, IndexTable, Loading, Url, useData } from '../components.tsx';
import { hasMessage } from '../../i18n/format-message.ts';
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
  return src ? <img src={src} alt={props.alt} loading="lazy" width={320} height={200} /> : <div class="skeleton shot" />;
}

/** A step's name in the merchant's language (the checkout catalogue's step names), else the name as recorded. */
export function stepName(name: string): string {
  const own = t(`step.${name}` as 'step.information');
  return fmt().msg({ id: `checkout.step.${name}` }, own === `step.${name}` ? name : own);
}

function Step(props: { runId: number; step: CheckoutStep; storeUrl: string | null | undefined }) {
  const s = props.step;
  const bad = s.jsErrors.length + s.failedRequests.length > 0;
  const name = stepName(s.name);
  return (
    <li class={bad ? 'bad' : ''}>
      {s.screenshot ? <Screenshot runId={props.runId} path={s.screenshot} alt={t('checkout.shot', { step: name })} /> : <span />}
      <div>
        <strong>{name}</strong> <span class="muted">{fmt().ms(s.durationMs)}</span>
        <p class="muted"><Url href={s.url} storeUrl={props.storeUrl} /></p>
        <p>{t('checkout.fields', { n: fmt().number(s.fields.length) })}</p>
        {s.jsErrors.length > 0 && <p class="banner critical">{t('checkout.jsErrors', { n: fmt().number(s.jsErrors.length) })}</p>}
        {s.jsErrors.length > 0 && (
          <details>
            <summary>{t('checkout.errorDetails')}</summary>
            {s.jsErrors.map((e, i) => <p key={i}><Code>{e}</Code></p>)}
          </details>
        )}
        {s.failedRequests.map((r, i) => (
          <p class="banner warning" key={i}>
            {t('checkout.failedRequest', { status: r.status ?? t('links.networkError') })} <Url href={r.url} storeUrl={props.storeUrl} />
          </p>
        ))}
      </div>
    </li>
  );
}

export function CheckoutView() {
  const shop = useContext(Shop);
  const { data, error, loading, reload } = useData(() => getJson<{ runId: number | null; checkout: CheckoutSection | null }>('/api/admin/checkout'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;
  const c = data.checkout;
  if (!c) return <Empty title={t('checkout.notRun')} />;
  const runId = data.runId;
  const f = fmt();
  return (
    <>
      <Card title={t('checkout.title')} id="checkout">
        <p class="row">
          {c.completed ? <Badge tone="success">{t('checkout.completed')}</Badge> : <Badge tone="critical">{t('checkout.blocked')}</Badge>}
          <span>{t('checkout.total', { time: f.ms(c.totalMs), steps: f.number(c.stepCount), fields: f.number(c.formFields) })}</span>
        </p>
        {c.failure && (
          <div class={`banner ${c.failure.origin === 'auditor' ? 'warning' : 'critical'}`} role="alert" data-testid="checkout-failure">
            <strong>{stepName(c.failure.step)}:</strong>{' '}
            {c.failure.text && hasMessage(c.failure.text.id) ? f.msg(c.failure.text) : c.failure.origin === 'auditor' ? t('checkout.couldNotTest') : t(`checkout.reason.${c.failure.reason}`)}
          </div>
        )}
        {c.benchmark && (
          <IndexTable
            caption={t('checkout.baymard')}
            columns={[{ label: '' }, { label: t('checkout.yours'), num: true }, { label: t('checkout.average'), num: true }]}
            rows={[
              { key: 'steps', rowHeader: true, cells: [t('checkout.steps'), f.number(c.stepCount), f.number(c.benchmark.steps)] },
              { key: 'fields', rowHeader: true, cells: [t('checkout.formFields'), f.number(c.formFields), f.number(c.benchmark.fields)] },
            ]}
          />
        )}
        {c.benchmark && <p class="muted">{t('checkout.baymardSource')}</p>}
      </Card>
      <Card title={t('checkout.timeline')} id="timeline">
        <ol class="steps">
          {c.steps.map((s) => <Step key={s.name} runId={runId} step={s} storeUrl={shop?.storeUrl} />)}
        </ol>
      </Card>
    </>
  );
}
