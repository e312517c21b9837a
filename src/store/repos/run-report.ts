// How a report maps onto rows: the three audit sections each get a run_sections row, everything else at the
// top level goes into a `meta` row (so fields added to the schema later are kept), and fixes become
// run_fixes rows in rank order. `joinReport` puts the same report back together.
import type { Fix, Report } from '../../report/schema.ts';
import type { Queryable } from '../db/types.ts';
import { chunkRows, toJson, valuesList } from './values.ts';

export const AUDIT_SECTIONS = ['loadTime', 'checkout', 'links'] as const;
export type AuditSectionName = (typeof AUDIT_SECTIONS)[number];
export type SectionName = AuditSectionName | 'meta';

export function splitReport(report: Report): { sections: Array<[SectionName, unknown]>; fixes: Fix[] } {
  const { loadTime, checkout, links, fixes, ...meta } = report;
  const sections: Array<[SectionName, unknown]> = [['meta', meta]];
  if (loadTime) sections.push(['loadTime', loadTime]);
  if (checkout) sections.push(['checkout', checkout]);
  if (links) sections.push(['links', links]);
  return { sections, fixes };
}

export function joinReport(sections: Map<string, unknown>, fixes: Fix[]): Report {
  const meta = sections.get('meta') as Omit<Report, AuditSectionName | 'fixes'>;
  return {
    ...meta,
    loadTime: (sections.get('loadTime') as Report['loadTime'] | undefined) ?? null,
    checkout: (sections.get('checkout') as Report['checkout'] | undefined) ?? null,
    links: (sections.get('links') as Report['links'] | undefined) ?? null,
    fixes,
  };
}

const FIX_COLUMNS = 9;

/** Writes the sections and fixes of one run; the caller holds the transaction. */
export async function insertReportRows(tx: Queryable, shop: string, runId: number, report: Report): Promise<void> {
  const { sections, fixes } = splitReport(report);
  await tx.run(
    `INSERT INTO run_sections (run_id, shop, section, data) VALUES ${valuesList(sections.length, 4)}`,
    sections.flatMap(([name, data]) => [runId, shop, name, toJson(data)]),
  );
  let rank = 0;
  for (const chunk of chunkRows(fixes, FIX_COLUMNS, tx.dialect.maxParams, 500)) {
    await tx.run(
      `INSERT INTO run_fixes (run_id, shop, fix_id, rank, category, title, revenue_central, confidence, data) VALUES ${valuesList(chunk.length, FIX_COLUMNS)}`,
      chunk.flatMap((fix) => [
        runId,
        shop,
        fix.id,
        rank++,
        fix.category,
        fix.title,
        fix.impact.revenuePerMonth.central,
        fix.impact.confidence,
        toJson(fix),
      ]),
    );
  }
}
