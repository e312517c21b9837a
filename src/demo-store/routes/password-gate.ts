import { createHash } from 'node:crypto';
import { cookies, html, readForm, redirect, setCookie } from '../http.ts';
import { passwordPage } from '../templates/special.ts';
import { STOREFRONT_PASSWORD } from '../theme.ts';
import type { Route } from './state.ts';

/** Shopify's storefront password page: everything but assets and robots.txt redirects to /password. */
const COOKIE = 'storefront_digest';
const DIGEST = createHash('sha256').update(STOREFRONT_PASSWORD).digest('hex');

export const passwordGate: Route = async (req, res, url, state) => {
  if (!state.ctx.opts.password) return false;
  const path = url.pathname;
  if (path === '/password') {
    if (req.method === 'POST') {
      const { form } = await readForm(req);
      if (form.get('password') === STOREFRONT_PASSWORD) {
        res.setHeader('set-cookie', setCookie(COOKIE, DIGEST));
        return (redirect(res, 302, '/'), true);
      }
      return (html(req, res, 200, passwordPage('Password incorrect')), true);
    }
    return (html(req, res, 200, passwordPage()), true);
  }
  if (path.startsWith('/cdn/') || path === '/robots.txt' || cookies(req).get(COOKIE) === DIGEST) return false;
  redirect(res, 302, '/password');
  return true;
};
