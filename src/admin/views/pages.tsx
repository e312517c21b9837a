// Pages: metrics per template and page, opportunities, the LCP element, and the apps on the storefront.
import type { AppCost, LoadTimeSection } from '../../report/schema.ts';
import { getJson } from '../api.ts';
import { Badge, Card, Empty, ErrorBanner, Loading, scoreTone, useData } from '../components.tsx';
import { fmt, t } from '../i18n.ts';

interface PagesData {
  runId: number | null;
  loadTime: LoadTimeSection | null;
  apps: Array<AppCost & { pages: number }>;
}

const ms = (v: number | null) => (v === null ? '–' : fmt().ms(v));

export function PagesView() {
  const { data, error, loading, reload } = useData(() => getJson<PagesData>('/api/admin/pages'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;
  if (!data.loadTime) return <Empty title={t('pages.notRun')}><p>{t('pages.notRunHelp')}</p></Empty>;
  return (
    <>
      <Card title={t('pages.title')} id="pages">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('pages.page')}</th>
              <th scope="col">{t('pages.templateDevice')}</th>
              <th scope="col" class="num">{t('pages.score')}</th>
              <th scope="col" class="num">LCP</th>
              <th scope="col" class="num">CLS</th>
              <th scope="col" class="num">TBT</th>
              <th scope="col" class="num">TTFB</th>
            </tr>
          </thead>
          <tbody>
            {data.loadTime.pages.map((p) => (
              <tr key={`${p.url}/${p.device}`}>
                <td class="url">{p.url}{p.error && <div class="banner critical">{p.error}</div>}</td>
                <td>{p.template}/{p.device}</td>
                <td class="num"><Badge tone={scoreTone(p.score)}>{p.score ?? '–'}</Badge></td>
                <td class="num">{ms(p.metrics.lcpMs)}</td>
                <td class="num">{p.metrics.cls === null ? '–' : fmt().number(p.metrics.cls, { maximumFractionDigits: 3 })}</td>
                <td class="num">{ms(p.metrics.tbtMs)}</td>
                <td class="num">{ms(p.metrics.ttfbMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={t('pages.apps')} id="apps">
        {data.apps.length === 0 ? (
          <p class="muted">{t('pages.noApps')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pages.app')}</th>
                <th scope="col">{t('pages.kind')}</th>
                <th scope="col" class="num">{t('pages.bytes')}</th>
                <th scope="col" class="num">{t('pages.mainThread')}</th>
                <th scope="col" class="num">{t('pages.blocking')}</th>
              </tr>
            </thead>
            <tbody>
              {data.apps.map((a) => (
                <tr key={a.name}>
                  <td>{a.name}</td>
                  <td>{a.kind}</td>
                  <td class="num">{fmt().bytes(a.transferBytes)}</td>
                  <td class="num">{fmt().ms(a.mainThreadMs)}</td>
                  <td class="num">{fmt().ms(a.blockingMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {data.loadTime.pages.filter((p) => !p.error).map((p) => (
        <Card key={`${p.url}/${p.device}`} title={`${p.template}/${p.device}: ${p.url}`}>
          {p.lcpElement && (
            <p>
              {t('pages.lcpElement')}: <code>{p.lcpElement.selector ?? p.lcpElement.url ?? '–'}</code>
            </p>
          )}
          {p.lcpPhases && (
            <p class="muted">
              TTFB {ms(p.lcpPhases.ttfbMs)} · {t('pages.loadDelay')} {ms(p.lcpPhases.loadDelayMs)} · {t('pages.loadTime')} {ms(p.lcpPhases.loadTimeMs)} · {t('pages.renderDelay')} {ms(p.lcpPhases.renderDelayMs)}
            </p>
          )}
          <h3>{t('pages.opportunities')}</h3>
          {p.opportunities.length === 0 ? (
            <p class="muted">–</p>
          ) : (
            <ul>
              {p.opportunities.slice(0, 8).map((o) => (
                <li key={o.id}>
                  {o.title}
                  {o.metricSavings.LCP ? ` · LCP −${fmt().ms(o.metricSavings.LCP)}` : ''}
                  {o.wastedBytes ? ` · ${fmt().bytes(o.wastedBytes)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </>
  );
}
