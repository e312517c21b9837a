// Resolves the store inputs the impact model needs, records where each came from, and names the assumed ones.
import { englishText } from '../i18n/format-message.ts';
import { basisMsg } from '../i18n/messages/basis.ts';
import { count, percent } from '../report/message.ts';
import { TEMPLATES, type Message } from '../report/schema.ts';
import {
  CHECKOUT_ABANDONMENT, DEFAULT_DEVICE_SHARES, DEFAULT_STORE, DEFAULT_TEMPLATE_SHARES, INPUT_MAX,
  LITERATURE_ELASTICITY, MIN_SLOPE_SAMPLE,
} from './defaults.ts';
import type { AdviceInputs, AdviceOptions, FieldVitals, InputSource, Range, ResolvedInputs, Sourced, StoreSlope } from './types.ts';

/** The elasticity with what it rests on, as a message and in English (the English lives in the catalogue). */
function withText<T extends Sourced<Range>>(elasticity: T, text: Message): T & { basis: string; basisText: Message } {
  return { ...elasticity, basis: englishText(text), basisText: text };
}

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

/** Thrown for any input the model cannot price on; the message names the input and the allowed range. */
export class AdviceInputError extends Error {
  override name = 'AdviceInputError';
}

/** Inputs far beyond any real store (1e300 sessions) would overflow money to Infinity: reject them. */
const MAX_AMOUNT: number = INPUT_MAX.amount;

function inRange(name: string, value: unknown, max = MAX_AMOUNT, min = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new AdviceInputError(`advisor input ${name} must be a number between ${min} and ${max}, not ${typeof value === 'number' ? value : JSON.stringify(value)}`);
  }
  return value;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * Given shares must not add up to more than 1; templates (or devices) not given share what is left in
 * proportion to their defaults, so the result is a partition that sums to 1 and no session counts twice.
 */
function partition<K extends string>(name: string, given: Partial<Record<K, number>>, defaults: Record<K, number>): Record<K, number> {
  const keys = Object.keys(defaults) as K[];
  for (const key of Object.keys(given)) {
    if (!keys.includes(key as K)) throw new AdviceInputError(`advisor input ${name} has an unknown key "${key}" (known: ${keys.join(', ')})`);
  }
  let givenSum = 0;
  for (const key of keys) if (given[key] !== undefined) givenSum += inRange(`${name}.${key}`, given[key], 1);
  if (givenSum > 1 + 1e-6) throw new AdviceInputError(`advisor input ${name} adds up to ${Number(givenSum.toFixed(4))}; shares must add up to 1`);
  const missing = keys.filter((k) => given[k] === undefined);
  const missingDefault = missing.reduce((s, k) => s + defaults[k], 0);
  const out = {} as Record<K, number>;
  for (const key of keys) {
    out[key] = given[key] ?? (missingDefault > 0 ? ((1 - givenSum) * defaults[key]) / missingDefault : 0);
  }
  const total = keys.reduce((s, k) => s + out[k], 0);
  if (Math.abs(total - 1) > 1e-6) throw new AdviceInputError(`advisor input ${name} adds up to ${Number(total.toFixed(4))}; shares must add up to 1`);
  return out;
}

function checkSlope(slope: StoreSlope | null | undefined): void {
  if (!slope) return;
  inRange('storeSlope.pctPer100ms', slope.pctPer100ms, 100, -100);
  inRange('storeSlope.ciLow', slope.ciLow, 100, -100);
  inRange('storeSlope.ciHigh', slope.ciHigh, 100, -100);
  inRange('storeSlope.sampleSize', slope.sampleSize);
  if (!(slope.ciLow <= slope.pctPer100ms && slope.pctPer100ms <= slope.ciHigh)) {
    throw new AdviceInputError(`advisor input storeSlope must have ciLow ≤ pctPer100ms ≤ ciHigh, not ${slope.ciLow} / ${slope.pctPer100ms} / ${slope.ciHigh}`);
  }
}

/** A store slope replaces the literature only when its sample is large enough and its CI excludes zero. */
export function usableSlope(slope: StoreSlope | null | undefined, minSample = MIN_SLOPE_SAMPLE): StoreSlope | null {
  if (!slope) return null;
  checkSlope(slope);
  if (slope.sampleSize < minSample || !(slope.ciLow > 0)) return null;
  return slope;
}

function checkFieldVitals(list: AdviceInputs['fieldVitals']): FieldVitals[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new AdviceInputError('advisor input fieldVitals must be a list');
  list.forEach((f, i) => {
    if (!(TEMPLATES as readonly string[]).includes(f.template)) throw new AdviceInputError(`advisor input fieldVitals[${i}].template "${f.template}" is not a template`);
    if (f.device !== 'mobile' && f.device !== 'desktop') throw new AdviceInputError(`advisor input fieldVitals[${i}].device must be mobile or desktop`);
    if (f.lcpP75Ms !== null) inRange(`fieldVitals[${i}].lcpP75Ms`, f.lcpP75Ms, 120_000);
    if (f.lcpGoodShare !== undefined && f.lcpGoodShare !== null) inRange(`fieldVitals[${i}].lcpGoodShare`, f.lcpGoodShare, 1);
    if (f.samples !== null && f.samples !== undefined) inRange(`fieldVitals[${i}].samples`, f.samples);
    if (f.source !== 'rum' && f.source !== 'shopify') throw new AdviceInputError(`advisor input fieldVitals[${i}].source must be rum or shopify`);
  });
  return list;
}

export function resolveInputs(inputs: AdviceInputs = {}, options: AdviceOptions = {}): ResolvedInputs {
  const src = options.defaultSource ?? 'cli';
  const assumed: string[] = [];
  const monthlySessions = pick(inputs.monthlySessions, DEFAULT_STORE.monthlySessions, src, 'monthlySessions', assumed);
  const conversionRate = pick(inputs.conversionRate, DEFAULT_STORE.conversionRate, src, 'conversionRate', assumed);
  const averageOrderValue = pick(inputs.averageOrderValue, DEFAULT_STORE.averageOrderValue, src, 'averageOrderValue', assumed);
  const currency = pick(inputs.currency, DEFAULT_STORE.currency, src, 'currency', assumed);
  inRange('monthlySessions', monthlySessions.value);
  inRange('conversionRate', conversionRate.value, 1);
  inRange('averageOrderValue', averageOrderValue.value, INPUT_MAX.averageOrderValue);
  if (typeof currency.value !== 'string' || !/^[A-Z]{3}$/.test(currency.value) || !CURRENCIES.has(currency.value)) {
    throw new AdviceInputError(`advisor input currency must be an ISO 4217 code like USD, not "${String(currency.value)}"`);
  }

  const shares = pick(inputs.templateShares, {}, src, 'templateShares', assumed);
  const templateShares = { ...shares, value: partition('templateShares', shares.value, DEFAULT_TEMPLATE_SHARES) };
  const devices = pick(inputs.deviceShares, {}, src, 'deviceShares', assumed);
  const deviceShares = { ...devices, value: partition('deviceShares', devices.value, DEFAULT_DEVICE_SHARES) };

  const checkoutAbandonment = pick(inputs.checkoutAbandonment, CHECKOUT_ABANDONMENT, src, 'checkoutAbandonment', assumed);
  inRange('checkoutAbandonment', checkoutAbandonment.value, 0.99);
  // Orders = starts × (1 − abandonment), so starts follow from orders when the funnel is not measured.
  const orders = monthlySessions.value * conversionRate.value;
  const checkoutStarts = inputs.checkoutStarts === undefined
    ? { value: orders / (1 - checkoutAbandonment.value), source: 'default' as const }
    : pick(inputs.checkoutStarts, 0, src, 'checkoutStarts', assumed);
  if (inputs.checkoutStarts === undefined) assumed.push('checkoutStarts');
  inRange('checkoutStarts', checkoutStarts.value);

  for (const [key, ratio] of Object.entries(inputs.fieldLabRatio ?? {})) inRange(`fieldLabRatio.${key}`, ratio, 10);
  for (const [key, views] of Object.entries(inputs.pageViews ?? {})) inRange(`pageViews[${key}]`, views);
  const fieldVitals = checkFieldVitals(inputs.fieldVitals);

  const slope = usableSlope(inputs.storeSlope, options.minSlopeSample);
  const elasticity = slope
    ? withText({ value: { low: slope.ciLow, central: slope.pctPer100ms, high: slope.ciHigh }, source: 'rum' as const }, basisMsg('elasticityRum', { pct: percent(slope.pctPer100ms), low: slope.ciLow, high: slope.ciHigh, n: count(slope.sampleSize) }))
    : withText({ value: LITERATURE_ELASTICITY, source: 'default' as const }, basisMsg('elasticityLiterature'));
  if (!slope) assumed.push('elasticity');

  return {
    monthlySessions, conversionRate, averageOrderValue, currency, templateShares, deviceShares,
    fieldLabRatio: inputs.fieldLabRatio ?? {}, pageViews: inputs.pageViews ?? {}, fieldVitals,
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
