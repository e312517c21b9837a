// Shared encoding of values between JS and both engines: JSON is bound and read as text, booleans may come
// back as 0/1 (SQLite), instants are ISO-8601 UTC strings.
import { StoreError } from '../errors.ts';
import { badTextPaths } from '../storable-text.ts';

// In JSON text, a \u0000 escape or an escaped lone surrogate (JSON.stringify escapes only unpaired ones),
// preceded by an even number of backslashes so that an escaped backslash followed by "u0000" is left alone.
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/g;

/**
 * JSON text for a JSON column. Machine-made documents (reports, fixes, job payloads) may carry a NUL or a lone
 * surrogate from a crawled page; PostgreSQL refuses those and SQLite mangles them, so they are stored as U+FFFD
 * on both, and one odd character never costs a whole run. People's input is refused instead (requireStorable).
 */
export function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const json = JSON.stringify(value);
  return json.includes('\\u') ? json.replace(UNSTORABLE_ESCAPE, '$1\\ufffd') : json;
}

/** Refuses values holding text no backend stores as sent (NUL, unpaired surrogates): see storable-text.ts. */
export function requireStorable<T>(value: T, what = 'value'): T {
  const bad = badTextPaths(value, 1);
  if (bad.length) throw new StoreError('invalid-input', `${what}${bad[0] ? ` at ${bad[0]}` : ''} holds a NUL character or an unpaired surrogate`);
  return value;
}

/** A row id any backend can hold (1 … 2^53−1); anything else names no row. */
export function isRowId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 1;
}

export function fromJson<T>(text: unknown): T | null {
  if (text === null || text === undefined) return null;
  return JSON.parse(String(text)) as T;
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Normalises a Date or date string to the one ISO format both engines sort and compare correctly. */
export function toIso(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new StoreError('invalid-input', `not a valid date: ${String(value)}`);
  return date.toISOString();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function requireShop(shop: string): string {
  if (typeof shop !== 'string' || shop.trim() === '') throw new StoreError('invalid-input', 'shop must be a non-empty string');
  return shop;
}

/** Builds `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT. */
export function valuesList(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

/** Splits rows so that no statement binds more parameters than the engine allows. */
export function chunkRows<T>(rows: readonly T[], columns: number, maxParams: number, maxRows = 1_000): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / columns)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
