import type { PageRequest, StoreContext } from '../context.ts';
import { esc } from '../http.ts';
import { SHOP_NAME } from '../theme.ts';
import { layout } from './layout.ts';

/** Pages outside the normal templates: 404, password, bot challenge, server error. */
export function notFoundPage(ctx: StoreContext, req: PageRequest): string {
  const body = `<div class="template-404 page-width center"><p class="caption-with-letter-spacing">404</p><h1 class="title">Page not found</h1>
<a href="/collections/all" class="button">Continue shopping</a></div>`;
  return layout(ctx, req, { title: '404 Not Found', template: '404', body });
}

export function passwordPage(error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(SHOP_NAME)}</title></head><body class="gradient template-password">
<div class="password"><header class="password-header"><h1>${esc(SHOP_NAME)}</h1><p>Opening soon</p></header>
<main id="MainContent"><form method="post" action="/password" id="login_form" accept-charset="UTF-8" class="password-form">
<input type="hidden" name="form_type" value="storefront_password"><div class="password-field field${error ? ' password-field--error' : ''}">
<input type="password" name="password" id="Password" class="field__input" autocomplete="current-password"${error ? ' aria-invalid="true" aria-describedby="PasswordLoginForm-password-error"' : ''} placeholder="Password">
<label class="field__label" for="Password">Enter store password</label>
${error ? `<div id="PasswordLoginForm-password-error" class="form__message field__message--error" role="status">${esc(error)}</div>` : ''}</div>
<button name="commit" class="password-button button">Enter</button></form></main></div></body></html>`;
}

export function challengePage(): string {
  return `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript>
<h1 class="zone-name-title h1">Verifying you are human. This may take a few seconds.</h1><div id="challenge-running">Checking if the site connection is secure</div></div></div>
<script>window._cf_chl_opt = { cType: 'managed', cRay: 'demo' };</script></body></html>`;
}

export function serverErrorPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Internal Server Error</title></head>
<body><h1>There was a problem loading this website</h1><p>Try refreshing the page.</p></body></html>`;
}
