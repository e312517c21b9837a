// Overview, built to be understood in ten seconds: the score, the total at stake and the top three fixes come
// first (they fit a phone's first screen), then "since the last audit", the inputs the money rests on, the
// trend and the Core Web Vitals. A fresh install leads to the one next step (the storefront URL, then the first
// audit, whose progress shows live here).
import { useContext } from 'preact/hooks';
import type { Fix, Report } from '../../report/schema.ts';
import type { RunSummary } from '../../store/repos/run-summary.ts';
import { getJson } from '../api.ts';
import { Shop } from '../app.tsx';
import { Badge, Card, Empty, ErrorBanner, IndexTable, Loading, scoreTone, useData } from '../components.tsx';
import { FixMoney, fixTexts } from '../fix-money.tsx';
import { mergeVariants } from '../fold-fixes.ts';
import { fmt, t } from '../i18n.ts';
import { ImpactInputs, ImpactTotal, legacyInputs, sliceLabel } from '../impact.tsx';
import { runErrorText } from '../run-error.ts';
import { RunNow } from '../run-now.tsx';
import { ShareCard } from '../share.tsx';
import { SinceLastCard, type SinceLast } from '../since-last.tsx';
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
  decidedFixes: number;
  totalFixes: number;
  field: Record<string, { p75: number; samples: number }>;
  impactSummary: Report['impactSummary'] | null;
  inputs: Record<string, unknown> | null;
  sinceLast: SinceLast | null;
  schedule: { enabled: boolean; every: string; nextRunAt: string | null } | null;
}

const LAB: Array<{ key: 'lcpMs' | 'cls' | 'tbtMs'; label: 'metric.lcp' | 'metric.cls' | 'metric.tbt'; good: number; poor: number }> = [
  { key: 'lcpMs', label: 'metric.lcp', good: 2500, poor: 4000 },
  { key: 'cls', label: 'metric.cls', good: 0.1, poor: 0.25 },
  { key: 'tbtMs', label: 'metric.tbt', good: 200, poor: 600 },
];

const FIELD = [
  { key: 'LCP', label: 'metric.lcp', good: 2500, poor: 4000 },
  { key: 'INP', label: 'metric.inp', good: 200, poor: 500 },
  { key: 'CLS', label: 'metric.cls', good: 0.1, poor: 0.25 },
] as const;

const TOP = 3;

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
        <IndexTable
          caption={t('overview.labCaption')}
          columns={[{ label: t('pages.templateDevice') }, ...LAB.map((m) => ({ label: t(m.label), num: true }))]}
          rows={groups.map(([key, g]) => ({
            key,
            rowHeader: true,
            cells: [
              sliceLabel(key.replace('/', ':')),
              ...LAB.map((m) => (g[m.key] === null ? '–' : <Badge tone={tone(g[m.key], m.good, m.poor)}>{showMetric(m.key, g[m.key] as number)}</Badge>)),
            ],
          }))}
        />
      )}
      <h3>{t('overview.field')}</h3>
      {field ? (
        <div class="row">
          {FIELD.filter((m) => props.data.field[m.key]).map((m) => {
            const f = props.data.field[m.key] as { p75: number; samples: number };
            return (
              <Badge key={m.key} tone={tone(f.p75, m.good, m.poor)}>
                {t('overview.fieldValue', { metric: t(m.label), value: showMetric(m.key, f.p75), n: fmt().number(f.samples) })}
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

function TopFixes(props: { data: Overview; go: (view: string) => void }) {
  const top = mergeVariants(props.data.topFixes).slice(0, TOP);
  return (
    <Card title={t('overview.topFixes')} id="top-fixes">
      {top.length === 0 ? (
        <p>{t('fixes.none')}</p>
      ) : (
        <ol data-testid="top-fixes">
          {top.map((fix) => (
            <li class="fix" key={fix.id}>
              <a class="fix-head fix-link" href={`#/fixes/${encodeURIComponent(fix.id)}`}>
                <strong>{fixTexts(fix).title}</strong>
                <FixMoney fix={fix} currency={props.data.currency} />
              </a>
            </li>
          ))}
        </ol>
      )}
      <button class="btn" type="button" onClick={() => props.go('fixes')}>
        {t('overview.allFixes', { n: fmt().number(props.data.openFixes) })}
      </button>
    </Card>
  );
}

function nextRunText(data: Overview): string {
  if (!data.schedule || !data.schedule.enabled) return t('overview.notScheduled');
  const every = data.schedule.every === 'daily' || data.schedule.every === 'weekly' ? t(`schedule.${data.schedule.every}`) : t('schedule.custom');
  return data.nextRunAt ? t('overview.nextRunAt', { every, date: fmt().date(data.nextRunAt) }) : every;
}

export function OverviewView(props: { go: (view: string) => void }) {
  const shop = useContext(Shop);
  const { data, error, loading, reload } = useData(() => getJson<Overview>('/api/admin/overview'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  const last = data.lastRun;
  const active = last && (last.status === 'queued' || last.status === 'running') ? last : null;
  const inputs = data.impactSummary?.inputs ?? legacyInputs(data.inputs);
  const noUrl = !data.storeUrl;
  const runs = (
    <Card title={t('overview.runs')} id="runs">
      <p>
        {t('overview.lastRun')}: {last ? `${fmt().date(last.finishedAt ?? last.createdAt)} · ${t(`status.${last.status}` as 'status.succeeded')}` : t('overview.never')}
      </p>
      <p>
        {t('overview.nextRun')}: {nextRunText(data)}
      </p>
      {data.storeUrl && (
        <p class="muted">
          {t('overview.storefront')}: <bdi dir="ltr">{data.storeUrl}</bdi>
        </p>
      )}
      <RunNow canRun={!noUrl} activeAfter={active ? active.id - 1 : null} onDone={reload} />
      {noUrl && (
        <p>
          {shop?.mode === 'embedded' ? t('run.noUrlEmbedded') : t('run.noUrl')} {shop?.mode !== 'embedded' && <a href="#/settings">{t('run.setUrl')}</a>}
        </p>
      )}
    </Card>
  );
  return (
    <>
      {last?.status === 'failed' && (
        <div class="banner critical" role="alert" data-testid="last-failed">
          <strong>{t('overview.lastFailed', { date: fmt().date(last.finishedAt ?? last.createdAt) })}</strong> {runErrorText(last.error)}
        </div>
      )}
      {!data.latest ? (
        <>
          <Empty title={t('overview.noAuditTitle')}>
            <p>{noUrl ? t('overview.firstStepUrl') : t('overview.noAudit')}</p>
          </Empty>
          {runs}
        </>
      ) : (
        <>
          <div class="grid">
            <Card title={t('overview.storeScore')} id="score">
              <div class="score" data-testid="store-score">
                <Badge tone={scoreTone(data.scored?.storeScore)}>{data.scored?.storeScore == null ? '–' : fmt().number(data.scored.storeScore)}</Badge>
              </div>
              <p class="muted">{t('overview.scoreCaption')}</p>
            </Card>
            <ImpactTotal summary={data.impactSummary ?? null} decided={data.decidedFixes ?? 0} fixes={data.totalFixes ?? 0} />
          </div>
          <TopFixes data={data} go={props.go} />
          {data.sinceLast && <SinceLastCard since={data.sinceLast} />}
          {runs}
          <ImpactInputs inputs={inputs} currency={data.currency} />
          <Card title={t('overview.trend')} id="trend">
            {data.trend.length > 1 ? <TrendChart points={data.trend} /> : <p class="muted">{t('overview.trendOne')}</p>}
          </Card>
          <Vitals data={data} />
          <ShareCard />
        </>
      )}
    </>
  );
}
