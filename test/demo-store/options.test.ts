import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { productAt } from '../../src/demo-store/catalog.ts';
import { FAULT_PATHS } from '../../src/demo-store/defects.ts';
import { startDemoStore } from '../../src/demo-store/server.ts';
import { STOREFRONT_PASSWORD } from '../../src/demo-store/theme.ts';
import { all, get, one, Shopper } from './dom.ts';

// Each option needs its own small store; they start in milliseconds and are closed in `finally`.
describe('store options', () => {
  it('password: every storefront page redirects to /password until the password is entered', async () => {
    const store = await startDemoStore({ password: true });
    try {
      for (const path of ['/', '/products/sold-out-tee', '/cart.js', '/sitemap.xml']) {
        const res = await fetch(store.url + path, { redirect: 'manual' });
        expect([res.status, res.headers.get('location')], path).toEqual([302, '/password']);
      }
      expect((await fetch(store.url + '/robots.txt')).status).toBe(200);
      const page = await get(store.url + '/password');
      one(page.doc, 'input', { type: 'password', name: 'password' });
      const shopper = new Shopper(store.url);
      const wrong = await shopper.post('/password', { password: 'nope' });
      expect(one(wrong.doc, 'input', { name: 'password' }).attribs['aria-invalid']).toBe('true');
      expect((await shopper.request('/')).status).toBe(302);
      await shopper.post('/password', { password: STOREFRONT_PASSWORD });
      expect((await shopper.request('/')).status).toBe(200);
    } finally {
      await store.close();
    }
  });

  it('productCount 0: a store with no products, empty collections and an empty product sitemap', async () => {
    const store = await startDemoStore({ productCount: 0 });
    try {
      const home = await get(store.url + '/');
      expect(home.status).toBe(200);
      expect(all(home.doc, 'form', { action: '/cart/add' })).toHaveLength(0);
      const collection = await get(store.url + '/collections/all');
      expect(all(collection.doc, 'a', { href: (v) => (v ?? '').startsWith('/products/') })).toHaveLength(0);
      expect(collection.body).toContain('No products found');
      expect((await fetch(store.url + '/products/sold-out-tee')).status).toBe(404);
      expect((await (await fetch(store.url + '/search?q=linen')).text())).toContain('0 results');
    } finally {
      await store.close();
    }
  });

  it('10,000 products: product 9999 is served fast and the product sitemap splits in two', async () => {
    const store = await startDemoStore({ productCount: 10_000 });
    try {
      const last = productAt(9999);
      await fetch(`${store.url}/products/${productAt(1).handle}`); // builds the handle index once
      const t = performance.now();
      const page = await get(`${store.url}/products/${last.handle}`);
      const ms = performance.now() - t;
      expect(page.status).toBe(200);
      expect(one(page.doc, 'input', { name: 'id' }).attribs.value).toBe(String(last.variantId));
      expect(ms).toBeLessThan(1000); // generous: a shared 2-core machine; typical is a few ms
      const index = await (await fetch(store.url + '/sitemap.xml')).text();
      expect(index).toContain('/sitemap_products_2.xml');
      const second = await (await fetch(store.url + '/sitemap_products_2.xml')).text();
      expect(second).toContain(`/products/${last.handle}</loc>`);
      const lastPage = await get(`${store.url}/collections/all?page=834`);
      expect(all(lastPage.doc, 'a', { href: `/products/${last.handle}` }).length).toBeGreaterThan(0);
      expect(new Set(Array.from({ length: 10_000 }, (_, i) => productAt(i).handle)).size).toBe(10_000);
    } finally {
      await store.close();
    }
  });

  it('a request to the hang page never answers, and close() still returns promptly', async () => {
    const store = await startDemoStore();
    const hanging = fetch(store.url + FAULT_PATHS.hang).then(() => 'answered', () => 'aborted');
    const slow = fetch(store.url + '/collections/sale').then(() => 'answered', () => 'aborted');
    const raced = await Promise.race([hanging, new Promise((r) => setTimeout(() => r('pending'), 300))]);
    expect(raced).toBe('pending');
    const t = performance.now();
    await store.close();
    expect(performance.now() - t).toBeLessThan(2000);
    expect(await hanging).toBe('aborted');
    expect(await slow).toBe('aborted');
    await expect(fetch(store.url + '/')).rejects.toThrow();
  });

  it('embedPlugin injects the embed HTML on storefront pages; /apps/ goes to the app proxy handler', async () => {
    const seen: string[] = [];
    const store = await startDemoStore({
      embedPlugin: true,
      embedHtml: '<script src="/apps/auditor/embed.js" defer data-test-embed></script>',
      appProxy: (req, res, url) => {
        seen.push(url.pathname);
        if (url.pathname !== '/apps/auditor/embed.js') return false;
        res.writeHead(200, { 'content-type': 'application/javascript' }).end('/* embed */');
        return true;
      },
    });
    try {
      const home = await get(store.url + '/');
      expect(all(home.doc, 'script', { 'data-test-embed': '' })).toHaveLength(1);
      expect(await (await fetch(store.url + '/apps/auditor/embed.js')).text()).toBe('/* embed */');
      expect((await fetch(store.url + '/apps/auditor/other')).status).toBe(404);
      expect(seen).toEqual(['/apps/auditor/embed.js', '/apps/auditor/other']);
    } finally {
      await store.close();
    }
    const plain = await startDemoStore({ embedHtml: '<script data-test-embed></script>' });
    try {
      expect((await get(plain.url + '/')).body).not.toContain('data-test-embed');
    } finally {
      await plain.close();
    }
  });

  it('bad options are refused with a clear error', async () => {
    await expect(startDemoStore({ productCount: -1 })).rejects.toThrow(/productCount must be a non-negative integer/);
    await expect(startDemoStore({ variant: 'broken' as 'fixed' })).rejects.toThrow(/unknown variant "broken"/);
    const store = await startDemoStore();
    try {
      const port = Number(new URL(store.url).port);
      await expect(startDemoStore({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await store.close();
    }
  });

  it('the CLI starts a store on the given port and stops on SIGTERM; bad flags exit 2', async () => {
    const child = spawn(process.execPath, ['src/demo-store/main.ts', '--variant', 'fixed', '--products', '12'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    while (!/storefront\s+(http\S+)/.test(out)) await once(child.stdout, 'data');
    const url = /storefront\s+(http\S+)/.exec(out)![1]!;
    expect(out).toContain('fixed, theme classic, 12 products');
    expect((await fetch(url + '/collections/all')).status).toBe(200);
    child.kill('SIGTERM');
    expect((await once(child, 'exit'))[0]).toBe(0);
    const bad = spawn(process.execPath, ['src/demo-store/main.ts', '--products', 'many'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect((await once(bad, 'exit'))[0]).toBe(2);
    expect(err).toContain('--products must be a non-negative integer');
  });
});
