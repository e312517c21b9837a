// Every constant of the impact model, with where it comes from. Sources are the entries of
// shared/evidence/speed-and-conversion.md; figures marked ASSUMED have no published source and are labelled
// as assumptions in the report and in README.md.
import type { Device, Template } from '../report/schema.ts';
import type { Range } from './types.ts';

/** Relative conversion change (%) per 100 ms of LCP: Walmart (low), Zalando A/B (central), Renault (high). */
export const LITERATURE_ELASTICITY: Range = { low: 0.2, central: 0.7, high: 1.3 };
export const LITERATURE_BASIS = 'literature elasticity 0.2/0.7/1.3 % per 100 ms LCP (Walmart, Zalando A/B, Renault)';

/** Below these LCPs conversion stops improving (Akamai retail report 2017: peaks at 1.8 s desktop, 2.7 s phone). */
export const PLATEAU_FLOOR_MS: Record<Device, number> = { desktop: 1800, mobile: 2700 };

/** Core Web Vitals thresholds (good, poor) at p75. TBT is judged against INP's as its lab proxy. */
export const CWV_THRESHOLDS: Record<'LCP' | 'INP' | 'TBT' | 'CLS' | 'TTFB' | 'FCP', { good: number; poor: number }> = {
  LCP: { good: 2500, poor: 4000 },
  INP: { good: 200, poor: 500 },
  TBT: { good: 200, poor: 500 },
  CLS: { good: 0.1, poor: 0.25 },
  TTFB: { good: 800, poor: 1800 },
  FCP: { good: 1800, poor: 3000 },
};

/**
 * Flat relative conversion lift (%) for TBT/INP/CLS fixes, by the threshold the change crosses. ASSUMED, kept
 * small on purpose: the published cases (Carpe CLS -41% with LCP -52% -> +5%; redBus INP -72% -> +7%) are
 * self-selected before/after successes that moved several metrics at once.
 */
export const CWV_FLAT_LIFT: Record<'to-good' | 'out-of-poor' | 'none', Range> = {
  'to-good': { low: 0.1, central: 0.5, high: 1.5 },
  'out-of-poor': { low: 0.05, central: 0.25, high: 0.75 },
  none: { low: 0, central: 0.05, high: 0.2 },
};

/**
 * Share of sessions (and orders) that view each template. home/collection/product follow the weights Shopify
 * uses when it measures storefront speed (17/43/40 %); the rest are ASSUMED placeholders until real-user shares
 * come from the storefront plugin.
 */
export const DEFAULT_TEMPLATE_SHARES: Record<Template, number> = {
  home: 0.17, collection: 0.43, product: 0.4, cart: 0.1, search: 0.05, page: 0.05, blog: 0.02, article: 0.02, other: 0.02,
};

/** ASSUMED device split of sessions (most storefront traffic is on phones). */
export const DEFAULT_DEVICE_SHARES: Record<Device, number> = { mobile: 0.7, desktop: 0.3 };

/** ASSUMED store inputs, used only when nothing better is given and always listed as assumed. */
export const DEFAULT_STORE = { monthlySessions: 10_000, conversionRate: 0.015, averageOrderValue: 75, currency: 'USD' } as const;

/** Baymard Institute: average cart abandonment across studies ~70 %. */
export const CHECKOUT_ABANDONMENT = 0.7;
/** Baymard 2024 abandonment reasons (multi-select: never summed). */
export const BAYMARD_REASON_SHARE = { siteErrors: 0.17, tooLongOrComplicated: 0.22 } as const;
/** Baymard 2024 average checkout: 5.1 steps, 11.3 form fields. */
export const BAYMARD_CHECKOUT = { steps: 5.1, fields: 11.3 } as const;

/** ASSUMED share of the abandoners for a reason that a fix wins back. */
export const CHECKOUT_RECOVERY: Record<'blocking' | 'js-error' | 'failed-request' | 'friction', Range> = {
  blocking: { low: 0.25, central: 0.5, high: 0.8 },
  'js-error': { low: 0.02, central: 0.05, high: 0.15 },
  'failed-request': { low: 0.01, central: 0.03, high: 0.1 },
  friction: { low: 0.01, central: 0.03, high: 0.06 },
};

/** ASSUMED share of a page's visits that click one given link (used when no real-user data names the URL). */
export const LINK_CLICK_SHARE = 0.01;
/** ASSUMED share of the conversions of visitors who hit a broken resource that fixing it recovers. */
export const BROKEN_LINK_RECOVERY: Record<'page' | 'external' | 'image' | 'stylesheet' | 'script' | 'other', Range> = {
  page: { low: 0.1, central: 0.25, high: 0.5 },
  external: { low: 0, central: 0.02, high: 0.05 },
  image: { low: 0.005, central: 0.01, high: 0.03 },
  stylesheet: { low: 0.01, central: 0.03, high: 0.1 },
  script: { low: 0.01, central: 0.05, high: 0.15 },
  other: { low: 0, central: 0.01, high: 0.03 },
};

/** ASSUMED cost of one redirect hop on the critical path (one round trip on a phone network). */
export const REDIRECT_HOP_MS = 100;
/** Minimum store slope sample (sessions) before it replaces the literature elasticity. */
export const MIN_SLOPE_SAMPLE = 2000;
