// Choosing the product's options the way a shopper does before adding to the cart. Themes differ: Dawn
// preselects the first available variant, others preselect the first variant even when it is sold out, and
// some preselect nothing and keep the add button disabled until every option is chosen (Horizon's variant
// picker can, a plain <select> with a "Choose a size" placeholder does). For each option group of the
// product (radio pills or a select) left unchosen or on an unavailable value, the first available value is
// chosen; the add button's state afterwards is the selected variant's state, which is what "sold out" means.
import type { ElementHandle } from 'puppeteer-core';

/** Text a theme puts on, or next to, a value that cannot be bought. */
export const UNAVAILABLE_TEXT = /sold out|out of stock|unavailable/i;

/** Runs in the page from the add button: chooses what the product still needs; returns "group=value" per choice. */
function chooseInPage(button: Element, unavailableSource: string): string[] {
  const unavailable = new RegExp(unavailableSource, 'i');
  const form = (button as HTMLButtonElement).form ?? button.closest('form');
  const heading = document.querySelector('main h1, [role="main"] h1') ?? [...document.querySelectorAll('h1')].find((h) => !h.closest('header'));
  // The product's own section: the button's nearest ancestor that also holds the product title, unless that
  // is the whole page (then only the form is the product's).
  let scope: Element | null = button;
  while (scope && heading && !scope.contains(heading)) scope = scope.parentElement;
  if (!scope || scope === document.body || scope.matches('main, [role="main"]')) scope = form ?? button.parentElement ?? document.body;
  const owned = (el: Element): boolean => scope!.contains(el) || (!!form?.id && el.getAttribute('form') === form.id);
  const labelOf = (el: HTMLInputElement | HTMLSelectElement): string => (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim();
  const isQuantity = (el: Element): boolean => /quantity/i.test(`${el.getAttribute('name')} ${el.id}`);
  const fire = (el: Element): void => ['input', 'change'].forEach((t) => el.dispatchEvent(new Event(t, { bubbles: true })));
  const chosen: string[] = [];

  const radios = ([...document.querySelectorAll('input[type="radio"]')] as HTMLInputElement[]).filter((r) => owned(r) && !isQuantity(r) && r.name);
  const groups = new Map<string, HTMLInputElement[]>();
  for (const r of radios) groups.set(r.name, [...(groups.get(r.name) ?? []), r]);
  const radioOk = (r: HTMLInputElement): boolean => !r.disabled && !r.classList.contains('disabled') && r.getAttribute('aria-disabled') !== 'true' && !unavailable.test(labelOf(r));
  for (const [name, group] of groups) {
    const checked = group.find((r) => r.checked);
    if (checked && radioOk(checked)) continue;
    const pick = group.find(radioOk);
    if (!pick) continue;
    // Pills hide the radio itself; the label is what a shopper presses.
    const label = pick.labels?.[0];
    if (label && label.getClientRects().length > 0) label.click();
    else pick.click();
    chosen.push(`${name}=${pick.value}`);
  }

  const selects = ([...document.querySelectorAll('select')] as HTMLSelectElement[]).filter((s) => owned(s) && !isQuantity(s) && !s.disabled);
  for (const select of selects) {
    const optionOk = (o: HTMLOptionElement): boolean => o.value !== '' && !o.disabled && !unavailable.test(o.text);
    const current = select.selectedOptions[0];
    if (current && optionOk(current)) continue;
    const pick = [...select.options].find(optionOk);
    if (!pick) continue;
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, pick.value);
    fire(select);
    chosen.push(`${select.name || select.id}=${pick.text.trim()}`);
  }
  return chosen;
}

export async function chooseVariant(button: ElementHandle<Element>): Promise<string[]> {
  return button.evaluate(chooseInPage, UNAVAILABLE_TEXT.source).catch(() => []);
}

/** The variant id the button's own form will post, when it has one. */
export async function formVariantId(button: ElementHandle<Element>): Promise<string | null> {
  return button
    .evaluate((b) => {
      const form = (b as HTMLButtonElement).form ?? b.closest('form');
      const field = form?.elements.namedItem('id');
      const value = field && 'value' in field ? String(field.value).trim() : '';
      return /^\d+$/.test(value) ? value : null;
    })
    .catch(() => null);
}
