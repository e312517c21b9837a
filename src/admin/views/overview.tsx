// Overview: the store score and its trend, Core Web Vitals (lab, and field when the plugin reports), the top
// fixes with money, the last and next run, and "Run audit now" with live progress.
import type { Fix } from '../../report/schema.ts';
import type { RunSummary } from '../../store/repos/run-summary.ts';
import { getJson } from '../api.ts';
import { Badge, Card, Empty, ErrorBanner, Loading, scoreTone, useData } from '../components.tsx';
import { FixMoney } from '../fix-money.tsx';
import { fmt, t } from '../i18n.ts';
import { RunNow } from '../run-now.tsx';
import { TrendChart, type TrendPoint } from '../trend-chart.tsx';

export interface RunBrief {
  id: number;
  status: string;
  finishedAt: string | null;
  createdAt: string;
  storeScore: number | null;
  error: string | null;
}

interface Overview {
  currency: string;
  storeUrl: string | null;
  latest: RunBrief | null;
  scored: RunBrief | null;
  lastRun: RunBrief | null;
  nextRunAt: string | null;
  summary: RunSummary | null;
  trend: TrendPoint[];
  topFixes: Fix[];
  openFixes: number;
  field: Record<string, { p75: number; samples: number }>;
}

const LAB: Array<{ key: 'lcpMs' | 'cls' | 'tbtMs'; label: string; good: number; poor: number }> = [
  { key: 'lcpMs', label: 'LCP', good: 2500, poor: 4000 },
  { key: 'cls', label: 'CLS', good: 0.1, poor: 0.25 },
  { key: 'tbtMs', label: 'TBT', good: 200, poor: 600 },
];
const FIELD = [
  { key: 'LCP', good: 2500, poor: 4000 },
  { key: 'INP', good: 200, poor: 500 },
  { key: 'CLS', good: 0.1, poor: 0.25 },
];

function tone(value: number | null, good: number, poor: number) {
  if (value === null) return undefined;
  return value <= good ? 'success' : value <= poor ? 'warning' : 'critical';
}

function showMetric(key: string, value: number): string {
  return key.toLowerCase().startsWith('cls') ? fmt().number(value, { maximumFractionDigits: 3 }) : fmt().ms(value);
}

function Vitals(props: { data: Overview }) {
  const groups = Object.entries(props.data.summary?.groups ?? {});
  const field = Object.keys(props.data.field).length > 0;
  return (
    <Card title={t('overview.vitals')} id="vitals">
      {groups.length === 0 ? (
        <p class="muted">{t('overview.noLab')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('overview.labCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pages.templateDevice')}</th>
              {LAB.map((m) => (
                <th scope="col" class="num" key={m.key}>{m.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map(([key, g]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                {LAB.map((m) => (
                  <td class="num" key={m.key}>
                    {g[m.key] === null ? '–' : <Badge tone={tone(g[m.key], m.good, m.poor)}>{showMetric(m.key, g[m.key] as number)}</Badge>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('overview.field')}</h3>
      {field ? (
        <div class="row">
          {FIELD.filter((m) => props.data.field[m.key]).map((m) => {
            const f = props.data.field[m.key] as { p75: number; samples: number };
            return (
              <Badge key={m.key} tone={tone(f.p75, m.good, m.poor)}>
                {m.key} p75 {showMetric(m.key, f.p75)} ({t('overview.samples', { n: fmt().number(f.samples) })})
              </Badge>
            );
          })}
        </div>
      ) : (
        <p class="muted">{t('overview.pluginOff')}</p>
      )}
    </Card>
  );
}

export function OverviewView(props: { go: (view: string) => void }) {
  const { data, error, loading, reload } = useData(() => getJson<Overview>('/api/admin/overview'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  const last = data.lastRun;
  return (
    <>
      {last?.status === 'failed' && (
        <div class="banner critical" role="alert">
          {t('overview.lastFailed', { date: fmt().date(last.finishedAt ?? last.createdAt) })} {last.error}
        </div>
      )}
      <div class="grid">
        <Card title={t('overview.storeScore')} id="score">
          {data.latest ? (
            <>
              <div class="score" data-testid="store-score">
                <Badge tone={scoreTone(data.scored?.storeScore)}>{data.scored?.storeScore ?? '–'}</Badge>
              </div>
              <p class="muted">{t('overview.scoreCaption')}</p>
            </>
          ) : (
            <p>{t('overview.noAudit')}</p>
          )}
        </Card>
        <Card title={t('overview.runs')} id="runs">
          <p>
            {t('overview.lastRun')}: {last ? `${fmt().date(last.finishedAt ?? last.createdAt)} · ${t(`status.${last.status}` as 'status.succeeded')}` : t('overview.never')}
          </p>
          <p>
            {t('overview.nextRun')}: {data.nextRunAt ? fmt().date(data.nextRunAt) : t('overview.notScheduled')}
          </p>
          <RunNow canRun={Boolean(data.storeUrl)} onDone={reload} />
        </Card>
      </div>
      {!data.latest ? (
        <Empty title={t('overview.noAuditTitle')}>
          <p>{t('overview.noAudit')}</p>
        </Empty>
      ) : (
        <>
          <Card title={t('overview.trend')} id="trend">
            {data.trend.length > 1 ? <TrendChart points={data.trend} /> : <p class="muted">{t('overview.trendOne')}</p>}
          </Card>
          <Vitals data={data} />
          <Card title={t('overview.topFixes')} id="top-fixes">
            {data.topFixes.length === 0 ? (
              <p>{t('fixes.none')}</p>
            ) : (
              <ol data-testid="top-fixes">
                {data.topFixes.map((fix) => (
                  <li class="fix" key={fix.id}>
                    <div class="fix-head">
                      <strong>{fix.title}</strong>
                      <FixMoney fix={fix} currency={data.currency} />
                    </div>
                  </li>
                ))}
              </ol>
            )}
            <button class="btn" type="button" onClick={() => props.go('fixes')}>
              {t('overview.allFixes', { n: data.openFixes })}
            </button>
          </Card>
        </>
      )}
    </>
  );
}
