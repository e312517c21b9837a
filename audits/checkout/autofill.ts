// Chooses a value for a form field the way a browser's autofill does: the `autocomplete` token first (the
// HTML spec's autofill field names), then the input type, then the field's name/id/label. Card fields are
// never given a value: the journey stops before payment and must not even look like it is paying.
import type { TestAddress } from './test-address.ts';

/** What the page tells us about one field, read in the browser by fill-step.ts. */
export interface FieldDescriptor {
  tag: 'input' | 'select' | 'textarea';
  type: string;
  name: string;
  id: string;
  autocomplete: string;
  label: string;
}

/** Candidate values, best first; a select takes the first that matches an option's value or text. */
export type AutofillChoice = { kind: 'value'; candidates: string[] } | { kind: 'payment' } | { kind: 'unknown' };

type AddressKey = Exclude<keyof TestAddress, 'fallbackText' | 'provinceName' | 'countryName'> | 'fullName' | 'streetAddress';

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field
const AUTOCOMPLETE_TOKENS: Record<string, AddressKey> = {
  email: 'email',
  username: 'email',
  name: 'fullName',
  'given-name': 'firstName',
  'family-name': 'lastName',
  organization: 'company',
  'street-address': 'streetAddress',
  'address-line1': 'address1',
  'address-line2': 'address2',
  'address-level2': 'city',
  'address-level1': 'province',
  'postal-code': 'postalCode',
  country: 'country',
  'country-name': 'country',
  tel: 'phone',
  'tel-national': 'phone',
};

// Checked in order against "name id label"; the first match wins, so specific patterns come first.
const NAME_PATTERNS: Array<[RegExp, AddressKey]> = [
  [/e-?mail/i, 'email'],
  [/first.?name|given.?name|fname/i, 'firstName'],
  [/last.?name|family.?name|surname|lname/i, 'lastName'],
  [/company|organi[sz]ation/i, 'company'],
  [/address.?(line)?.?2|apartment|suite|\bapt\b/i, 'address2'],
  [/address.?(line)?.?1|street|address$/i, 'address1'],
  [/city|town|locality/i, 'city'],
  [/zip|postal|post.?code/i, 'postalCode'],
  [/province|zone|state|region|county/i, 'province'],
  [/country/i, 'country'],
  [/phone|mobile|\btel\b/i, 'phone'],
  [/\bname\b|full.?name/i, 'fullName'],
];

const PAYMENT_NAME = /card.?number|cc.?(number|num|exp|csc|cvc|cvv)|credit.?card|verification.?code|security.?code|\bcvv\b|\bcvc\b|expir|name.?on.?card/i;

/** The autofill field name in an autocomplete attribute such as "section-x shipping given-name". */
export function autocompleteToken(attribute: string): string {
  const tokens = attribute.toLowerCase().trim().split(/\s+/).filter(Boolean);
  const ignored = new Set(['shipping', 'billing', 'home', 'work', 'mobile', 'fax', 'pager', 'webauthn', 'on', 'off']);
  return tokens.filter((t) => !t.startsWith('section-') && !ignored.has(t)).at(-1) ?? '';
}

export function isPaymentField(field: FieldDescriptor): boolean {
  const token = autocompleteToken(field.autocomplete);
  if (token.startsWith('cc-')) return true;
  return PAYMENT_NAME.test(`${field.name} ${field.id} ${field.label}`);
}

function keyFor(field: FieldDescriptor): AddressKey | null {
  const byToken = AUTOCOMPLETE_TOKENS[autocompleteToken(field.autocomplete)];
  if (byToken) return byToken;
  if (field.type === 'email') return 'email';
  if (field.type === 'tel') return 'phone';
  const text = `${field.name} ${field.id} ${field.label}`;
  for (const [pattern, key] of NAME_PATTERNS) if (pattern.test(text)) return key;
  return null;
}

function candidatesFor(key: AddressKey, address: TestAddress): string[] {
  switch (key) {
    case 'fullName':
      return [`${address.firstName} ${address.lastName}`];
    case 'streetAddress':
      return [[address.address1, address.address2].filter(Boolean).join('\n')];
    case 'province':
      return [address.province, address.provinceName];
    case 'country':
      return [address.country, address.countryName];
    default:
      return [address[key]];
  }
}

export function chooseAutofillValue(field: FieldDescriptor, address: TestAddress): AutofillChoice {
  if (isPaymentField(field)) return { kind: 'payment' };
  const key = keyFor(field);
  if (!key) return field.tag === 'select' ? { kind: 'value', candidates: [] } : { kind: 'unknown' };
  return { kind: 'value', candidates: candidatesFor(key, address) };
}
