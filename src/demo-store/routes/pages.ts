import { collectionByHandle } from '../collections.ts';
import { isDefective } from '../context.ts';
import { DEFECT_PATHS, FAULT_PATHS } from '../defects.ts';
import { html, json, redirect } from '../http.ts';
import { articleByHandle, articlePage, blogPage } from '../templates/blog.ts';
import { collectionPageHtml, collectionsListHtml } from '../templates/collection.ts';
import { homePage } from '../templates/home.ts';
import { policyPage, staticPage } from '../templates/page.ts';
import { productJs, productPage, productSection } from '../templates/product.ts';
import { variantById } from '../variants.ts';
import { searchPage } from '../templates/search.ts';
import { challengePage, serverErrorPage } from '../templates/special.ts';
import type { Route } from './state.ts';
import { delay, pageRequest } from './state.ts';

/** Storefront templates: home, collections, products, pages, blog, search, and the fault pages. */
export const pageRoutes: Route = async (req, res, url, state) => {
  const { ctx } = state;
  const path = url.pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === '/') return (html(req, res, 200, homePage(ctx, pageRequest(req, url, state))), true);

  const [chainStart, chainMiddle, chainEnd] = DEFECT_PATHS.redirectChain;
  if (path === chainStart) return (redirect(res, 301, isDefective(ctx) ? chainMiddle : chainEnd), true);
  if (path === chainMiddle) return (redirect(res, 301, chainEnd), true);

  if (path === '/collections') return (html(req, res, 200, collectionsListHtml(ctx, pageRequest(req, url, state))), true);
  const collection = /^\/collections\/([a-z0-9-]+)$/.exec(path);
  if (collection) {
    const c = collectionByHandle(collection[1]!);
    if (!c) return false;
    const page = Math.max(1, Math.floor(Number(url.searchParams.get('page') ?? 1)) || 1);
    if (isDefective(ctx) && path === DEFECT_PATHS.slowCollection) await delay(state, ctx.opts.slowCollectionMs);
    if (res.destroyed) return true;
    html(req, res, 200, collectionPageHtml(ctx, pageRequest(req, url, state), c, page));
    return true;
  }

  const product = /^\/(?:collections\/[a-z0-9-]+\/)?products\/([a-z0-9-]+?)(\.js|\.json)?$/.exec(path);
  if (product) {
    const p = ctx.catalog.byHandle(product[1]!);
    if (!p) return false;
    if (product[2] === '.js') json(req, res, 200, productJs(p));
    else if (product[2] === '.json') json(req, res, 200, { product: productJs(p) });
    else {
      const variant = Number(url.searchParams.get('variant'));
      const selected = Number.isSafeInteger(variant) && variant > 0 && variantById(ctx.catalog, variant)?.product.index === p.index ? variant : null;
      const sectionId = url.searchParams.get('section_id');
      if (sectionId) html(req, res, 200, productSection(ctx, p, sectionId.slice(0, 100), selected));
      else html(req, res, 200, productPage(ctx, pageRequest(req, url, state), p, selected));
    }
    return true;
  }

  if (path === FAULT_PATHS.hang) return true; // never answers; close() destroys the socket
  if (path === FAULT_PATHS.serverError) return (html(req, res, 500, serverErrorPage()), true);
  if (path === FAULT_PATHS.interstitial) {
    html(req, res, 403, challengePage(), { 'cf-mitigated': 'challenge', 'cf-ray': '8f0000000000demo-IAD', server: 'cloudflare' });
    return true;
  }
  if (path === DEFECT_PATHS.transient503 && isDefective(ctx) && !state.transientServed) {
    state.transientServed = true;
    html(req, res, 503, '<!doctype html><title>Service Unavailable</title><h1>Service temporarily unavailable</h1>', { 'retry-after': '1' });
    return true;
  }
  const page = /^\/pages\/([a-z0-9-]+)$/.exec(path);
  if (page) {
    const body = staticPage(ctx, pageRequest(req, url, state), page[1]!);
    return body ? (html(req, res, 200, body), true) : false;
  }
  const policy = /^\/policies\/([a-z0-9-]+)$/.exec(path);
  if (policy) {
    const body = policyPage(ctx, pageRequest(req, url, state), policy[1]!);
    return body ? (html(req, res, 200, body), true) : false;
  }
  if (path === '/blogs/news') return (html(req, res, 200, blogPage(ctx, pageRequest(req, url, state))), true);
  const article = /^\/blogs\/news\/([a-z0-9-]+)$/.exec(path);
  if (article) {
    const a = articleByHandle(article[1]!);
    return a ? (html(req, res, 200, articlePage(ctx, pageRequest(req, url, state), a)), true) : false;
  }
  if (path === '/search') {
    html(req, res, 200, searchPage(ctx, pageRequest(req, url, state), (url.searchParams.get('q') ?? '').slice(0, 200)));
    return true;
  }
  return false;
};
