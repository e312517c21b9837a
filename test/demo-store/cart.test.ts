import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productAt, SOLD_OUT_INDEX } from '../../src/demo-store/catalog.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import type { DemoStore } from '../../src/demo-store/server.ts';
import { Shopper } from './dom.ts';

let store: DemoStore;
beforeAll(async () => {
  store = await startDemoStore({ variant: 'fixed' });
});
afterAll(async () => {
  await store.close();
});

interface CartJson {
  token: string;
  item_count: number;
  total_price: number;
  items: { id: number; quantity: number; handle: string }[];
}

describe('Ajax Cart API', () => {
  it('add.js adds a line and returns it; cart.js reflects the cookie cart', async () => {
    const shopper = new Shopper(store.url);
    const p = productAt(1);
    const added = await shopper.postJson('/cart/add.js', { id: p.variantId, quantity: 2 });
    expect(added.status).toBe(200);
    expect(JSON.parse(added.body)).toMatchObject({ id: p.variantId, quantity: 2, handle: p.handle, price: p.priceCents });
    expect(shopper.cookie).toMatch(/^cart=/);
    await shopper.postJson('/cart/add.js', { items: [{ id: p.variantId, quantity: 1 }, { id: productAt(2).variantId, quantity: 1 }] });
    const cart = JSON.parse((await shopper.request('/cart.js')).body) as CartJson;
    expect(cart.item_count).toBe(4);
    expect(cart.items.map((i) => [i.id, i.quantity])).toEqual([[p.variantId, 3], [productAt(2).variantId, 1]]);
    expect(cart.total_price).toBe(p.priceCents * 3 + productAt(2).priceCents);
    const cleared = JSON.parse((await shopper.request('/cart/clear.js', { method: 'POST' })).body) as CartJson;
    expect(cleared.item_count).toBe(0);
    expect((JSON.parse((await shopper.request('/cart.js')).body) as CartJson).items).toEqual([]);
  });

  it('change.js and update.js set quantities by line, variant id or map, and refuse bad ones', async () => {
    const shopper = new Shopper(store.url);
    const [a, b] = [productAt(6), productAt(7)];
    await shopper.postJson('/cart/add.js', { items: [{ id: a.variantId, quantity: 1 }, { id: b.variantId, quantity: 1 }] });
    let cart = JSON.parse((await shopper.postJson('/cart/change.js', { line: 1, quantity: 4 })).body) as CartJson;
    expect(cart.items.map((i) => i.quantity)).toEqual([4, 1]);
    cart = JSON.parse((await shopper.postJson('/cart/change.js', { id: `${b.variantId}:abc`, quantity: 0 })).body) as CartJson;
    expect(cart.items.map((i) => i.id)).toEqual([a.variantId]);
    cart = JSON.parse((await shopper.postJson('/cart/update.js', { updates: { [a.variantId]: 2 } })).body) as CartJson;
    expect(cart.item_count).toBe(2);
    expect((await shopper.postJson('/cart/change.js', { line: 9, quantity: 1 })).status).toBe(400);
    expect((await shopper.postJson('/cart/change.js', { line: 1, quantity: -1 })).status).toBe(422);
    expect((JSON.parse((await shopper.request('/cart.js')).body) as CartJson).item_count).toBe(2);
  });

  it('add.js accepts a form body too', async () => {
    const shopper = new Shopper(store.url);
    const res = await shopper.post('/cart/add.js', { id: String(productAt(5).variantId), quantity: '1' });
    expect(res.status).toBe(200);
    expect((JSON.parse((await shopper.request('/cart.js')).body) as CartJson).item_count).toBe(1);
  });

  it('rejects a sold-out variant with 422, an unknown one with 404 and bad bodies with 4xx', async () => {
    const shopper = new Shopper(store.url);
    const soldOut = await shopper.postJson('/cart/add.js', { id: productAt(SOLD_OUT_INDEX).variantId, quantity: 1 });
    expect(soldOut.status).toBe(422);
    expect(JSON.parse(soldOut.body)).toMatchObject({ status: 422, description: expect.stringContaining('sold out') });
    expect((await shopper.postJson('/cart/add.js', { id: 1, quantity: 1 })).status).toBe(404);
    expect((await shopper.postJson('/cart/add.js', { id: productAt(0).variantId, quantity: 0 })).status).toBe(422);
    expect((await shopper.postJson('/cart/add.js', { quantity: 1 })).status).toBe(422);
    const badJson = await shopper.request('/cart/add.js', { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    // Multipart is what themes send (FormData); a malformed one is the client's fault.
    const multipart = await shopper.request('/cart/add.js', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(multipart.status).toBe(400);
    const unsupported = await shopper.request('/cart/add.js', { method: 'POST', body: 'x', headers: { 'content-type': 'application/xml' } });
    expect(unsupported.status).toBe(415);
    const huge = await shopper.request('/cart/add.js', { method: 'POST', body: 'a'.repeat(70_000), headers: { 'content-type': 'application/json' } });
    expect(huge.status).toBe(413);
    expect((JSON.parse((await shopper.request('/cart.js')).body) as CartJson).item_count).toBe(0);
  });

  it('a tampered cart cookie is ignored rather than failing', async () => {
    const res = await fetch(store.url + '/cart.js', { headers: { cookie: 'cart=%E0%A4%A; other=1' } });
    expect(res.status).toBe(200);
    const junk = await fetch(store.url + '/cart.js', { headers: { cookie: 'cart=zzz|notanid:5,1:x' } });
    expect(((await junk.json()) as CartJson).item_count).toBe(0);
  });
});

describe('cart forms', () => {
  it('the product form posts to /cart/add and lands on /cart; updates[] changes quantities', async () => {
    const shopper = new Shopper(store.url);
    const added = await shopper.post('/cart/add', { id: String(productAt(0).variantId), quantity: '1', form_type: 'product' });
    expect(added.status).toBe(302);
    expect(added.headers.get('location')).toBe('/cart');
    await shopper.post('/cart', { 'updates[]': '3' });
    expect((JSON.parse((await shopper.request('/cart.js')).body) as CartJson).items[0]!.quantity).toBe(3);
    const removed = await shopper.request('/cart/change?line=1&quantity=0');
    expect(removed.status).toBe(302);
    expect((JSON.parse((await shopper.request('/cart.js')).body) as CartJson).item_count).toBe(0);
  });

  it('adding a sold-out product by form shows the error on the cart page', async () => {
    const shopper = new Shopper(store.url);
    const res = await shopper.post('/cart/add', { id: String(productAt(SOLD_OUT_INDEX).variantId) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('already sold out');
  });

  it('checking out an empty cart goes back to the cart', async () => {
    const shopper = new Shopper(store.url);
    const res = await shopper.post('/cart', { checkout: '' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/cart');
  });
});
