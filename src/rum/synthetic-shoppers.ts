// The `synthetic shoppers` command: real Chromium sessions at varied network and CPU throttling through the demo
// store with the app embed and an equivalent of the web pixel, so the embedded default shows real field data and
// a real speed-to-conversion curve. The Web Vitals are measured by the real embed and sent through the signed
// app proxy; what a shopper then does is simulated from the LCP it actually got (patience falls with wait), and
// the driver posts those funnel events to the pixel endpoint like the pixel would. Every row is flagged synthetic.
import type { Page } from 'puppeteer-core';
import type { BrowserPool } from '../../audits/shared/browser.ts';
import { startDemoStore } from '../demo-store/server.ts';
import { demoAppProxy, embedScriptTag } from './demo-proxy.ts';

export interface SyntheticShoppersOptions {
  /** The running app server (its beacon and pixel endpoints). */
  appUrl: string;
  shop: string;
  /** The app's API secret: the demo proxy signs like Shopify's. */
  secret: string;
  /** The shop's pixel ingest key (RumIngest.ingestKeyFor(shop)). */
  ingestKey: string;
  pool: BrowserPool;
  sessions?: number;
  /** Deterministic choices (profiles, paths, decisions). */
  seed?: number;
  onSession?: (done: number, total: number) => void;
}

export interface SyntheticShoppersResult {
  sessions: number;
  conversions: number;
  medianLcpMs: number | null;
}

/** Network and CPU profiles of real shoppers' devices, from a fast desktop line to a slow phone on 3G. */
export const SHOPPER_PROFILES = [
  { name: 'cable', latency: 5, download: 10_000_000, cpu: 1 },
  { name: '4g', latency: 60, download: 1_200_000, cpu: 2 },
  { name: 'fast-3g', latency: 150, download: 200_000, cpu: 4 },
  { name: 'slow-3g', latency: 400, download: 50_000, cpu: 6 },
] as const;

export type ShopperProfile = (typeof SHOPPER_PROFILES)[number];

/**
 * Opens `url` as a shopper on `profile` would and returns the LCP the browser itself reported (the last
 * largest-contentful-paint entry once the page has loaded and settled), in ms.
 */
export async function landingLcpMs(page: Page, url: string, profile: ShopperProfile): Promise<number> {
  await page.emulateNetworkConditions({ download: profile.download, upload: profile.download / 2, latency: profile.latency });
  await page.emulateCPUThrottling(profile.cpu);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // A lazy image that starts late can still become the LCP after load: give it a moment to paint.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return page.evaluate(() => new Promise<number>((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? 0)).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
}

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runSyntheticShoppers(options: SyntheticShoppersOptions): Promise<SyntheticShoppersResult> {
  const total = options.sessions ?? 40;
  const random = rng(options.seed ?? 1);
  const demo = await startDemoStore({
    variant: 'defective', productCount: 24, embedPlugin: true, embedHtml: embedScriptTag(),
    appProxy: demoAppProxy({ appUrl: options.appUrl, shop: options.shop, secret: options.secret }),
  });
  const pixelUrl = `${options.appUrl}/ingest/pixel?shop=${encodeURIComponent(options.shop)}&key=${encodeURIComponent(options.ingestKey)}`;
  const lcps: number[] = [];
  let conversions = 0;
  try {
    for (let i = 0; i < total; i++) {
      const clientId = `synthetic-${Date.now().toString(36)}-${i}`;
      const profile = SHOPPER_PROFILES[Math.floor(random() * SHOPPER_PROFILES.length)] ?? SHOPPER_PROFILES[0];
      const landing = random() < 0.5 ? '/' : '/collections/all';
      const events: Array<{ name: string; p: string }> = [{ name: 'page_viewed', p: landing }];
      const context = await options.pool.newContext();
      try {
        const page = await context.newPage();
        await page.setCookie({ name: '_shopify_y', value: clientId, url: demo.url });
        await page.evaluateOnNewDocument(() => {
          (window as unknown as Record<string, unknown>).__sfaSynthetic = true;
          (window as unknown as { Shopify: unknown }).Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => true } };
        });
        const lcp = await landingLcpMs(page, `${demo.url}${landing}`, profile);
        await page.waitForFunction(() => 'webVitals' in window, { timeout: 60_000 });
        lcps.push(lcp);
        // Patience: the chance to go on browsing falls with the wait actually experienced.
        const stays = random() < Math.max(0.15, 0.9 - 0.12 * (lcp / 1000));
        if (stays) {
          await page.goto(`${demo.url}/cart`, { waitUntil: 'load', timeout: 90_000 });
          events.push({ name: 'page_viewed', p: '/cart' }, { name: 'product_added_to_cart', p: '/cart' }, { name: 'cart_viewed', p: '/cart' });
          if (random() < Math.max(0.05, 0.6 - 0.08 * (lcp / 1000))) {
            events.push({ name: 'checkout_started', p: '/checkouts/c' }, { name: 'checkout_contact_info_submitted', p: '/checkouts/c' },
              { name: 'checkout_address_info_submitted', p: '/checkouts/c' }, { name: 'checkout_shipping_info_submitted', p: '/checkouts/c' });
            if (random() < 0.8) {
              events.push({ name: 'payment_info_submitted', p: '/checkouts/c' }, { name: 'checkout_completed', p: '/checkouts/c/thank-you' });
              conversions++;
            }
          }
        }
        await page.close({ runBeforeUnload: false });
      } finally {
        await context.close();
      }
      const ts = new Date().toISOString();
      const response = await fetch(pixelUrl, {
        method: 'POST', headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ s: true, events: events.map((e, n) => ({ id: `${clientId}-${n}`, name: e.name, clientId, ts, p: e.p })) }),
      });
      if (response.status !== 204) throw new Error(`pixel ingest answered ${response.status}: ${await response.text()}`);
      options.onSession?.(i + 1, total);
    }
  } finally {
    await demo.close();
  }
  const sorted = [...lcps].sort((a, b) => a - b);
  return { sessions: total, conversions, medianLcpMs: sorted.length ? (sorted[Math.floor(sorted.length / 2)] as number) : null };
}
