// The store's own speed-to-conversion slope: a linear probability model of session conversion on landing LCP
// (seconds), with a heteroskedasticity-robust (HC1) Wald 95 % interval on the slope, expressed as the advisor
// wants it: relative conversion lost per 100 ms of LCP, in % of the mean conversion rate. Linear rather than
// logistic because over the 0.5–6 s range the relationship is close to linear and the closed form is exact,
// fast and easy to audit; the interval ignores the (much smaller) uncertainty of the mean itself.
import type { StoreSlope } from '../../advisor/index.ts';

export interface SlopePoint {
  lcpMs: number;
  converted: boolean;
}

const Z95 = 1.959964;

export function speedConversionSlope(points: SlopePoint[]): StoreSlope | null {
  const n = points.length;
  if (n < 30) return null;
  const xs = points.map((p) => p.lcpMs / 1000);
  const ys = points.map((p) => (p.converted ? 1 : 0));
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce<number>((a, b) => a + b, 0) / n;
  if (meanY === 0) return null;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - meanY);
  }
  if (sxx === 0) return null;
  const b = sxy / sxx;
  const a = meanY - b * meanX;
  let meat = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    const residual = (ys[i] as number) - a - b * (xs[i] as number);
    meat += dx * dx * residual * residual;
  }
  const se = Math.sqrt((n / (n - 2)) * meat) / sxx;
  // Conversion lost per +100 ms (0.1 s), relative to the mean rate, in %.
  const toPct = (slope: number) => Math.round((-slope * 0.1 / meanY) * 100 * 1000) / 1000;
  return { pctPer100ms: toPct(b), ciLow: toPct(b + Z95 * se), ciHigh: toPct(b - Z95 * se), sampleSize: n };
}
