// Every constant of the impact model, with where it comes from. Sources are the entries of
// shared/evidence/speed-and-conversion.md; figures marked ASSUMED have no published source and are labelled
// as assumptions in the report and in README.md.
import type { Device, Template } from '../report/schema.ts';
import type { Range } from './types.ts';

/**
 * Relative conversion change (%) per 100 ms, averaged over the range the studies measured (a change of 100 ms to
 * about 2 s just above the plateau): Walmart 2012 (low; correlational RUM, *load time*, "up to" 2 % per 1 s, so
 * its figure is a ceiling of its own and stands for our low end only as 0.2 %), Zalando 2018 (central; A/B,
 * deliberate slowdown, *load time*, revenue per session), Renault 2021 (high; correlational, *LCP*, "up to" 13 %
 * per 1 s, which we use only as 1.3 % per 100 ms within its 1 s range). The curve in `curve.ts` applies these only
 * inside that window and saturates beyond it.
 */
export const LITERATURE_ELASTICITY: Range = { low: 0.2, central: 0.7, high: 1.3 };
export const LITERATURE_BASIS = 'published speed studies: Walmart 2012 (load time, correlational, low 0.2 %/100 ms), Zalando 2018 (load time, A/B, revenue per session, central 0.7 %/100 ms), Renault 2021 (LCP, correlational, high 1.3 %/100 ms), each only over the 0–2 s above the plateau they cover';

/**
 * Largest plain amounts the model takes: beyond any real store (a monthly 1e12 sessions, a 10-million order), so
 * money can never overflow to Infinity (1e300 sessions). The CLI, the config file and the admin settings refuse
 * the same values before any work starts.
 */
export const INPUT_MAX = { amount: 1e12, averageOrderValue: 1e7 } as const;

/** The elasticity holds on average over this much LCP above the plateau (the studies' range: 100 ms to ~2 s). */
export const CALIBRATION_WINDOW_MS = 2000;

/**
 * The most conversion a slow page can lose against one at the plateau, as a share (the curve's asymptote).
 * ASSUMED, bounded by the observational data: Portent 2022 saw a 5 s site convert at 22 % of a 1 s site (a 78 %
 * gap, confounded: faster sites are also better sites); Shopify 2026 saw ≈ 30 % between 2.5 s and 1.5 s LCP
 * across stores. We take low 10 %, central 20 %, high 35 % as the causal share a single store could win back.
 */
export const MAX_SPEED_LOSS: Range = { low: 0.1, central: 0.2, high: 0.35 };

/**
 * Field p75 LCP ÷ Lighthouse's simulated-phone lab LCP when neither the plugin nor Shopify supplies field data.
 * ASSUMED wide range: Lighthouse throttles to 1.6 Mbps / 150 ms RTT with a cold cache on a slow CPU, while field
 * loads mix repeat visits, warm caches and faster devices (DebugBear, "Why lab and field LCP differ"; web.dev,
 * "Why lab and field data can be different"), so lab is usually slower; on some stores it is not (high = 1).
 */
export const LAB_TO_FIELD: Range = { low: 0.35, central: 0.5, high: 1 };

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
 * How the store's sessions (and orders) divide between templates for pricing: a partition that sums to 1, so no
 * session is counted twice. home/collection/product follow the weights Shopify uses when it measures storefront
 * speed (17/43/40 %) scaled to 93 %; the other 7 % are ASSUMED placeholders until real-user shares come from the
 * storefront plugin.
 */
export const DEFAULT_TEMPLATE_SHARES: Record<Template, number> = {
  home: 0.16, collection: 0.4, product: 0.37, cart: 0.02, search: 0.02, page: 0.01, blog: 0.005, article: 0.005, other: 0.01,
};

/** ASSUMED device split of sessions (most storefront traffic is on phones). */
export const DEFAULT_DEVICE_SHARES: Record<Device, number> = { mobile: 0.7, desktop: 0.3 };

/** ASSUMED store inputs, used only when nothing better is given and always listed as assumed. */
export const DEFAULT_STORE = { monthlySessions: 10_000, conversionRate: 0.015, averageOrderValue: 75, currency: 'USD' } as const;

/**
 * Share of *checkout starts* that do not become orders, used only to derive starts from orders when the funnel
 * is not measured. ASSUMED 50 %: Baymard's ~70 % is *cart* abandonment (carts, not checkout starts), and a
 * shopper who reached checkout has already passed the cart; the plugin's funnel replaces this.
 */
export const CHECKOUT_ABANDONMENT = 0.5;
/** Baymard Institute: average cart abandonment across studies ~70 % (shown for context, never applied to starts). */
export const CART_ABANDONMENT = 0.7;
/** Baymard 2024 abandonment reasons (multi-select: never summed). */
export const BAYMARD_REASON_SHARE = { siteErrors: 0.17, tooLongOrComplicated: 0.22 } as const;
/** Baymard 2024 average checkout: 5.1 steps, 11.3 form fields. */
export const BAYMARD_CHECKOUT = { steps: 5.1, fields: 11.3 } as const;

/** ASSUMED share of the abandoners for a reason that a fix wins back. */
export const CHECKOUT_RECOVERY: Record<'blocking' | 'js-error' | 'failed-request' | 'friction', Range> = {
  blocking: { low: 0.25, central: 0.5, high: 0.8 },
  'js-error': { low: 0.02, central: 0.05, high: 0.15 },
  /** A background request failed while the step still worked: small, low confidence. */
  'failed-request': { low: 0, central: 0.01, high: 0.03 },
  friction: { low: 0.01, central: 0.03, high: 0.06 },
};

/**
 * ASSUMED share of a page's visits that actually load a broken image, when nothing says where it sits: unknown
 * placement (eager above the fold … lazy far below), and a srcset candidate that only the widest viewports pick.
 */
export const IMAGE_EXPOSURE: Record<'unknown' | 'srcset-candidate', Range> = {
  unknown: { low: 0.1, central: 0.3, high: 1 },
  'srcset-candidate': { low: 0, central: 0.1, high: 0.3 },
};

/** A figure resting on fewer Lighthouse runs per page than this is a preview (the product's default is 3). */
export const MIN_CONFIRMED_RUNS = 3;

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
