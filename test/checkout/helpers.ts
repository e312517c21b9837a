// Shared plumbing for the checkout tests: a real demo store, a real Chromium, a real journey.
import { mkdtempSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserPool } from '../../audits/shared/browser.ts';
import type { AuditContext } from '../../audits/types.ts';
import { checkoutAudit } from '../../audits/checkout/index.ts';
import type { CheckoutOptionsInput } from '../../audits/checkout/index.ts';
import type { CheckoutSection } from '../../src/report/schema.ts';
import { checkoutSectionSchema } from '../../src/report/schema.ts';
import { englishText } from '../../src/i18n/format-message.ts';

export interface JourneyRun {
  section: CheckoutSection;
  artifactsDir: string;
  messages: string[];
}

export async function runJourney(
  storeUrl: string,
  browser: BrowserPool,
  options: CheckoutOptionsInput = {},
  onProgress?: (message: string) => void,
  signal?: AbortSignal,
): Promise<JourneyRun> {
  const artifactsDir = mkdtempSync(join(tmpdir(), 'checkout-audit-'));
  const messages: string[] = [];
  const context: AuditContext = {
    storeUrl,
    pages: [],
    headers: {},
    allowPrivateAddresses: true,
    browser,
    signal,
    artifactsDir,
    // The journey's progress lines are messages; the tests read their English.
    progress: (message) => {
      const line = typeof message === 'string' ? message : englishText(message);
      messages.push(line);
      onProgress?.(line);
    },
  };
  // Fast steps on a local store; a generous timeout still, as other suites share the 2 cores.
  const section = await checkoutAudit.run(context, { ...checkoutAudit.defaults, stepTimeoutMs: 15_000, ...options });
  // Whatever happened, the section must fit the report contract.
  checkoutSectionSchema.parse(section);
  return { section, artifactsDir, messages };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** True when the file exists and starts with the PNG signature. */
export async function isPng(path: string): Promise<boolean> {
  const file = await open(path).catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(8);
    await file.read(head, 0, 8, 0);
    return head.equals(PNG_SIGNATURE);
  } finally {
    await file.close();
  }
}

export function stepNamed(section: CheckoutSection, name: string) {
  const step = section.steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step "${name}" in ${section.steps.map((s) => s.name).join(', ')}`);
  return step;
}
