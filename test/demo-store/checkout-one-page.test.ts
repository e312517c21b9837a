import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { DemoStore } from '../../src/demo-store/server.ts';
import { ADDRESS, CARD, shopperWithCart } from './checkout-flow.ts';
import { all, one, textOf } from './dom.ts';

let store: DemoStore;
beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed', checkout: 'one-page' });
});
afterAll(async () => {
  await store.close();
});

describe('one-page checkout', () => {
  it('one page holds address, shipping and payment fields; Pay now posts to /complete', async () => {
    const { shopper, checkoutPath } = await shopperWithCart(store.url);
    expect(checkoutPath).toMatch(/^\/checkouts\/cn\/[0-9a-f]{32}$/);
    const page = await shopper.request(checkoutPath);
    for (const name of ['email', 'firstName', 'lastName', 'address1', 'city', 'postalCode', 'cardNumber', 'expiry', 'verificationCode', 'nameOnCard']) one(page.doc, 'input', { name });
    expect(all(page.doc, 'input', { name: 'shippingRate' }).length).toBeGreaterThanOrEqual(2);
    const form = one(page.doc, 'form', { action: `${checkoutPath}/complete` });
    expect(textOf(one(form, 'button', { type: 'submit' }))).toBe('Pay now');
    expect((await shopper.request(`${checkoutPath}/information`)).headers.get('location')).toBe(checkoutPath);
    expect(store.orders()).toEqual([]);

    const invalid = await shopper.post(`${checkoutPath}/complete`, { ...ADDRESS, ...CARD, shippingRate: 'shopify-Standard-5.90', postalCode: 'ABCDE' });
    expect(invalid.status).toBe(200);
    expect(one(invalid.doc, 'input', { name: 'postalCode' }).attribs['aria-invalid']).toBe('true');
    expect(store.orders()).toEqual([]);

    const paid = await shopper.post(`${checkoutPath}/complete`, { ...ADDRESS, ...CARD, shippingRate: 'shopify-Standard-5.90' });
    expect(paid.headers.get('location')).toBe(`${checkoutPath}/thank-you`);
    expect(store.orders()).toHaveLength(1);
    expect(store.orders()[0]!.shippingCents).toBe(590);
    expect((await shopper.request('/cart.js')).body).toContain('"item_count":0');
  });
});
