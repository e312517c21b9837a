// Conversion as a function of field LCP: a bounded, saturating curve instead of a straight line. Flat at the
// plateau (no gain from being faster than it), its average slope over the studies' window equals the published
// elasticity, and it levels off at the largest loss a slow page can have (MAX_SPEED_LOSS), so no saving,
// however large the lab says it is, can be worth more than the page's headroom.
//
//   c(x) = 1 − a · (1 − exp(−(x/τ)²)),  x = field LCP − plateau (ms), x ≤ 0 → c = 1
//   τ is chosen so that (1 − c(W)) / (W/100) = elasticity, with W = CALIBRATION_WINDOW_MS.
import { CALIBRATION_WINDOW_MS, MAX_SPEED_LOSS, PLATEAU_FLOOR_MS } from './defaults.ts';
import type { Device } from '../report/schema.ts';
import type { Range } from './types.ts';

export type Variant = keyof Range;
export const VARIANTS: readonly Variant[] = ['low', 'central', 'high'];

export interface Curve {
  /** Largest relative loss (0..1). */
  maxLoss: number;
  tauMs: number;
}

/** The curve whose average slope over the calibration window is `pctPer100ms` and whose asymptote is `maxLoss`. */
export function curveFor(pctPer100ms: number, maxLoss: number): Curve {
  const windowLoss = (pctPer100ms / 100) * (CALIBRATION_WINDOW_MS / 100);
  // A slope too steep for the cap (a store's own slope can be) saturates inside the window: keep the cap.
  const fraction = Math.min(0.999, Math.max(1e-9, windowLoss / maxLoss));
  return { maxLoss, tauMs: CALIBRATION_WINDOW_MS / Math.sqrt(-Math.log(1 - fraction)) };
}

export function curvesFor(elasticity: Range): Record<Variant, Curve> {
  return {
    low: curveFor(elasticity.low, MAX_SPEED_LOSS.low),
    central: curveFor(elasticity.central, MAX_SPEED_LOSS.central),
    high: curveFor(elasticity.high, MAX_SPEED_LOSS.high),
  };
}

/** Conversion relative to a page at the plateau (1 = no loss). */
export function relativeConversion(fieldLcpMs: number, device: Device, curve: Curve): number {
  const x = fieldLcpMs - PLATEAU_FLOOR_MS[device];
  if (!(x > 0)) return 1;
  return 1 - curve.maxLoss * (1 - Math.exp(-((x / curve.tauMs) ** 2)));
}

/** Relative conversion lift (fraction of the page's current conversion) of going from `fromMs` to `toMs`. */
export function liftBetween(fromMs: number, toMs: number, device: Device, curve: Curve): number {
  const before = relativeConversion(fromMs, device, curve);
  const after = relativeConversion(Math.min(fromMs, toMs), device, curve);
  return Math.max(0, after / before - 1);
}
