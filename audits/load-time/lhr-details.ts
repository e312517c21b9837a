// Lighthouse's `details` come in several shapes (table, opportunity, list of tables, checklist, node). These
// helpers flatten them into plain rows the report can carry, keeping URLs, sizes and times.
import type { Result } from 'lighthouse';

export type AuditResult = Result['audits'][string];
type Row = Record<string, unknown>;

const MAX_ITEMS = 25;
const MAX_TEXT = 300;

interface NodeValue {
  type: 'node';
  lhId?: string;
  selector?: string;
  snippet?: string;
  nodeLabel?: string;
}

export function isNode(value: unknown): value is NodeValue {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'node';
}

/** Rows of a table/opportunity, the tables inside a list, or the checks of a checklist. */
export function detailRows(details: unknown): Row[] {
  if (typeof details !== 'object' || details === null) return [];
  const d = details as { type?: string; items?: unknown };
  if ((d.type === 'table' || d.type === 'opportunity') && Array.isArray(d.items)) return d.items as Row[];
  if (d.type === 'list' && Array.isArray(d.items)) return d.items.flatMap((child) => detailRows(child));
  if (d.type === 'checklist' && typeof d.items === 'object' && d.items !== null) {
    return Object.entries(d.items as Record<string, { label?: string; value?: unknown }>).map(([check, item]) => ({
      check,
      label: item.label,
      passed: item.value === true,
    }));
  }
  return [];
}

/** A row reduced to scalars: nested nodes become their selector and snippet, sub-items are dropped. */
export function plainRow(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (isNode(value)) {
      out.selector = value.selector ?? null;
      out.snippet = value.snippet?.slice(0, MAX_TEXT) ?? null;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      out[key] = typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;
    } else if (typeof value === 'string') {
      out[key] = value.slice(0, MAX_TEXT);
    } else if (typeof value === 'object' && value !== null) {
      const typed = value as { type?: unknown; url?: unknown; value?: unknown };
      if (typed.type === 'source-location' && typeof typed.url === 'string') out[key] = typed.url;
      if (typed.type === 'text' && typeof typed.value === 'string') out[key] = typed.value.slice(0, MAX_TEXT);
      if (typed.type === 'url' && typeof typed.value === 'string') out[key] = typed.value;
    }
  }
  return out;
}

/** Rows with their sub-items (the per-reason savings of an image, the cause of a layout shift) after them. */
export function plainRows(details: unknown): Row[] {
  const rows: Row[] = [];
  for (const row of detailRows(details)) {
    const parent = rows.length;
    rows.push(plainRow(row));
    const sub = (row.subItems as { items?: unknown } | undefined)?.items;
    if (Array.isArray(sub)) for (const item of sub) rows.push({ ...plainRow(item as Row), subItemOf: parent });
    if (rows.length >= MAX_ITEMS) break;
  }
  return rows.slice(0, MAX_ITEMS);
}

/** Every row, of every audit, whose node is the given element: used to find the LCP element's resource URL. */
export function rowsForNode(lhr: Result, lhId: string): Row[] {
  const rows: Row[] = [];
  for (const audit of Object.values(lhr.audits)) {
    for (const row of detailRows(audit.details)) {
      if (Object.values(row).some((v) => isNode(v) && v.lhId === lhId)) rows.push(row);
    }
  }
  return rows;
}

export function numericValue(lhr: Result, auditId: string): number | null {
  const value = lhr.audits[auditId]?.numericValue;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
