// The score trend over runs: one line per template/device (and the store score), drawn with uPlot.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fmt, t } from './i18n.ts';
import { sliceLabel } from './impact.tsx';

export interface TrendPoint {
  id: number;
  at: string;
  score: number | null;
  groups: Record<string, number | null>;
}

const COLORS = ['#303030', '#005bd3', '#29845a', '#c70a24', '#8051ff', '#b98900', '#0094d5', '#e51c00', '#4a4a4a', '#00a0ac'];

export function TrendChart(props: { points: TrendPoint[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || props.points.length === 0) return;
    const keys = [...new Set(props.points.flatMap((p) => Object.keys(p.groups)))].sort();
    const xs = props.points.map((p) => Date.parse(p.at) / 1000);
    // Runs within two days of each other are told apart by the hour.
    const short = (xs[xs.length - 1] ?? 0) - (xs[0] ?? 0) < 2 * 86_400;
    const dateLabel = new Intl.DateTimeFormat(fmt().locale, { timeZone: fmt().timeZone, ...(short ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' }) });
    const data: uPlot.AlignedData = [xs, props.points.map((p) => p.score), ...keys.map((k) => props.points.map((p) => p.groups[k] ?? null))];
    const series: uPlot.Series[] = [
      { label: t('overview.trendDate'), value: (_u, v) => (v === null ? '' : fmt().date(new Date(v * 1000).toISOString())) },
      { label: t('overview.storeScore'), stroke: COLORS[0], width: 3, spanGaps: true, points: { show: props.points.length < 40 } },
      ...keys.map((k, i) => ({ label: sliceLabel(k.replace('/', ':')), stroke: COLORS[(i + 1) % COLORS.length], width: 1.5, spanGaps: true, points: { show: props.points.length < 40 } })),
    ];
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: 220,
        series,
        scales: { y: { range: [0, 100] } },
        axes: [{ space: 90, values: (_u, splits) => splits.map((s) => dateLabel.format(s * 1000)) }, {}],
        // The legend names each line; without a cursor it shows no values (uPlot's default is "Time: --").
        legend: { show: true, live: false },
      },
      data,
      el,
    );
    const resize = () => plot.setSize({ width: Math.max(280, el.clientWidth), height: 220 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [props.points]);
  return (
    <figure style="margin:0">
      <div ref={host} class="chart" dir="ltr" role="img" aria-label={t('overview.trendLabel', { runs: props.points.length })} />
    </figure>
  );
}
