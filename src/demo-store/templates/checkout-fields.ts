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

/**
 * Hosted checkout: the shipping methods are not in the page; a script asks for them (shipping_rates.json) once
 * an address is known, marking the section aria-busy meanwhile. Three-page: on load, first rate preselected
 * and the continue button disabled until they arrive. One-page: once every address field is filled, with
 * none preselected (the shopper chooses; Pay now stays disabled until then).
 */
export function lateShippingRates(token: string, mode: 'on-load' | 'after-address'): string {
  const waiting = mode === 'on-load' ? 'Getting available shipping rates…' : 'Enter your shipping address to view available shipping methods.';
  return `<div id="shipping-methods" class="content-box" data-late-rates="${mode}"${mode === 'on-load' ? ' aria-busy="true"' : ''}><p class="content-box__row shipping-rates--pending">${waiting}</p></div>
<script>(function (run) { if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run(); })(function () {
  var box = document.getElementById('shipping-methods');
  var button = document.querySelector('.step__footer__continue-btn');
  var mode = box.dataset.lateRates;
  if (button) button.disabled = true;
  function render(rates) {
    box.innerHTML = '<fieldset><legend class="visually-hidden">Choose a shipping method</legend>' + rates.map(function (r, i) {
      return '<div class="radio-wrapper" data-shipping-method="' + r.handle + '"><label><input class="input-radio" type="radio" name="shippingRate" required value="' + r.handle + '" id="checkout_shipping_rate_' + r.handle + '"' + (mode === 'on-load' && i === 0 ? ' checked' : '') + '> ' + r.title + '</label><span class="content-box__emphasis">' + r.price + '</span></div>';
    }).join('') + '</fieldset>';
    box.removeAttribute('aria-busy');
    if (button) button.disabled = mode !== 'on-load';
  }
  function load(query) {
    box.setAttribute('aria-busy', 'true');
    fetch('/checkouts/cn/${token}/shipping_rates.json' + query).then(function (r) { return r.json(); }).then(function (body) { render(body.shipping_rates); })
      .catch(function () { box.removeAttribute('aria-busy'); });
  }
  if (mode === 'on-load') { load(''); return; }
  var form = box.closest('form');
  var needed = ['countryCode', 'address1', 'city', 'zone', 'postalCode'];
  var timer = null, loaded = '';
  box.addEventListener('change', function () { if (button) button.disabled = !form.querySelector('[name=shippingRate]:checked'); });
  form.addEventListener('change', function (e) {
    if (!e.target.name || needed.indexOf(e.target.name) < 0) return;
    var values = needed.map(function (n) { var el = form.elements[n]; return el ? el.value.trim() : ''; });
    if (values.some(function (v) { return !v; })) return;
    var query = '?' + new URLSearchParams({ country: values[0], zone: values[3], zip: values[4] }).toString();
    if (query === loaded) return;
    loaded = query;
    box.setAttribute('aria-busy', 'true');
    clearTimeout(timer);
    timer = setTimeout(function () { load(query); }, 300);
  });
});</script>`;
}

export function shippingRates(selected: string | undefined, errors: FieldErrors): string {
  const chosen = selected ?? SHIPPING_RATES[0]!.handle;
  return `<fieldset class="content-box" id="shipping-methods"><legend class="visually-hidden">Choose a shipping method</legend>
${SHIPPING_RATES.map((r) => `<div class="radio-wrapper" data-shipping-method="${r.handle}"><label><input class="input-radio" type="radio" name="shippingRate" value="${r.handle}" id="checkout_shipping_rate_${r.handle}"${r.handle === chosen ? ' checked' : ''}> ${esc(r.title)}</label><span class="content-box__emphasis">${formatMoney(r.cents)}</span></div>`).join('\n')}
${errors.shippingRate ? `<p class="field__message field__message--error">${esc(errors.shippingRate)}</p>` : ''}</fieldset>`;
}

/** Where Shopify's hosted card fields come from (the card vault's origin, cross-site to the checkout). */
export interface HostedCheckout {
  cardOrigin: string;
}

/** The card vault's field frames, one per field as Shopify's card fields are, named `card-fields-<field>-<id>`. */
export const CARD_FRAME_FIELDS = [
  { field: 'number', title: 'Card number', autocomplete: 'cc-number', inputmode: 'numeric' },
  { field: 'expiry', title: 'Expiration date (MM / YY)', autocomplete: 'cc-exp', inputmode: 'numeric' },
  { field: 'verification_value', title: 'Security code', autocomplete: 'cc-csc', inputmode: 'numeric' },
  { field: 'name', title: 'Name on card', autocomplete: 'cc-name', inputmode: 'text' },
] as const;

function hostedCardFields(token: string, hosted: HostedCheckout): string {
  return `<div class="fieldset card-fields-container" data-payment-form>${CARD_FRAME_FIELDS.map((f) => `<div class="field field--required${f.field === 'expiry' || f.field === 'verification_value' ? '' : ' field--full'}" data-card-field="${f.field}">
<iframe class="card-fields-iframe" frameborder="0" name="card-fields-${f.field}-${token.slice(0, 12)}" title="Field container for: ${f.title}" src="${hosted.cardOrigin}/card-fields/${f.field}.html?identifier=${token.slice(0, 12)}" style="width:100%;height:3.2rem;border:0"></iframe></div>`).join('\n')}
<input type="hidden" name="s" value=""></div>`;
}

export function paymentFields(v: Record<string, string>, errors: FieldErrors, hosted?: HostedCheckout, token = ''): string {
  if (hosted) return hostedCardFields(token, hosted);
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
