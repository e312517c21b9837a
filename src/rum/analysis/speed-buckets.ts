// Bounce and conversion per landing-LCP bucket. Bounce = sessions with a single page view over all sessions
// in the bucket; conversion = sessions that completed checkout over all sessions in the bucket.
import type { SessionOutcome } from '../../store/index.ts';

export const LCP_BUCKETS = [
  { label: '<1s', max: 1000 },
  { label: '1-2s', max: 2000 },
  { label: '2-3s', max: 3000 },
  { label: '3-4s', max: 4000 },
  { label: '>4s', max: Infinity },
] as const;

export interface LcpBucketRow {
  bucket: (typeof LCP_BUCKETS)[number]['label'];
  sessions: number;
  bounceRate: number | null;
  conversionRate: number | null;
}

export function lcpBuckets(sessions: SessionOutcome[]): LcpBucketRow[] {
  const rows = LCP_BUCKETS.map((b) => ({ bucket: b.label, sessions: 0, bounces: 0, conversions: 0 }));
  for (const s of sessions) {
    if (s.landingLcpMs === null) continue;
    const index = LCP_BUCKETS.findIndex((b) => (s.landingLcpMs as number) < b.max);
    const row = rows[index];
    if (!row) continue;
    row.sessions++;
    if (s.pageViews <= 1) row.bounces++;
    if (s.converted) row.conversions++;
  }
  return rows.map((r) => ({
    bucket: r.bucket, sessions: r.sessions,
    bounceRate: r.sessions ? r.bounces / r.sessions : null,
    conversionRate: r.sessions ? r.conversions / r.sessions : null,
  }));
}
