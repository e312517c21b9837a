import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { DemoStore } from '../../src/demo-store/server.ts';
import { ADDRESS, CARD, shopperWithCart } from './checkout-flow.ts';
import { all, hasClass, one, textOf } from './dom.ts';

let store: DemoStore;
beforeAll(async () => {
  store = await startDemoStore({ variant: 'defective', checkout: 'three-page' });
});
afterAll(async () => {
  await store.close();
});

describe('three-page checkout', () => {
  it('the checkout button leads to information, shipping and payment; no order until /complete', async () => {
    const { shopper, checkoutPath } = await shopperWithCart(store.url);
    expect(checkoutPath).toMatch(/^\/checkouts\/cn\/[0-9a-f]{32}\/information$/);
    const info = await shopper.request(checkoutPath);
    expect(info.status).toBe(200);
    const expected: Record<string, [string, string]> = {
      email: ['email', 'email'], firstName: ['text', 'given-name'], lastName: ['text', 'family-name'], address1: ['text', 'address-line1'],
      address2: ['text', 'address-line2'], city: ['text', 'address-level2'], postalCode: ['text', 'postal-code'], phone: ['tel', 'tel'],
    };
    for (const [name, [type, autocomplete]] of Object.entries(expected)) {
      const input = one(info.doc, 'input', { name });
      expect([input.attribs.type, input.attribs.autocomplete], name).toEqual([type, autocomplete]);
    }
    expect(one(info.doc, 'select', { name: 'zone' }).attribs.autocomplete).toBe('address-level1');
    const country = one(info.doc, 'select', { name: 'countryCode' });
    expect(one(country, 'option', { selected: '' }).attribs.value).toBe('US');
    expect(textOf(one(info.doc, 'button', { type: 'submit' }))).toBe('Continue to shipping');

    const toShipping = await shopper.post(checkoutPath, ADDRESS);
    expect(toShipping.status).toBe(302);
    const shippingPath = toShipping.headers.get('location')!;
    expect(shippingPath).toMatch(/\/shipping$/);
    const shipping = await shopper.request(shippingPath);
    const radios = all(shipping.doc, 'input', { name: 'shippingRate' });
    expect(radios.length).toBeGreaterThanOrEqual(2);
    expect(radios[0]!.attribs.checked).toBeDefined();
    expect(textOf(one(shipping.doc, 'button', { type: 'submit' }))).toBe('Continue to payment');

    const toPayment = await shopper.post(shippingPath, { shippingRate: radios[0]!.attribs.value! });
    const paymentPath = toPayment.headers.get('location')!;
    expect(paymentPath).toMatch(/\/payment$/);
    const payment = await shopper.request(paymentPath);
    for (const [name, autocomplete] of [['cardNumber', 'cc-number'], ['expiry', 'cc-exp'], ['verificationCode', 'cc-csc'], ['nameOnCard', 'cc-name']]) {
      expect(one(payment.doc, 'input', { name: name! }).attribs.autocomplete).toBe(autocomplete);
    }
    const form = one(payment.doc, 'form', { class: hasClass('edit_checkout') });
    expect(form.attribs.action).toMatch(/\/complete$/);
    expect(textOf(one(form, 'button', { type: 'submit' }))).toBe('Pay now');
    expect(store.orders()).toEqual([]);

    const paid = await shopper.post(form.attribs.action!, CARD);
    expect(paid.status).toBe(302);
    expect(paid.headers.get('location')).toMatch(/\/thank-you$/);
    const orders = store.orders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ email: ADDRESS.email, cardLast4: '4242', shippingAddress: { postalCode: '12207' } });
    expect(JSON.stringify(orders[0])).not.toContain('4242 4242');
    const thanks = await shopper.request(paid.headers.get('location')!);
    expect(thanks.body).toContain(`Order #${orders[0]!.number}`);
  });

  it('rejects missing and invalid fields with aria-invalid and a named error, keeping the typed values', async () => {
    const { shopper, checkoutPath } = await shopperWithCart(store.url);
    const page = await shopper.post(checkoutPath, { ...ADDRESS, postalCode: '1220', lastName: '', email: 'not-an-email' });
    expect(page.status).toBe(200);
    const zip = one(page.doc, 'input', { name: 'postalCode' });
    expect(zip.attribs['aria-invalid']).toBe('true');
    expect(zip.attribs.value).toBe('1220');
    const message = one(page.doc, 'p', { id: zip.attribs['aria-describedby']! });
    expect(message.attribs.class).toContain('field__message--error');
    expect(textOf(message)).toBe('Enter a valid ZIP code for New York');
    expect(one(page.doc, 'input', { name: 'lastName' }).attribs['aria-invalid']).toBe('true');
    expect(one(page.doc, 'input', { name: 'email' }).attribs['aria-invalid']).toBe('true');
    expect(one(page.doc, 'input', { name: 'city' }).attribs['aria-invalid']).toBeUndefined();
    expect(all(page.doc, 'p', { class: hasClass('field__message--error') })).toHaveLength(3);
  });

  it('steps cannot be skipped, and a bad card is refused without an order', async () => {
    const { shopper, checkoutPath } = await shopperWithCart(store.url);
    const base = checkoutPath.replace(/\/information$/, '');
    expect((await shopper.request(`${base}/payment`)).headers.get('location')).toBe(`${base}/information`);
    expect((await shopper.post(`${base}/complete`, CARD)).headers.get('location')).toBe(`${base}/information`);
    await shopper.post(checkoutPath, ADDRESS);
    expect((await shopper.request(`${base}/payment`)).headers.get('location')).toBe(`${base}/shipping`);
    await shopper.post(`${base}/shipping`, { shippingRate: 'shopify-Express-14.90' });
    const before = store.orders().length;
    const refused = await shopper.post(`${base}/complete`, { ...CARD, cardNumber: '4242 4242 4242 4241', expiry: '01 / 20' });
    expect(refused.status).toBe(200);
    expect(one(refused.doc, 'input', { name: 'cardNumber' }).attribs['aria-invalid']).toBe('true');
    expect(one(refused.doc, 'input', { name: 'cardNumber' }).attribs.value).toBe('');
    expect(one(refused.doc, 'input', { name: 'expiry' }).attribs['aria-invalid']).toBe('true');
    expect(store.orders().length).toBe(before);
    expect((await shopper.post(`${base}/shipping`, { shippingRate: 'teleport' })).body).toContain('Select a shipping method');
  });

  it('an unknown checkout token answers 404', async () => {
    const res = await fetch(`${store.url}/checkouts/cn/${'0'.repeat(32)}/information`);
    expect(res.status).toBe(404);
  });
});
