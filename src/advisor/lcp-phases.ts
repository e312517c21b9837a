// Which LCP phase each Lighthouse 13 audit's saving comes out of. Savings in one phase overlap (Lighthouse
// issue #14107: "these opportunities are not independent"), so the model never sums within a phase.
import type { LcpPhase } from './types.ts';

const PHASE_OF_AUDIT: Record<string, LcpPhase> = {
  'server-response-time': 'ttfb',
  'document-latency-insight': 'ttfb',
  redirects: 'ttfb',
  'lcp-discovery-insight': 'load-delay',
  'network-dependency-tree-insight': 'load-delay',
  'image-delivery-insight': 'load-time',
  'modern-http-insight': 'load-time',
  'cache-insight': 'load-time',
  'total-byte-weight': 'load-time',
  'render-blocking-insight': 'render-delay',
  'font-display-insight': 'render-delay',
  'unused-css-rules': 'render-delay',
  'unminified-css': 'render-delay',
  'unused-javascript': 'render-delay',
  'unminified-javascript': 'render-delay',
  'legacy-javascript-insight': 'render-delay',
  'duplicated-javascript-insight': 'render-delay',
  'third-parties-insight': 'render-delay',
  'bootup-time': 'render-delay',
};

export const LCP_PHASES: readonly LcpPhase[] = ['ttfb', 'load-delay', 'load-time', 'render-delay'];

export function phaseOf(auditId: string): LcpPhase {
  return PHASE_OF_AUDIT[auditId] ?? 'render-delay';
}

export function lcpSavingOf(savings: Record<string, number>): number {
  return savings.LCP ?? 0;
}
