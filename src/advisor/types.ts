// Shared shapes of the advisor: store inputs with their provenance, and the fix candidates the rules emit
// before the impact model prices them.
import type { Device, Fix, Message, Template } from '../report/schema.ts';

export interface Range {
  low: number;
  central: number;
  high: number;
}

export const INPUT_SOURCES = ['shopify', 'rum', 'cli', 'config', 'default'] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

export interface Sourced<T> {
  value: T;
  source: InputSource;
}

/** The store's own speed-to-conversion slope, from real-user data (relative conversion % per 100 ms LCP). */
export interface StoreSlope {
  pctPer100ms: number;
  ciLow: number;
  ciHigh: number;
  sampleSize: number;
}

/** What callers may pass: a plain value (taken as `defaultSource`) or a value with its source. */
export interface AdviceInputs {
  monthlySessions?: number | Sourced<number>;
  conversionRate?: number | Sourced<number>;
  averageOrderValue?: number | Sourced<number>;
  currency?: string | Sourced<string>;
  /** Share of sessions (and orders) that view each template, 0..1. */
  templateShares?: Partial<Record<Template, number>> | Sourced<Partial<Record<Template, number>>>;
  deviceShares?: Partial<Record<Device, number>> | Sourced<Partial<Record<Device, number>>>;
  /** Field p75 LCP over lab LCP per template (from the storefront plugin). Keys: template or `template:device`. */
  fieldLabRatio?: Record<string, number>;
  /** Monthly page views per absolute URL (real-user data); used for broken links. */
  pageViews?: Record<string, number>;
  /** Monthly checkout starts (real-user funnel); else derived from orders and abandonment. */
  checkoutStarts?: number | Sourced<number>;
  checkoutAbandonment?: number | Sourced<number>;
  storeSlope?: StoreSlope | null;
  /**
   * Real shoppers' p75 Web Vitals per template and device, best source first: the storefront plugin's own data
   * (`rum`), then Shopify's (`shopify`: ShopifyQL `web_performance`). The impact model prices speed fixes on
   * these instead of the simulated lab phone; without them it uses its documented lab-to-field default.
   */
  fieldVitals?: FieldVitals[];
}

export interface FieldVitals {
  template: Template;
  device: Device;
  lcpP75Ms: number | null;
  inpP75Ms?: number | null;
  clsP75?: number | null;
  /**
   * Share of page views whose LCP was good (≤ 2.5 s), when the source says (the plugin's rollups count it). On a
   * phone that is under the conversion plateau, so those shoppers gain nothing from a faster LCP.
   */
  lcpGoodShare?: number | null;
  /** Page views behind the percentiles, when the source says. */
  samples: number | null;
  source: 'rum' | 'shopify';
  /** The period the percentiles cover (ISO dates). */
  since?: string;
  until?: string;
}

export interface AdviceOptions {
  /** Source recorded for plain (unsourced) input values. Default 'cli'. */
  defaultSource?: InputSource;
  /** Smallest lab LCP saving (ms) worth a fix. Default 100. */
  minLcpSavingMs?: number;
  /** A store slope is used only with at least this many sessions behind it. Default 2000. */
  minSlopeSample?: number;
}

export interface ResolvedInputs {
  monthlySessions: Sourced<number>;
  conversionRate: Sourced<number>;
  averageOrderValue: Sourced<number>;
  currency: Sourced<string>;
  templateShares: Sourced<Record<Template, number>>;
  deviceShares: Sourced<Record<Device, number>>;
  fieldLabRatio: Record<string, number>;
  pageViews: Record<string, number>;
  fieldVitals: FieldVitals[];
  checkoutStarts: Sourced<number>;
  checkoutAbandonment: Sourced<number>;
  elasticity: Sourced<Range> & { basis: string; basisText: Message };
  /** Names of the inputs that fell back to defaults. */
  assumed: string[];
}

export type LcpPhase = 'ttfb' | 'load-delay' | 'load-time' | 'render-delay';
export type CwvMetric = 'CLS' | 'TBT' | 'INP';

type FixText = Pick<Fix, 'id' | 'title' | 'category' | 'pages' | 'evidence' | 'howTo' | 'text'>;

/** An LCP saving on one measured page×device, in lab ms, from one Lighthouse audit. */
export interface LcpClaim {
  key: string;
  phase: LcpPhase;
  labMs: number;
}

export interface CwvClaim {
  key: string;
  saving: number;
}

export type Candidate =
  /** `defect`: the evidence is a plain defect (a blocking script), so pages below the plateau keep it, flat-priced. */
  | (FixText & { kind: 'lcp'; claims: LcpClaim[]; defect?: boolean })
  | (FixText & { kind: 'cwv'; metric: CwvMetric; claims: CwvClaim[] })
  /** A measured waste with no LCP/CWV saving on these pages: priced with the small "no threshold crossed" range. */
  | (FixText & { kind: 'flat'; metric: string; claims: { key: string }[]; note: Message })
  | (FixText & { kind: 'direct'; impact: DirectImpact });

/**
 * A directly priced impact. `pool` names the shared pool the fix draws on (e.g. one Baymard abandonment reason):
 * fixes of one pool are combined jointly in the summary, never simply added, and never beyond `poolCap`.
 */
export type DirectImpact = Omit<Fix['impact'], 'revenuePerMonth' | 'basis'> & { revenuePerMonth: Range; basis: Message; pool?: string; poolCap?: number };
