// Resolves the store inputs the impact model needs, records where each came from, and names the assumed ones.
import { TEMPLATES, type Device, type Template } from '../report/schema.ts';
import {
  CHECKOUT_ABANDONMENT, DEFAULT_DEVICE_SHARES, DEFAULT_STORE, DEFAULT_TEMPLATE_SHARES, LITERATURE_BASIS,
  LITERATURE_ELASTICITY, MIN_SLOPE_SAMPLE,
} from './defaults.ts';
import type { AdviceInputs, AdviceOptions, InputSource, ResolvedInputs, Sourced, StoreSlope } from './types.ts';

function isSourced<T>(value: T | Sourced<T>): value is Sourced<T> {
  return typeof value === 'object' && value !== null && 'value' in value && 'source' in value;
}

function pick<T>(given: T | Sourced<T> | undefined, fallback: T, defaultSource: InputSource, name: string, assumed: string[]): Sourced<T> {
  if (given === undefined) {
    assumed.push(name);
    return { value: fallback, source: 'default' };
  }
  const sourced = isSourced(given) ? given : { value: given, source: defaultSource };
  if (sourced.source === 'default') assumed.push(name);
  return sourced;
}

function positive(name: string, value: number, max = Infinity): void {
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`advisor input ${name} must be a number between 0 and ${max === Infinity ? 'any' : max}, not ${value}`);
  }
}

/** A store slope replaces the literature only when its sample is large enough and its CI excludes zero. */
export function usableSlope(slope: StoreSlope | null | undefined, minSample = MIN_SLOPE_SAMPLE): StoreSlope | null {
  if (!slope) return null;
  if (slope.sampleSize < minSample || !(slope.ciLow > 0) || slope.ciHigh < slope.pctPer100ms) return null;
  return slope;
}

export function resolveInputs(inputs: AdviceInputs = {}, options: AdviceOptions = {}): ResolvedInputs {
  const src = options.defaultSource ?? 'cli';
  const assumed: string[] = [];
  const monthlySessions = pick(inputs.monthlySessions, DEFAULT_STORE.monthlySessions, src, 'monthlySessions', assumed);
  const conversionRate = pick(inputs.conversionRate, DEFAULT_STORE.conversionRate, src, 'conversionRate', assumed);
  const averageOrderValue = pick(inputs.averageOrderValue, DEFAULT_STORE.averageOrderValue, src, 'averageOrderValue', assumed);
  const currency = pick(inputs.currency, DEFAULT_STORE.currency, src, 'currency', assumed);
  positive('monthlySessions', monthlySessions.value);
  positive('conversionRate', conversionRate.value, 1);
  positive('averageOrderValue', averageOrderValue.value);
  if (!/^[A-Z]{3}$/.test(currency.value)) throw new Error(`advisor input currency must be an ISO 4217 code like USD, not "${currency.value}"`);

  const shares = pick(inputs.templateShares, {}, src, 'templateShares', assumed);
  const templateShares = { ...shares, value: { ...DEFAULT_TEMPLATE_SHARES, ...shares.value } as Record<Template, number> };
  for (const t of TEMPLATES) positive(`templateShares.${t}`, templateShares.value[t], 1);
  const devices = pick(inputs.deviceShares, {}, src, 'deviceShares', assumed);
  const deviceShares = { ...devices, value: { ...DEFAULT_DEVICE_SHARES, ...devices.value } as Record<Device, number> };
  positive('deviceShares.mobile', deviceShares.value.mobile, 1);
  positive('deviceShares.desktop', deviceShares.value.desktop, 1);

  const checkoutAbandonment = pick(inputs.checkoutAbandonment, CHECKOUT_ABANDONMENT, src, 'checkoutAbandonment', assumed);
  positive('checkoutAbandonment', checkoutAbandonment.value, 0.99);
  // Orders = starts × (1 − abandonment), so starts follow from orders when the funnel is not measured.
  const orders = monthlySessions.value * conversionRate.value;
  const checkoutStarts = inputs.checkoutStarts === undefined
    ? { value: orders / (1 - checkoutAbandonment.value), source: 'default' as const }
    : pick(inputs.checkoutStarts, 0, src, 'checkoutStarts', assumed);
  if (inputs.checkoutStarts === undefined) assumed.push('checkoutStarts');
  positive('checkoutStarts', checkoutStarts.value);

  for (const [key, ratio] of Object.entries(inputs.fieldLabRatio ?? {})) positive(`fieldLabRatio.${key}`, ratio, 10);

  const slope = usableSlope(inputs.storeSlope, options.minSlopeSample);
  const elasticity = slope
    ? { value: { low: slope.ciLow, central: slope.pctPer100ms, high: slope.ciHigh }, source: 'rum' as const, basis: `your store's own speed-to-conversion slope (${slope.pctPer100ms} % per 100 ms LCP, CI ${slope.ciLow}–${slope.ciHigh}, n=${slope.sampleSize})` }
    : { value: LITERATURE_ELASTICITY, source: 'default' as const, basis: LITERATURE_BASIS };
  if (!slope) assumed.push('elasticity');

  return {
    monthlySessions, conversionRate, averageOrderValue, currency, templateShares, deviceShares,
    fieldLabRatio: inputs.fieldLabRatio ?? {}, pageViews: inputs.pageViews ?? {},
    checkoutStarts, checkoutAbandonment, elasticity, assumed,
  };
}

/** Monthly value of one order-equivalent of conversion: sessions × CR × AOV. */
export function monthlyRevenue(inputs: ResolvedInputs): number {
  return inputs.monthlySessions.value * inputs.conversionRate.value * inputs.averageOrderValue.value;
}

/** The record stored as `report.inputs`. */
export function inputsRecord(inputs: ResolvedInputs): Record<string, unknown> {
  const { assumed, ...rest } = inputs;
  return { ...rest, assumed };
}
