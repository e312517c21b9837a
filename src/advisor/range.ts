// Arithmetic on {low, central, high} ranges.
import type { Range } from './types.ts';

export const ZERO: Range = { low: 0, central: 0, high: 0 };

export function scale(r: Range, f: number): Range {
  return { low: r.low * f, central: r.central * f, high: r.high * f };
}

export function add(a: Range, b: Range): Range {
  return { low: a.low + b.low, central: a.central + b.central, high: a.high + b.high };
}

export function round(r: Range, digits = 0): Range {
  const f = 10 ** digits;
  const q = (x: number) => Math.round(x * f) / f;
  return { low: q(r.low), central: q(r.central), high: q(r.high) };
}
