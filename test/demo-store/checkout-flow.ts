import { productAt } from '../../src/demo-store/catalog.ts';
import { Shopper } from './dom.ts';

/** Test data a shopper would type, and a cart ready for checkout. */
export const ADDRESS = {
  email: 'shopper@example.com', countryCode: 'US', firstName: 'Ada', lastName: 'Lovelace', address1: '1 Main St',
  address2: '', city: 'Albany', zone: 'NY', postalCode: '12207', phone: '',
};
export const CARD = { cardNumber: '4242 4242 4242 4242', expiry: '12 / 39', verificationCode: '123', nameOnCard: 'Ada Lovelace' };

export async function shopperWithCart(base: string): Promise<{ shopper: Shopper; checkoutPath: string }> {
  const shopper = new Shopper(base);
  await shopper.postJson('/cart/add.js', { id: productAt(0).variantId, quantity: 1 });
  const res = await shopper.post('/cart', { checkout: '' });
  if (res.status !== 302) throw new Error(`checkout button answered ${res.status}`);
  return { shopper, checkoutPath: res.headers.get('location')! };
}
