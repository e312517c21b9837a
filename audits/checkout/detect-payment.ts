// Is this the payment step? Yes when the page asks for card details (cc-* autocomplete or card-ish field
// names, or card-field iframes) or its primary action reads "Pay now" / "Complete order". The journey stops
// there, before filling or pressing anything that pays.
import type { Page } from 'puppeteer-core';
import { evaluateInFrame } from './frame-eval.ts';
import { PAY_NOW_ACTION } from './payment-guard.ts';

export interface PaymentDetection {
  isPayment: boolean;
  evidence: string | null;
}

export async function detectPaymentStep(page: Page, paymentSelector: string, timeoutMs = 5_000): Promise<PaymentDetection> {
  const evidence = await page.evaluate(
    (selector, payNowSource) => {
      const shown = (el: Element): boolean => el.getClientRects().length > 0;
      const card = [...document.querySelectorAll('input, select')].find(
        (el) => shown(el) && (/^(.*\s)?cc-/.test(el.getAttribute('autocomplete') ?? '') || /card.?number|cc-?number|verification.?code|\bcvv\b|\bcvc\b/i.test(`${el.getAttribute('name')} ${el.id}`)),
      );
      if (card) return `card field "${card.getAttribute('name') ?? card.id}"`;
      const marker = document.querySelector(selector);
      if (marker) return `payment marker ${selector}`;
      const payNow = new RegExp(payNowSource, 'i');
      const button = [...document.querySelectorAll('button, input[type="submit"]')].find(
        (el) => shown(el) && payNow.test(`${el.textContent ?? ''} ${(el as HTMLInputElement).value ?? ''}`),
      );
      return button ? `button "${(button.textContent ?? (button as HTMLInputElement).value ?? '').trim()}"` : null;
    },
    paymentSelector,
    PAY_NOW_ACTION.source,
  );
  if (evidence) return { isPayment: true, evidence };
  // Card fields hosted in frames (cross-origin ones too: Puppeteer reaches them through the frame tree).
  const started = Date.now();
  for (const frame of page.mainFrame().childFrames()) {
    const left = Math.max(1, timeoutMs - (Date.now() - started));
    const card = await evaluateInFrame(page, frame, () => document.querySelector('input[autocomplete^="cc-"], input[autocomplete*=" cc-"]')?.getAttribute('autocomplete') ?? null, left);
    if (card) return { isPayment: true, evidence: `card field "${card}" in frame ${frame.url().split('?')[0]}` };
  }
  return { isPayment: false, evidence: null };
}
