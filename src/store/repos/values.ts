// Shared encoding of values between JS and both engines: JSON is bound and read as text, booleans may come
// back as 0/1 (SQLite), instants are ISO-8601 UTC strings.
import { StoreError } from '../errors.ts';

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
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
