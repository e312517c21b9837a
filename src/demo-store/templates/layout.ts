import { CHATLY, PROMO_BAR, REVIEWS_PRO, appAssetPath } from '../apps.ts';
import { CARD_CSS, CORE_CSS, themeAssetUrl } from '../assets.ts';
import { isDefective } from '../context.ts';
import type { PageRequest, StoreContext } from '../context.ts';
import { esc } from '../http.ts';
import { themeOf } from '../themes/index.ts';
import { SHOP_DOMAIN, SHOP_NAME, THEME_ID, THEME_NAME } from '../theme.ts';

/** theme.liquid: head, announcement bar, header, footer. */
export interface LayoutInput {
  title: string;
  template: string;
  body: string;
  description?: string;
  headExtra?: string;
}

/** The app embeds' scripts: render-blocking Reviews Pro and async others in the defective variant (D3, D4, D6). */
function appTags(ctx: StoreContext): string {
  const app = (a: typeof REVIEWS_PRO): string => `${ctx.appCdnUrl}${appAssetPath(a)}`;
  return isDefective(ctx)
    ? `<script src="${app(REVIEWS_PRO)}"></script>
<script src="${app(CHATLY)}" async></script>
<script src="${app(PROMO_BAR)}" async></script>`
    : `<link rel="preconnect" href="${ctx.appCdnUrl}">
<script src="${app(REVIEWS_PRO)}" defer></script>
<script src="${app(CHATLY)}" defer></script>
<script src="${app(PROMO_BAR)}" defer></script>`;
}

function classicAssets(ctx: StoreContext): string {
  return isDefective(ctx)
    ? `<script src="${themeAssetUrl('theme.js')}"></script>
<link href="${themeAssetUrl('base.css')}" rel="stylesheet" type="text/css" media="all">
<link href="${themeAssetUrl('component-card.css')}" rel="stylesheet" type="text/css" media="all">
${appTags(ctx)}`
    : `<style>${CORE_CSS}${CARD_CSS}</style>
<script src="${themeAssetUrl('theme.js')}" defer></script>
${appTags(ctx)}`;
}

function head(ctx: StoreContext, req: PageRequest, input: LayoutInput): string {
  const theme = themeOf(ctx);
  const assets = theme.head ? theme.head(ctx, req, input, appTags(ctx)) : classicAssets(ctx);
  return `<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="theme-color" content="">
<link rel="canonical" href="${esc(req.base + req.path)}">
<title>${esc(input.title)} &ndash; ${esc(SHOP_NAME)}</title>
<meta name="description" content="${esc(input.description ?? `${input.title} at ${SHOP_NAME}`)}">
<meta property="og:site_name" content="${esc(SHOP_NAME)}">
<meta property="og:title" content="${esc(input.title)}">
<script>window.Shopify = window.Shopify || {}; Shopify.shop = "${SHOP_DOMAIN}"; Shopify.locale = "en"; Shopify.currency = {"active":"USD","rate":"1.0"}; Shopify.theme = {"name":"${theme.name === 'classic' ? THEME_NAME : theme.name}","id":${THEME_ID},"role":"main"};</script>
${assets}
${input.headExtra ?? ''}
</head>`;
}

function header(ctx: StoreContext, req: PageRequest): string {
  const links: [string, string][] = [
    ['/', 'Home'], ['/collections/all', 'Catalog'], ['/collections/new-arrivals', 'New arrivals'], ['/collections/summer', 'Summer'],
    ['/collections/sale', 'Sale'], ['/collections/everything', 'Everything'], ['/blogs/news', 'Journal'], ['/pages/contact', 'Contact'],
  ];
  const menu = links.map(([href, label]) =>
    `<li><a href="${href}" class="header__menu-item list-menu__item link link--text focus-inset"${href === req.path ? ' aria-current="page"' : ''}><span>${label}</span></a></li>`).join('');
  const bubble = req.cartCount > 0
    ? `<div class="cart-count-bubble"><span aria-hidden="true">${req.cartCount}</span><span class="visually-hidden">${req.cartCount} items</span></div>`
    : '';
  void ctx;
  return `<div class="announcement-bar" role="region" aria-label="Announcement"><p class="announcement-bar__message">Free returns within 30 days</p></div>
<sticky-header class="header-wrapper color-scheme-1 gradient header-wrapper--border-bottom">
<header class="header header--middle-left header--mobile-center page-width header--has-menu">
<h1 class="header__heading"><a href="/" class="header__heading-link link link--text focus-inset"><span class="h2">${esc(SHOP_NAME)}</span></a></h1>
<nav class="header__inline-menu"><ul class="list-menu list-menu--inline" role="list">${menu}</ul></nav>
<div class="header__icons">
<a href="/search" class="header__icon header__icon--search link focus-inset"><span>Search</span></a>
<a href="/cart" class="header__icon header__icon--cart link focus-inset" id="cart-icon-bubble"><span>Cart</span>${bubble}</a>
</div>
</header>
</sticky-header>`;
}

function footer(ctx: StoreContext): string {
  const archive = isDefective(ctx) ? '/collections/old-summer' : '/collections/summer';
  return `<footer class="footer color-scheme-1 gradient section-sections--footer-padding">
<div class="footer__content-top page-width"><div class="footer__blocks-wrapper grid grid--1-col grid--2-col grid--4-col-tablet">
<div class="footer-block grid__item footer-block--menu"><h2 class="footer-block__heading inline-richtext">Quick links</h2>
<ul class="footer-block__details-content list-unstyled">
<li><a href="/search" class="link link--text list-menu__item list-menu__item--link">Search</a></li>
<li><a href="/pages/about" class="link link--text list-menu__item list-menu__item--link">About us</a></li>
<li><a href="/pages/shipping-info" class="link link--text list-menu__item list-menu__item--link">Shipping information</a></li>
<li><a href="/collections" class="link link--text list-menu__item list-menu__item--link">All collections</a></li>
<li><a href="${archive}" class="link link--text list-menu__item list-menu__item--link">Summer archive</a></li>
</ul></div>
<div class="footer-block grid__item"><h2 class="footer-block__heading inline-richtext">Policies</h2>
<ul class="footer-block__details-content list-unstyled">
<li><a href="/policies/refund-policy" class="link link--text list-menu__item list-menu__item--link">Refund policy</a></li>
<li><a href="/policies/privacy-policy" class="link link--text list-menu__item list-menu__item--link">Privacy policy</a></li>
</ul></div>
<div class="footer-block grid__item"><h2 class="footer-block__heading inline-richtext">Follow us</h2>
<ul class="footer__list-social list-unstyled list-social" role="list">
<li class="list-social__item"><a href="${ctx.externalUrl}/northwind" class="link list-social__link" rel="noopener">Instagram</a></li>
</ul></div>
</div></div>
<div class="footer__content-bottom page-width"><small class="copyright__content">&copy; 2026, <a href="/" title="">${esc(SHOP_NAME)}</a> <a target="_blank" rel="nofollow" href="${ctx.externalUrl}/">Powered by Shopify</a></small></div>
</footer>`;
}

export function layout(ctx: StoreContext, req: PageRequest, input: LayoutInput): string {
  const embed = ctx.opts.embedPlugin ? ctx.opts.embedHtml : '';
  const theme = themeOf(ctx);
  return `<!doctype html>
<html class="no-js" lang="en">
${head(ctx, req, input)}
<body class="gradient template-${esc(input.template)}">
<a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>
${header(ctx, req)}
${theme.afterHeader?.(ctx, req) ?? ''}
<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
${theme.sectionStyles?.(input.template) ?? ''}
${input.body}
</main>
${footer(ctx)}
${theme.bodyEnd?.(ctx, req) ?? ''}
${embed}
</body>
</html>`;
}
