import type { PageRequest, StoreContext } from '../context.ts';
import { isDefective } from '../context.ts';
import { DEFECT_PATHS } from '../defects.ts';
import { layout } from './layout.ts';

/** page.liquid: about, contact, shipping-info and the policies. */
interface StaticPage {
  title: string;
  content: (ctx: StoreContext) => string;
  headExtra?: (ctx: StoreContext) => string;
}

export const PAGES: Record<string, StaticPage> = {
  about: {
    title: 'About us',
    content: () => '<p>Northwind Supply Co. started in a garage in 2014 with one sewing machine and a stubborn idea: make fewer things, better.</p><p>Read <a href="/blogs/news">our journal</a> or browse <a href="/collections/all">the catalogue</a>.</p>',
    // D10: a stylesheet the theme deleted long ago.
    headExtra: (ctx) => (isDefective(ctx) ? `<link href="${DEFECT_PATHS.brokenStylesheet}?v=1" rel="stylesheet" type="text/css" media="all">` : ''),
  },
  contact: {
    title: 'Contact',
    content: (ctx) => {
      const press = isDefective(ctx) ? `${ctx.externalUrl}${DEFECT_PATHS.externalBrokenLink}` : `${ctx.externalUrl}/press`;
      return `<p>Write to us any time; we answer within a day. See our <a href="${press}">press kit</a>.</p>
<form method="post" action="/contact#ContactForm" id="ContactForm" accept-charset="UTF-8" class="contact-form">
<div class="field"><input class="field__input" autocomplete="name" type="text" id="ContactForm-name" name="contact[name]" placeholder="Name"><label class="field__label" for="ContactForm-name">Name</label></div>
<div class="field field--with-error"><input autocomplete="email" type="email" id="ContactForm-email" class="field__input" name="contact[email]" spellcheck="false" autocapitalize="off" aria-required="true" placeholder="Email"><label class="field__label" for="ContactForm-email">Email <span aria-hidden="true">*</span></label></div>
<div class="field"><textarea rows="6" id="ContactForm-body" class="text-area field__input" name="contact[body]" placeholder="Comment"></textarea><label class="form__label field__label" for="ContactForm-body">Comment</label></div>
<div class="contact__button"><button type="submit" class="button">Send</button></div></form>`;
    },
  },
  'shipping-info': {
    title: 'Shipping information',
    content: () => '<p>Standard shipping takes 3–5 business days and costs $5.90; it is free over $75. Express shipping takes 1–2 business days.</p><p>Returns are free within 30 days; see our <a href="/policies/refund-policy">refund policy</a>.</p>',
  },
};

export const POLICIES: Record<string, string> = {
  'refund-policy': 'Refund policy',
  'privacy-policy': 'Privacy policy',
  'shipping-policy': 'Shipping policy',
  'terms-of-service': 'Terms of service',
};

export function staticPage(ctx: StoreContext, req: PageRequest, handle: string): string | undefined {
  const page = PAGES[handle];
  if (!page) return undefined;
  const body = `<div class="page-width page-width--narrow section"><h1 class="main-page-title page-title h0">${page.title}</h1><div class="rte">${page.content(ctx)}</div></div>`;
  return layout(ctx, req, { title: page.title, template: 'page', body, headExtra: page.headExtra?.(ctx) });
}

export function policyPage(ctx: StoreContext, req: PageRequest, handle: string): string | undefined {
  const title = POLICIES[handle];
  if (!title) return undefined;
  const body = `<div class="shopify-policy__container"><div class="shopify-policy__title"><h1>${title}</h1></div><div class="shopify-policy__body"><div class="rte"><p>This ${title.toLowerCase()} explains how we treat you fairly.</p></div></div></div>`;
  return layout(ctx, req, { title, template: 'policy', body });
}

