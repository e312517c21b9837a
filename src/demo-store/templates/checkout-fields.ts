import { COUNTRIES, SHIPPING_RATES, countryByCode } from '../checkout/regions.ts';
import type { FieldErrors } from '../checkout/validate.ts';
import { formatMoney } from '../catalog.ts';
import { esc } from '../http.ts';

/** Checkout form fields with real autocomplete/type/name attributes and Shopify's error markup. */
interface FieldDef {
  name: string;
  label: string;
  type?: string;
  autocomplete: string;
  required: boolean;
  inputmode?: string;
  placeholder?: string;
  full?: boolean;
}

function wrap(def: FieldDef, control: string, error: string | undefined): string {
  return `<div class="field${def.required ? ' field--required' : ''}${error ? ' field--error' : ''}${def.full === false ? '' : ' field--full'}" data-field="${def.name}">
<label class="field__label" for="checkout_${def.name}">${esc(def.label)}${def.required ? '' : ' (optional)'}</label>
${control}${error ? `
<p class="field__message field__message--error" id="error-for-${def.name}">${esc(error)}</p>` : ''}</div>`;
}

function describe(def: FieldDef, error: string | undefined): string {
  return `${def.required ? ' required aria-required="true"' : ''}${error ? ` aria-invalid="true" aria-describedby="error-for-${def.name}"` : ''}`;
}

export function input(def: FieldDef, value: string, errors: FieldErrors): string {
  const error = errors[def.name];
  const control = `<input class="field__input" id="checkout_${def.name}" name="${def.name}" type="${def.type ?? 'text'}" autocomplete="${def.autocomplete}" value="${esc(value)}"${def.inputmode ? ` inputmode="${def.inputmode}"` : ''}${def.placeholder ? ` placeholder="${esc(def.placeholder)}"` : ''}${describe(def, error)}>`;
  return wrap(def, control, error);
}

function select(def: FieldDef, options: [string, string][], value: string, errors: FieldErrors): string {
  const error = errors[def.name];
  const opts = options.map(([v, label]) => `<option value="${esc(v)}"${v === value ? ' selected' : ''}>${esc(label)}</option>`).join('');
  return wrap(def, `<select class="field__input field__input--select" id="checkout_${def.name}" name="${def.name}" autocomplete="${def.autocomplete}"${describe(def, error)}>${opts}</select>`, error);
}

export function addressFields(v: Record<string, string>, errors: FieldErrors): string {
  const country = countryByCode(v.countryCode ?? '') ?? COUNTRIES[0]!;
  return `<div class="fieldset">
${select({ name: 'countryCode', label: 'Country/Region', autocomplete: 'country', required: true }, COUNTRIES.map((c) => [c.code, c.name]), country.code, errors)}
${input({ name: 'firstName', label: 'First name', autocomplete: 'given-name', required: true, full: false }, v.firstName ?? '', errors)}
${input({ name: 'lastName', label: 'Last name', autocomplete: 'family-name', required: true, full: false }, v.lastName ?? '', errors)}
${input({ name: 'address1', label: 'Address', autocomplete: 'address-line1', required: true }, v.address1 ?? '', errors)}
${input({ name: 'address2', label: 'Apartment, suite, etc.', autocomplete: 'address-line2', required: false }, v.address2 ?? '', errors)}
${input({ name: 'city', label: 'City', autocomplete: 'address-level2', required: true, full: false }, v.city ?? '', errors)}
${select({ name: 'zone', label: country.zoneLabel, autocomplete: 'address-level1', required: true, full: false }, [['', country.zoneLabel], ...country.zones], v.zone ?? '', errors)}
${input({ name: 'postalCode', label: country.postalLabel, autocomplete: 'postal-code', required: true, inputmode: 'numeric', full: false }, v.postalCode ?? '', errors)}
${input({ name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', required: false, full: false }, v.phone ?? '', errors)}
</div>`;
}

export function emailField(value: string, errors: FieldErrors): string {
  return input({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true }, value, errors);
}

export function shippingRates(selected: string | undefined, errors: FieldErrors): string {
  const chosen = selected ?? SHIPPING_RATES[0]!.handle;
  return `<fieldset class="content-box" id="shipping-methods"><legend class="visually-hidden">Choose a shipping method</legend>
${SHIPPING_RATES.map((r) => `<div class="radio-wrapper" data-shipping-method="${r.handle}"><label><input class="input-radio" type="radio" name="shippingRate" value="${r.handle}" id="checkout_shipping_rate_${r.handle}"${r.handle === chosen ? ' checked' : ''}> ${esc(r.title)}</label><span class="content-box__emphasis">${formatMoney(r.cents)}</span></div>`).join('\n')}
${errors.shippingRate ? `<p class="field__message field__message--error">${esc(errors.shippingRate)}</p>` : ''}</fieldset>`;
}

export function paymentFields(v: Record<string, string>, errors: FieldErrors): string {
  return `<div class="fieldset" data-payment-form>
${input({ name: 'cardNumber', label: 'Card number', autocomplete: 'cc-number', required: true, inputmode: 'numeric', placeholder: 'Card number' }, v.cardNumber ?? '', errors)}
${input({ name: 'expiry', label: 'Expiration date (MM / YY)', autocomplete: 'cc-exp', required: true, inputmode: 'numeric', placeholder: 'MM / YY', full: false }, v.expiry ?? '', errors)}
${input({ name: 'verificationCode', label: 'Security code', autocomplete: 'cc-csc', required: true, inputmode: 'numeric', full: false }, v.verificationCode ?? '', errors)}
${input({ name: 'nameOnCard', label: 'Name on card', autocomplete: 'cc-name', required: true }, v.nameOnCard ?? '', errors)}
</div>`;
}

export function errorBanner(errors: FieldErrors): string {
  const n = Object.keys(errors).length;
  return n ? `<div class="notice notice--error" role="alert"><p>Please correct ${n} field${n > 1 ? 's' : ''} below.</p></div>` : '';
}
