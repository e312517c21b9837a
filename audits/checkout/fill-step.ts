// Fills the required fields of one checkout page like browser autofill: each empty required control gets the
// value autofill.ts picks for it; selects and radio groups that already have a choice are kept. Card fields
// are listed (the shopper has to fill them) but never touched.
import type { Frame, Page } from 'puppeteer-core';
import { JourneyFailure } from './failure.ts';
import { evaluateInFrame } from './frame-eval.ts';
import { withDeadline } from './run-step.ts';
import { sleep } from './session.ts';
import { chooseAutofillValue, isPaymentField, type FieldDescriptor } from './autofill.ts';
import type { TestAddress } from './test-address.ts';

interface PageField extends FieldDescriptor {
  index: number;
  key: string;
  required: boolean;
  needsInput: boolean;
}

type FillAction = { index: number; kind: 'text'; value: string } | { index: number; kind: 'select'; candidates: string[] } | { index: number; kind: 'check' };

export interface FillResult {
  /** Required fields the shopper has to fill or choose on this page, in page order. */
  fields: string[];
  /** Fields we left empty: card fields, always. */
  leftEmpty: string[];
}

/** The document's fields; self-contained, as it also runs in frames through evaluateInFrame. */
function fieldsInDocument(): PageField[] {
  const skipped = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'file']);
  const controls = [...document.querySelectorAll('input, select, textarea')] as Array<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
  const fields: PageField[] = [];
  controls.forEach((el, index) => {
    const tag = el.tagName.toLowerCase() as 'input' | 'select' | 'textarea';
    const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
    if (skipped.has(type) || el.disabled) return;
    // Custom-styled radios and checkboxes are often visually hidden themselves; their label is what shows.
    const shown = (node: Element | null | undefined): boolean => !!node && node.getClientRects().length > 0;
    const input = el as HTMLInputElement;
    if (!shown(el) && !(type === 'radio' || type === 'checkbox' ? shown(input.labels?.[0]) : false)) return;
    const required = el.required || el.getAttribute('aria-required') === 'true';
    let needsInput: boolean;
    if (type === 'radio') {
      const group = el.form ? [...el.form.querySelectorAll(`input[type="radio"]`)].filter((r) => (r as HTMLInputElement).name === el.name) : [el];
      needsInput = !group.some((r) => (r as HTMLInputElement).checked);
    } else if (type === 'checkbox') needsInput = !input.checked;
    else if (tag === 'select') {
      const selected = (el as HTMLSelectElement).selectedOptions[0];
      needsInput = !selected || selected.value === '' || selected.disabled;
    } else needsInput = el.value.trim() === '';
    const label = (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? '').replace(/\s+/g, ' ').trim();
    fields.push({
      index, tag, type, name: el.name ?? '', id: el.id, autocomplete: el.getAttribute('autocomplete') ?? '', label,
      key: el.name || el.id || el.getAttribute('autocomplete') || `${tag}#${index}`, required, needsInput,
    });
  });
  return fields;
}

function describeFields(page: Page): Promise<PageField[]> {
  return page.evaluate(fieldsInDocument);
}

function applyActions(page: Page, actions: FillAction[]): Promise<void> {
  return page.evaluate((list) => {
    const controls = [...document.querySelectorAll('input, select, textarea')] as Array<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
    const fire = (el: Element, ...types: string[]): void => types.forEach((t) => el.dispatchEvent(new Event(t, { bubbles: true })));
    for (const action of list) {
      const el = controls[action.index];
      if (!el) continue;
      el.focus();
      if (action.kind === 'text') {
        // The native setter, so frameworks that track the value (React) see the change as autofill's would.
        const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, action.value);
        fire(el, 'input', 'change');
      } else if (action.kind === 'select' && el instanceof HTMLSelectElement) {
        const options = [...el.options].filter((o) => !o.disabled && o.value !== '');
        const wanted = action.candidates.map((c) => c.toLowerCase());
        const pick = options.find((o) => wanted.includes(o.value.toLowerCase())) ?? options.find((o) => wanted.includes(o.text.trim().toLowerCase())) ?? options[0];
        if (pick) {
          Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(el, pick.value);
          fire(el, 'input', 'change');
        }
      } else if (action.kind === 'check' && el instanceof HTMLInputElement && !el.checked) el.click();
      el.blur();
    }
  }, actions);
}

function actionFor(field: PageField, address: TestAddress): FillAction | null {
  if (field.type === 'radio' || field.type === 'checkbox') return { index: field.index, kind: 'check' };
  const choice = chooseAutofillValue(field, address);
  if (choice.kind === 'payment') return null;
  if (field.tag === 'select') return { index: field.index, kind: 'select', candidates: choice.kind === 'value' ? choice.candidates : [] };
  const value = choice.kind === 'value' ? (choice.candidates[0] ?? address.fallbackText) : address.fallbackText;
  return { index: field.index, kind: 'text', value };
}

/**
 * Waits while part of the page says it is loading (`aria-busy="true"`, as a checkout marks its shipping
 * methods while it fetches them for the address just entered), up to timeoutMs. Returns null once nothing
 * visible is busy, else what still is.
 */
export async function waitNotBusy(page: Page, timeoutMs: number): Promise<string | null> {
  // Watched in the page, checked on every DOM change (aria-busy going away is one), so the wait ends the
  // moment the region settles rather than at the next poll from here.
  const settled = await page
    .waitForFunction(() => ![...document.querySelectorAll('[aria-busy="true"]')].some((e) => e.getClientRects().length > 0), { timeout: timeoutMs, polling: 'mutation' })
    .then(() => true, () => false);
  if (settled) return null;
  return page
    .evaluate(() => {
      const el = [...document.querySelectorAll('[aria-busy="true"]')].find((e) => e.getClientRects().length > 0);
      return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}` : null;
    })
    .catch(() => null);
}

/** A region still busy after the wait: the page is stuck for a shopper too, but a timeout is not proof. */
async function settleBusy(page: Page, timeoutMs: number): Promise<void> {
  const busy = await waitNotBusy(page, timeoutMs);
  if (busy) throw new JourneyFailure('timeout', `${busy} on ${page.url()} was still loading (aria-busy) after ${timeoutMs} ms`);
}

/**
 * The page's visible child frames, once each has loaded: card fields are hosted in iframes (Shopify's always
 * are, on the card vault's origin), so their inputs are part of what the shopper fills. Hidden frames (web
 * pixels sandboxes, trackers) hold nothing to fill and are left out.
 */
async function visibleFrames(page: Page, timeoutMs: number): Promise<Frame[]> {
  const started = Date.now();
  const left = (): number => Math.max(1, timeoutMs - (Date.now() - started));
  // Each frame is looked at on its own, all at once: the card fields are four frames that load together.
  const ready = async (frame: Frame): Promise<boolean> => {
    const element = await withDeadline(frame.frameElement(), left(), 'frame element').catch(() => null);
    const visible = await element?.evaluate((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden').catch(() => false);
    void element?.dispose().catch(() => undefined);
    if (!visible) return false;
    // A frame still on its initial about:blank has not loaded its page yet.
    while (Date.now() - started < timeoutMs) {
      const loaded = frame.url() !== 'about:blank' && (await evaluateInFrame(page, frame, () => document.readyState === 'complete', left())) === true;
      if (loaded || frame.detached) break;
      await sleep(50);
    }
    return !frame.detached;
  };
  const frames = page.mainFrame().childFrames();
  const shown = await Promise.all(frames.map(ready));
  return frames.filter((_, i) => shown[i]);
}

/** Required fields inside the page's frames: counted, never filled (they are the card vault's). */
async function frameFields(page: Page, timeoutMs: number): Promise<string[]> {
  const started = Date.now();
  const frames = await visibleFrames(page, timeoutMs);
  const perFrame = await Promise.all(frames.map((frame) => evaluateInFrame(page, frame, fieldsInDocument, Math.max(1, timeoutMs - (Date.now() - started)))));
  const keys: string[] = [];
  for (const fields of perFrame) for (const f of fields ?? []) if (f.required && f.needsInput && !keys.includes(f.key)) keys.push(f.key);
  return keys;
}

const BUSY_WAIT_MS = 10_000;

/** Lists the required fields on the page (its frames too) and fills them (all but card fields). */
export async function fillStep(page: Page, address: TestAddress, timeoutMs = BUSY_WAIT_MS, onProgress: (phase: string) => void = () => undefined): Promise<FillResult> {
  const fields: string[] = [];
  const leftEmpty: string[] = [];
  // Several passes: choosing a country can re-render the province and postal fields with new options, and an
  // address can bring shipping methods to choose from once the page has looked them up.
  await settleBusy(page, timeoutMs);
  onProgress('page not busy');
  for (let pass = 0; pass < 4; pass++) {
    const pending = (await describeFields(page)).filter((f) => f.required && f.needsInput);
    const radioGroups = new Set<string>();
    const actions: FillAction[] = [];
    for (const field of pending) {
      if (field.type === 'radio') {
        if (radioGroups.has(field.name)) continue;
        radioGroups.add(field.name);
      }
      if (!fields.includes(field.key)) fields.push(field.key);
      const action = isPaymentField(field) ? null : actionFor(field, address);
      if (action) actions.push(action);
      else if (!leftEmpty.includes(field.key)) leftEmpty.push(field.key);
    }
    if (actions.length === 0) break;
    await applyActions(page, actions);
    onProgress(`fill pass ${pass + 1}`);
    await settleBusy(page, timeoutMs);
    onProgress(`page not busy after fill pass ${pass + 1}`);
  }
  const inFrames = await frameFields(page, timeoutMs);
  onProgress('fields in frames counted');
  for (const key of inFrames) {
    const unique = fields.includes(key) ? `frame:${key}` : key;
    fields.push(unique);
    leftEmpty.push(unique);
  }
  return { fields, leftEmpty };
}
