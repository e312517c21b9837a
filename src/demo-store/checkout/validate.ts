import { COUNTRIES, SHIPPING_RATES, countryByCode } from './regions.ts';
import type { ShippingRate } from './regions.ts';

/** Server-side validation of each checkout step; messages follow Shopify's wording. */
export type FieldErrors = Record<string, string>;

export interface Address {
  email: string;
  countryCode: string;
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  city: string;
  zone: string;
  postalCode: string;
  phone: string;
}

export interface Payment {
  cardNumber: string;
  expiry: string;
  verificationCode: string;
  nameOnCard: string;
}

const get = (form: URLSearchParams, name: string): string => (form.get(name) ?? '').trim().slice(0, 200);

export function validateInformation(form: URLSearchParams): { values: Address; errors: FieldErrors } {
  const values: Address = {
    email: get(form, 'email'), countryCode: get(form, 'countryCode') || COUNTRIES[0]!.code, firstName: get(form, 'firstName'),
    lastName: get(form, 'lastName'), address1: get(form, 'address1'), address2: get(form, 'address2'), city: get(form, 'city'),
    zone: get(form, 'zone'), postalCode: get(form, 'postalCode'), phone: get(form, 'phone'),
  };
  const errors: FieldErrors = {};
  if (!values.email) errors.email = 'Enter an email';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = 'Enter a valid email';
  const country = countryByCode(values.countryCode);
  if (!country) errors.countryCode = 'Select a country/region';
  if (!values.firstName) errors.firstName = 'Enter a first name';
  if (!values.lastName) errors.lastName = 'Enter a last name';
  if (!values.address1) errors.address1 = 'Enter an address';
  if (!values.city) errors.city = 'Enter a city';
  const zone = country?.zones.find(([code]) => code === values.zone);
  if (country && !zone) errors.zone = `Select a ${country.zoneLabel.toLowerCase()}`;
  if (!values.postalCode) errors.postalCode = `Enter a ${country?.postalLabel ?? 'postal code'}`;
  else if (country && !country.postalPattern.test(values.postalCode)) {
    errors.postalCode = `Enter a valid ${country.postalLabel} for ${zone?.[1] ?? country.name}`;
  }
  if (values.phone && values.phone.replace(/\D/g, '').length < 7) errors.phone = 'Enter a valid phone number';
  return { values, errors };
}

export function validateShipping(form: URLSearchParams): { rate: ShippingRate | undefined; errors: FieldErrors } {
  const rate = SHIPPING_RATES.find((r) => r.handle === get(form, 'shippingRate'));
  return { rate, errors: rate ? {} : { shippingRate: 'Select a shipping method' } };
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function validatePayment(form: URLSearchParams, now = new Date()): { values: Payment; errors: FieldErrors } {
  const values: Payment = {
    cardNumber: get(form, 'cardNumber').replace(/[\s-]/g, ''), expiry: get(form, 'expiry'),
    verificationCode: get(form, 'verificationCode'), nameOnCard: get(form, 'nameOnCard'),
  };
  const errors: FieldErrors = {};
  if (!values.cardNumber) errors.cardNumber = 'Enter a card number';
  else if (!/^\d{13,19}$/.test(values.cardNumber) || !luhn(values.cardNumber)) errors.cardNumber = 'Enter a valid card number';
  const m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(values.expiry);
  if (!values.expiry) errors.expiry = 'Enter a valid expiration date';
  else if (!m) errors.expiry = 'Enter a valid expiration date';
  else {
    const month = Number(m[1]);
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    const endOfMonth = new Date(Date.UTC(year, month, 1));
    if (month < 1 || month > 12 || endOfMonth <= now) errors.expiry = 'Enter a valid expiration date';
  }
  if (!/^\d{3,4}$/.test(values.verificationCode)) errors.verificationCode = 'Enter the CVV or security code on your card';
  if (!values.nameOnCard) errors.nameOnCard = 'Enter your name exactly as it’s written on your card';
  return { values, errors };
}
