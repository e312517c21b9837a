// The theme zoo at the HTTP level: each theme's markup hooks, Dawn's asset layout (a contract #20 relies
// on), the Section Rendering API answers and the cart endpoints a theme's script calls. The journeys through
// each theme in real Chromium are in test/checkout/zoo.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productAt } from '../../src/demo-store/catalog.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { DAWN_PATHS } from '../../src/demo-store/themes/dawn-assets.ts';
import { sizeVariants } from '../../src/demo-store/variants.ts';
import { all, get, hasClass, one } from './dom.ts';

const stores: Record<string, DemoStore> = {};
const P = productAt(0);

beforeAll(async () => {
  for (const theme of ['dawn', 'dawn-drawer'] as const) stores[theme] = await startDemoStore({ variant: 'fixed', theme });
});
afterAll(async () => {
  await Promise.all(Object.values(stores).map((s) => s.close()));
});

function multipart(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe('dawn', () => {
  it('renders the installment form before the product form, and preselects the first available size', async () => {
    const page = await get(`${stores.dawn!.url}/products/${P.handle}`);
    const forms = all(page.doc, 'form', { action: '/cart/add' });
    expect(forms.map((f) => f.attribs.id)).toEqual(['product-form-installment-template--main', 'product-form-template--main']);
    expect(all(forms[0]!, 'button')).toHaveLength(0);
    expect(forms[1]!.attribs.enctype).toBe('multipart/form-data');
    const [s, m] = sizeVariants(P);
    expect(one(forms[1]!, 'input', { name: 'id' }).attribs.value).toBe(String(m!.id));
    const pills = all(page.doc, 'input', { name: 'Size-1' });
    expect(pills.map((p) => [p.attribs.value, 'checked' in p.attribs, hasClass('disabled')(p.attribs.class)])).toEqual([['S', false, true], ['M', true, false], ['L', false, false]]);
    // The sold-out size alone: the section for it shows a disabled Sold out button.
    const section = await get(`${stores.dawn!.url}/products/${P.handle}?variant=${s!.id}&section_id=template--main`);
    expect(section.body.startsWith('<div id="shopify-section-template--main" class="shopify-section">')).toBe(true);
    expect('disabled' in one(section.doc, 'button', { name: 'add' }).attribs).toBe(true);
    // The notification's hidden Check out button is in every page, before the cart page's own.
    const cart = await get(`${stores.dawn!.url}/cart`);
    expect(all(cart.doc, 'button', { name: 'checkout' }).length).toBeGreaterThanOrEqual(1);
    expect(one(cart.doc, 'cart-notification')).toBeTruthy();
  });

  it('serves every asset at Dawn\'s CDN layout: section stylesheets, compiled assets, fonts, shopifycloud, wpm', async () => {
    const s = stores.dawn!;
    const urls = new Set<string>();
    for (const path of ['/', '/collections/all', `/products/${P.handle}`, '/cart']) {
      const page = await get(s.url + path);
      for (const l of all(page.doc, 'link')) if (l.attribs.href?.startsWith('/cdn/')) urls.add(l.attribs.href);
      for (const sc of all(page.doc, 'script')) if (sc.attribs.src?.startsWith('/cdn/')) urls.add(sc.attribs.src);
    }
    urls.add(DAWN_PATHS.webPixelsManager); // loaded by the inline web-pixels-manager-setup script
    const paths = [...urls].map((u) => new URL(u, s.url).pathname);
    expect(paths.some((p) => /^\/cdn\/shop\/t\/12\/assets\/section-main-product\.css$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/cdn\/shop\/t\/12\/assets\/component-card\.css$/.test(p))).toBe(true);
    expect(paths).toContain(DAWN_PATHS.compiledStyles);
    expect(paths).toContain(DAWN_PATHS.compiledScripts);
    expect(paths.filter((p) => p.startsWith('/cdn/fonts/'))).toHaveLength(2);
    expect(paths.some((p) => p.startsWith('/cdn/shopifycloud/'))).toBe(true);
    for (const u of urls) {
      const res = await fetch(new URL(u, s.url));
      expect(res.status, u).toBe(200);
      expect(res.headers.get('cache-control'), u).toContain('immutable');
      await res.arrayBuffer();
    }
  });

  it('answers a script\'s add to cart with the line item and the sections it asked for, and a sold-out size with 422 JSON', async () => {
    const s = stores.dawn!;
    const [sold, m] = sizeVariants(P);
    const ok = await fetch(`${s.url}/cart/add`, {
      method: 'POST', headers: { accept: 'application/javascript', 'x-requested-with': 'XMLHttpRequest' },
      body: multipart({ form_type: 'product', id: String(m!.id), quantity: '1', sections: 'cart-notification-product,cart-notification-button,cart-icon-bubble', sections_url: `/products/${P.handle}` }),
    });
    expect(ok.status).toBe(200);
    const line = (await ok.json()) as { key: string; sections: Record<string, string> };
    expect(Object.keys(line.sections)).toEqual(['cart-notification-product', 'cart-notification-button', 'cart-icon-bubble']);
    expect(line.sections['cart-notification-product']).toContain(`id="cart-notification-product-${line.key}"`);
    const refused = await fetch(`${s.url}/cart/add`, { method: 'POST', headers: { accept: 'application/javascript' }, body: multipart({ id: String(sold!.id), quantity: '1' }) });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ status: 422, message: 'Cart Error' });
  });

  it('takes a plain multipart form post and redirects to the cart', async () => {
    const m = sizeVariants(P)[1]!;
    const res = await fetch(`${stores.dawn!.url}/cart/add`, { method: 'POST', redirect: 'manual', body: multipart({ id: String(m.id), quantity: '2' }) });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/cart');
    expect(res.headers.get('set-cookie')).toContain('cart=');
  });
});

describe('dawn-drawer', () => {
  it('renders the drawer with its Check out button on every page, and re-renders it as a section after an add', async () => {
    const s = stores['dawn-drawer']!;
    const home = await get(`${s.url}/`);
    const drawer = one(home.doc, 'cart-drawer');
    expect(hasClass('is-empty')(drawer.attribs.class)).toBe(true);
    expect(one(drawer, 'button', { id: 'CartDrawer-Checkout' }).attribs.form).toBe('CartDrawer-Form');
    const m = sizeVariants(P)[1]!;
    const res = await fetch(`${s.url}/cart/add`, { method: 'POST', headers: { accept: 'application/javascript' }, body: multipart({ id: String(m.id), sections: 'cart-drawer,cart-icon-bubble' }) });
    const body = (await res.json()) as { sections: Record<string, string> };
    expect(body.sections['cart-drawer']).toContain('id="CartDrawer"');
    expect(body.sections['cart-drawer']).toContain(P.title);
  });
});
