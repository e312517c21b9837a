// A fix's words come from the 'fixes' catalogue (src/i18n/messages/fixes.ts): each rule builds messages, and the
// report's English fields (title, evidence, howTo) are those messages rendered in English, so the English lives
// only in the catalogue and `fix.text` lets the HTML report and the admin show the reader's language.
import { englishText } from '../i18n/format-message.ts';
import { FIX_STRINGS } from '../i18n/messages/fixes.ts';
import { lighthouseTitle } from '../i18n/messages/lighthouse.ts';
import { bytes as bytesParam, code, count, messageFn, ms as msParam, nested, url } from '../report/message.ts';
import type { Fix, LoadTimePage, Message, MessageParam } from '../report/schema.ts';
import { pathOf } from './rules/util.ts';

export const fixMsg = messageFn('fixes', FIX_STRINGS);
export { code, count, nested, url };
export const msP = msParam;
export const bytesP = bytesParam;

export type FixWords = Pick<Fix, 'title' | 'evidence' | 'howTo'> & { text: NonNullable<Fix['text']> };

/** The English fields and the messages they come from. */
export function fixWords(title: Message, evidence: Message, howTo: Message[]): FixWords {
  return { title: englishText(title), evidence: englishText(evidence), howTo: howTo.map(englishText), text: { title, evidence, howTo } };
}

/** A Lighthouse opportunity's title in a merchant's words, or Lighthouse's own English title as data. */
export function opportunityTitle(id: string, lighthouseEnglish: string): Message {
  return lighthouseTitle(id) ?? fixMsg('lighthouseTitle', { title: lighthouseEnglish });
}

/** "/products/a (product, mobile)": the page's path and its template and device, as messages. */
export function wherePage(page: LoadTimePage): MessageParam {
  return nested(fixMsg('where', { path: url(pathOf(page.url)), template: nested({ id: `common.template.${page.template}` }), device: nested({ id: `common.device.${page.device}` }) }));
}

/** The first few places, then how many more, as one message parameter. */
export function placesParam(urls: string[], max = 5): MessageParam {
  return nested(fixMsg('places', { shown: url(urls.slice(0, max).map(pathOf).join(', ')), more: Math.max(0, urls.length - max) }));
}

/** Several pages' evidence messages as one: up to `max` joined, then "and N more". */
export function joinEvidence(list: Message[], max = 6): Message {
  const shown = list.slice(0, max);
  let out = shown[shown.length - 1]!;
  for (let i = shown.length - 2; i >= 0; i--) out = fixMsg('evidenceJoin', { first: nested(shown[i]!), rest: nested(out) });
  return list.length > max ? fixMsg('evidenceMore', { first: nested(out), n: list.length - max }) : out;
}

const STEPS = new Set(['home', 'product', 'cart', 'information', 'shipping', 'payment', 'checkout']);

/** A checkout step's name in the reader's language when it is one of the journey's own steps. */
export function stepParam(name: string): MessageParam {
  return STEPS.has(name) ? nested(fixMsg(`step.${name}` as 'step.home')) : name;
}
