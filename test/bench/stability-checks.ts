// The checks of bench:stability over reports of one unchanged store (issue #13, "Done when"), kept pure so a
// test can prove each one fails when it should (test/advisor/stability-checks.test.ts).
import type { Report } from '../../src/report/schema.ts';

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface TopFix {
  id: string;
  /** Central money per report; null where the fix is absent. */
  centrals: (number | null)[];
  median: number;
  /** Largest |central − median| ⁄ median over the reports; 1 when the fix is absent from one. */
  worstDeviation: number;
}

export interface AuditFigures {
  total: { low: number; central: number; high: number };
  share: number;
  largest: { id: string; central: number; share: number };
  fixes: number;
  /** Fix ids that price the same page twice through a query-string or trailing-slash variant. */
  paginationSplit: string[];
}

export interface StabilityResult {
  scores: (number | null)[];
  scoreSpread: number;
  topSets: string[][];
  top: TopFix[];
  perAudit: AuditFigures[];
  checks: Check[];
}

export const LIMITS = { topN: 5, centralDeviation: 0.25, scoreSpread: 5, fixShare: 0.2, totalShare: 0.35 } as const;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `server-response:/collections/sale?page=2` → `server-response:/collections/sale`. */
function canonicalId(id: string): string {
  const at = id.indexOf(':/');
  if (at < 0) return id;
  const path = id.slice(at + 1).split(/[?#]/)[0]!.replace(/(.)\/+$/, '$1');
  return `${id.slice(0, at)}:${path}`;
}

export function paginationSplits(fixes: Report['fixes']): string[] {
  const byCanonical = new Map<string, string[]>();
  for (const f of fixes) byCanonical.set(canonicalId(f.id), [...(byCanonical.get(canonicalId(f.id)) ?? []), f.id]);
  return [...byCanonical.values()].filter((ids) => ids.length > 1).map((ids) => ids.join(' + '));
}

function figures(report: Report): AuditFigures {
  const s = report.impactSummary;
  const revenue = s?.monthlyRevenue.central ?? 0;
  const largest = [...report.fixes].sort((a, b) => b.impact.revenuePerMonth.central - a.impact.revenuePerMonth.central)[0];
  return {
    total: { low: s?.totalAtStake.low ?? 0, central: s?.totalAtStake.central ?? 0, high: s?.totalAtStake.high ?? 0 },
    share: s?.shareOfRevenue.central ?? 0,
    largest: largest
      ? { id: largest.id, central: largest.impact.revenuePerMonth.central, share: revenue > 0 ? largest.impact.revenuePerMonth.central / revenue : 0 }
      : { id: '–', central: 0, share: 0 },
    fixes: report.fixes.length,
    paginationSplit: paginationSplits(report.fixes),
  };
}

export function stabilityChecks(reports: Report[]): StabilityResult {
  const scores = reports.map((r) => r.loadTime?.storeScore ?? null);
  const measured = scores.filter((s): s is number => s !== null);
  const scoreSpread = measured.length ? Math.max(...measured) - Math.min(...measured) : Infinity;
  const topSets = reports.map((r) => r.fixes.slice(0, LIMITS.topN).map((f) => f.id));
  const union = [...new Set(topSets.flat())];
  const top: TopFix[] = union.map((id) => {
    const centrals = reports.map((r) => r.fixes.find((f) => f.id === id)?.impact.revenuePerMonth.central ?? null);
    const present = centrals.filter((c): c is number => c !== null);
    const med = median(present);
    const worstDeviation = centrals.some((c) => c === null)
      ? 1
      : med > 0 ? Math.max(...present.map((c) => Math.abs(c - med) / med)) : present.some((c) => c > 0) ? 1 : 0;
    return { id, centrals, median: med, worstDeviation };
  });
  const perAudit = reports.map(figures);
  const sameTop = topSets.every((s) => s.length === topSets[0]!.length && [...s].sort().join() === [...topSets[0]!].sort().join());
  const unstable = top.filter((t) => t.worstDeviation > LIMITS.centralDeviation);
  const checks: Check[] = [
    { name: `at least 2 reports`, ok: reports.length >= 2, detail: `${reports.length}` },
    { name: `same top-${LIMITS.topN} fixes in every audit`, ok: sameTop && union.length > 0, ...(sameTop ? {} : { detail: topSets.map((s) => s.join(', ')).join(' | ') }) },
    { name: `each top fix's central money within ${LIMITS.centralDeviation * 100} % of its median`, ok: unstable.length === 0, ...(unstable.length ? { detail: unstable.map((t) => `${t.id} ${(t.worstDeviation * 100).toFixed(0)} %`).join(', ') } : {}) },
    { name: `store scores within ${LIMITS.scoreSpread} points`, ok: measured.length === reports.length && scoreSpread <= LIMITS.scoreSpread, detail: scores.join(', ') },
    { name: `no fix above ${LIMITS.fixShare * 100} % of monthly revenue`, ok: perAudit.every((a) => a.largest.share <= LIMITS.fixShare), detail: perAudit.map((a) => `${(a.largest.share * 100).toFixed(1)} %`).join(', ') },
    { name: `total at stake under ${LIMITS.totalShare * 100} % of monthly revenue`, ok: perAudit.every((a) => a.share < LIMITS.totalShare), detail: perAudit.map((a) => `${(a.share * 100).toFixed(1)} %`).join(', ') },
    { name: 'pagination and query variants are one fix', ok: perAudit.every((a) => a.paginationSplit.length === 0), ...(perAudit.some((a) => a.paginationSplit.length) ? { detail: perAudit.flatMap((a) => a.paginationSplit).join('; ') } : {}) },
  ];
  return { scores, scoreSpread, topSets, top, perAudit, checks };
}
