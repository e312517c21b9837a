// Pages, in metrics a merchant knows: when the main content shows, how much the page jumps, how long it is
// unresponsive, and how fast the server answers, per page and template/device; what to improve (Lighthouse's
// opportunities in our own words); the apps on the storefront. Lighthouse's terms and the LCP element sit
// behind a "details" disclosure.
import { useContext } from 'preact/hooks';
import type { AppCost, LoadTimeSection } from '../../report/schema.ts';
import { lighthouseDescription, lighthouseTitle } from '../../i18n/messages/lighthouse.ts';
import { getJson } from '../api.ts';
import { Shop } from '../app.tsx';
import { Badge, Card, Code, Empty, ErrorBanner, IndexTable, Loading, scoreTone, Url, useData } from '../components.tsx';
import { fmt, t } from '../i18n.ts';
import { sliceLabel } from '../impact.tsx';
import { metricLabel } from '../metrics.ts';

interface PagesData {
  runId: number | null;
  loadTime: LoadTimeSection | null;
  apps: Array<AppCost & { pages: number }>;
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : fmt().ms(v));

export function PagesView() {
  const shop = useContext(Shop);
  const { data, error, loading, reload } = useData(() => getJson<PagesData>('/api/admin/pages'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;
  if (!data.loadTime) return <Empty title={t('pages.notRun')}><p>{t('pages.notRunHelp')}</p></Empty>;
  const f = fmt();
  return (
    <>
      <Card title={t('pages.title')} id="pages">
        <p class="muted">{t('pages.intro')}</p>
        <IndexTable
          testid="pages-table"
          columns={[
            { label: t('pages.page') },
            { label: t('pages.templateDevice') },
            { label: t('pages.score'), num: true },
            { label: metricLabel('LCP'), num: true },
            { label: metricLabel('CLS'), num: true },
            { label: metricLabel('TBT'), num: true },
            { label: metricLabel('TTFB'), num: true },
          ]}
          rows={data.loadTime.pages.map((p) => ({
            key: `${p.url}/${p.device}`,
            cells: [
              <>
                <Url href={p.url} storeUrl={shop?.storeUrl} />
                {p.error && <div class="banner critical">{t('pages.notMeasured')}</div>}
              </>,
              sliceLabel(`${p.template}:${p.device}`),
              <Badge tone={scoreTone(p.score)}>{p.score === null ? '–' : f.number(p.score)}</Badge>,
              ms(p.metrics.lcpMs),
              p.metrics.cls === null ? '–' : f.number(p.metrics.cls, { maximumFractionDigits: 3 }),
              ms(p.metrics.tbtMs),
              ms(p.metrics.ttfbMs),
            ],
          }))}
        />
      </Card>
      <Card title={t('pages.apps')} id="apps">
        {data.apps.length === 0 ? (
          <p class="muted">{t('pages.noApps')}</p>
        ) : (
          <IndexTable
            columns={[
              { label: t('pages.app') },
              { label: t('pages.kind') },
              { label: t('pages.bytes'), num: true },
              { label: t('pages.mainThread'), num: true },
              { label: t('pages.blocking'), num: true },
            ]}
            rows={data.apps.map((a) => ({
              key: a.name,
              cells: [a.kind === 'theme' && a.name === 'Theme' ? t('appKind.theme') : <bdi>{a.name}</bdi>, t(`appKind.${a.kind}`), f.bytes(a.transferBytes), f.ms(a.mainThreadMs), f.ms(a.blockingMs)],
            }))}
          />
        )}
      </Card>
      {data.loadTime.pages.filter((p) => !p.error).map((p) => (
        <Card key={`${p.url}/${p.device}`} title={sliceLabel(`${p.template}:${p.device}`)}>
          <p>
            <Url href={p.url} storeUrl={shop?.storeUrl} />
          </p>
          <h3>{t('pages.opportunities')}</h3>
          {p.opportunities.length === 0 ? (
            <p class="muted">{t('pages.noOpportunities')}</p>
          ) : (
            <ul class="opportunities">
              {p.opportunities.slice(0, 8).map((o) => {
                const title = lighthouseTitle(o.id);
                const description = lighthouseDescription(o.id);
                return (
                  <li key={o.id}>
                    <strong>{title ? f.msg(title) : <bdi lang="en">{o.title}</bdi>}</strong>
                    {o.metricSavings.LCP ? ` · ${t('pages.saves', { metric: metricLabel('LCP'), time: f.ms(o.metricSavings.LCP) })}` : ''}
                    {o.wastedBytes ? ` · ${t('pages.savesBytes', { bytes: f.bytes(o.wastedBytes) })}` : ''}
                    {description && <p class="muted">{f.msg(description)}</p>}
                  </li>
                );
              })}
            </ul>
          )}
          <details>
            <summary>{t('pages.details')}</summary>
            {p.lcpElement && (
              <p>
                {t('pages.lcpElement')}: <Code>{p.lcpElement.selector ?? p.lcpElement.url ?? '–'}</Code>
              </p>
            )}
            {p.lcpPhases && (
              <p class="muted">
                {t('pages.phases', {
                  ttfb: ms(p.lcpPhases.ttfbMs),
                  loadDelay: ms(p.lcpPhases.loadDelayMs),
                  loadTime: ms(p.lcpPhases.loadTimeMs),
                  renderDelay: ms(p.lcpPhases.renderDelayMs),
                })}
              </p>
            )}
            <ul>
              {p.opportunities.slice(0, 8).map((o) => (
                <li key={o.id}>
                  <Code>{o.id}</Code>
                </li>
              ))}
            </ul>
          </details>
        </Card>
      ))}
    </>
  );
}
