// Opportunities (the classic byte/time savings audits) and Lighthouse 13's insights, each with the metric
// savings Lighthouse estimates and the resources behind them. Savings overlap (they are simulated one at a
// time), so they are reported side by side and never summed here; the advisor groups them by LCP phase.
import type { Result } from 'lighthouse';
import type { Opportunity } from '../../src/report/schema.ts';
import { detailRows, plainRows, type AuditResult } from './lhr-details.ts';

// Audits that carry metric savings but are restatements of a metric or already in the LCP phases/app costs.
const NOT_OPPORTUNITIES = new Set(['lcp-breakdown-insight', 'metrics', 'diagnostics', 'network-requests', 'main-thread-tasks', 'resource-summary']);

function isCandidate(id: string, audit: AuditResult): boolean {
  if (NOT_OPPORTUNITIES.has(id)) return false;
  if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'error' || audit.scoreDisplayMode === 'manual') return false;
  const type = (audit.details as { type?: string } | undefined)?.type;
  return id.endsWith('-insight') || type === 'opportunity' || audit.metricSavings !== undefined;
}

export function wastedBytesOf(audit: AuditResult): number | null {
  const details = audit.details as { overallSavingsBytes?: unknown; debugData?: { wastedBytes?: unknown } } | undefined;
  if (typeof details?.overallSavingsBytes === 'number') return Math.round(details.overallSavingsBytes);
  if (typeof details?.debugData?.wastedBytes === 'number') return Math.round(details.debugData.wastedBytes);
  const perItem = detailRows(audit.details).map((row) => row.wastedBytes).filter((v): v is number => typeof v === 'number');
  return perItem.length > 0 ? Math.round(perItem.reduce((a, b) => a + b, 0)) : null;
}

function savingsOf(audit: AuditResult): Record<string, number> {
  const savings: Record<string, number> = {};
  for (const [metric, value] of Object.entries(audit.metricSavings ?? {})) {
    if (typeof value === 'number' && Number.isFinite(value)) savings[metric] = value;
  }
  return savings;
}

/** Only what failed: a passing audit (score ≥ 0.9) with no saving is noise in a merchant's report. */
function isFinding(audit: AuditResult, savings: Record<string, number>, wastedBytes: number | null): boolean {
  const saves = Object.values(savings).some((v) => v > 0) || (wastedBytes ?? 0) > 0;
  const failing = typeof audit.score === 'number' && audit.score < 0.9;
  return saves || failing;
}

/** Sorted by the largest single metric saving, then by bytes. */
export function opportunitiesOf(lhr: Result): Opportunity[] {
  const found: Opportunity[] = [];
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (!isCandidate(id, audit)) continue;
    const metricSavings = savingsOf(audit);
    const wastedBytes = wastedBytesOf(audit);
    if (!isFinding(audit, metricSavings, wastedBytes)) continue;
    found.push({
      id,
      title: audit.title,
      metricSavings,
      wastedBytes,
      score: typeof audit.score === 'number' ? audit.score : null,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      items: plainRows(audit.details),
    });
  }
  const weight = (o: Opportunity): number => Math.max(0, ...Object.values(o.metricSavings));
  return found.sort((a, b) => weight(b) - weight(a) || (b.wastedBytes ?? 0) - (a.wastedBytes ?? 0));
}
