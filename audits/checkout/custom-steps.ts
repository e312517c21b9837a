// Naming checkout pages, and the store-specific steps config can add. A page's name comes from a matching
// custom step, else from its URL (…/information, ?step=shipping_method), else its position.
import type { Page } from 'puppeteer-core';
import { JourneyFailure } from './failure.ts';
import type { CustomStep } from './options.ts';
import { guardedClick } from './payment-guard.ts';
import { STEP_ALIASES } from './platform-defaults.ts';


function urlMatches(url: string, pattern: string): boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (regex) return new RegExp(regex[1]!, regex[2]).test(url);
  return url.includes(pattern);
}

export async function matchCustomStep(page: Page, steps: CustomStep[]): Promise<CustomStep | null> {
  for (const step of steps) {
    if (step.urlMatches !== undefined && !urlMatches(page.url(), step.urlMatches)) continue;
    if (step.whenSelector !== undefined && !(await page.$(step.whenSelector))) continue;
    return step;
  }
  return null;
}

export function stepNameFromUrl(url: string, index: number): string {
  const parsed = new URL(url);
  const query = parsed.searchParams.get('step');
  if (query) return STEP_ALIASES[query] ?? query;
  const last = parsed.pathname.split('/').filter(Boolean).at(-1) ?? '';
  // Tokens are long or contain digits; step names are short words.
  if (/^[a-z][a-z_-]{2,24}$/i.test(last) && !/^(checkouts?|cn|c)$/i.test(last)) return STEP_ALIASES[last] ?? last.toLowerCase();
  return index === 0 ? 'checkout' : `step-${index + 1}`;
}

export async function runCustomActions(page: Page, step: CustomStep, extra: RegExp[]): Promise<void> {
  for (const action of step.actions) {
    const selector = 'fill' in action ? action.fill : 'select' in action ? action.select : 'check' in action ? action.check : action.click;
    const handle = await page.$(selector);
    if (!handle) throw new JourneyFailure('selector-not-found', `custom step "${step.name}": nothing matches ${selector}`);
    if ('fill' in action) {
      await handle.evaluate((el, value) => {
        const input = el as HTMLInputElement;
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, action.value);
    } else if ('select' in action) {
      await page.select(selector, action.value);
    } else if ('check' in action) {
      if (!(await handle.evaluate((el) => (el as HTMLInputElement).checked))) await guardedClick(handle, extra);
    } else {
      await guardedClick(handle, extra);
    }
  }
}
