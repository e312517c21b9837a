import type { IncomingMessage, ServerResponse } from 'node:http';
import { CART_COOKIE, newToken } from '../cart.ts';
import type { CheckoutSession } from '../checkout/sessions.ts';
import { validateInformation, validatePayment, validateShipping } from '../checkout/validate.ts';
import { isDefective } from '../context.ts';
import { DEFECT_PATHS } from '../defects.ts';
import { html, json, readForm, redirect, setCookie } from '../http.ts';
import { checkoutPath, informationStep, onePageCheckout, paymentStep, shippingStep, thankYouPage } from '../templates/checkout-steps.ts';
import { startCheckout } from './cart-routes.ts';
import { SHIPPING_RATES } from '../checkout/regions.ts';
import { formatMoney } from '../catalog.ts';
import type { HostedCheckout } from '../templates/checkout-fields.ts';
import type { Route, StoreState } from './state.ts';
import { cartOf, delay } from './state.ts';

const hostedOf = (state: StoreState): HostedCheckout | undefined => (state.ctx.opts.hostedCheckout ? { cardOrigin: state.ctx.externalUrl } : undefined);

/** Checkout: three-page or one-page. Nothing is ever charged; `/complete` records the order. */
const valuesOf = (form: URLSearchParams): Record<string, string> => Object.fromEntries([...form.entries()].map(([k, v]) => [k, v.slice(0, 200)]));

function expired(req: IncomingMessage, res: ServerResponse): void {
  html(req, res, 404, '<!doctype html><title>Checkout not found</title><h1>This checkout has expired</h1><p><a href="/cart">Return to cart</a></p>');
}

function complete(req: IncomingMessage, res: ServerResponse, state: StoreState, session: CheckoutSession, form: URLSearchParams): void {
  const onePage = state.ctx.opts.checkout === 'one-page';
  const defective = isDefective(state.ctx);
  let info = session.info;
  let rate = session.rate;
  const errors: Record<string, string> = {};
  if (onePage) {
    const i = validateInformation(form);
    const s = validateShipping(form);
    Object.assign(errors, i.errors, s.errors);
    info = i.values;
    rate = s.rate;
  } else if (!info) return redirect(res, 302, checkoutPath(session.token, 'information'));
  else if (!rate) return redirect(res, 302, checkoutPath(session.token, 'shipping'));
  const payment = validatePayment(form);
  Object.assign(errors, payment.errors);
  if (Object.keys(errors).length > 0 || !info || !rate) {
    const values = valuesOf(form);
    delete values.cardNumber;
    delete values.verificationCode;
    html(req, res, 200, onePage ? onePageCheckout(session, defective, values, errors, hostedOf(state)) : paymentStep(session, values, errors, hostedOf(state)));
    return;
  }
  state.checkouts.place(session, info, rate, payment.values);
  res.setHeader('set-cookie', setCookie(CART_COOKIE, `${newToken()}|`));
  redirect(res, 302, checkoutPath(session.token, 'thank-you'));
}

export const checkoutRoutes: Route = async (req, res, url, state) => {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const defective = isDefective(state.ctx);
  if (path === DEFECT_PATHS.checkoutTracking) {
    await delay(state, state.ctx.opts.trackingDelayMs);
    res.writeHead(defective ? 500 : 204, { 'content-length': 0, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  if (path === '/checkout' && method === 'GET') return (startCheckout(res, cartOf(req, state), state), true);
  const m = /^\/checkouts\/cn\/([0-9a-f]{32})(?:\/(information|shipping|payment|complete|thank-you|shipping_rates\.json))?$/.exec(path);
  if (!m) return false;
  const session = state.checkouts.get(m[1]!);
  if (!session) return (expired(req, res), true);
  const step = m[2] ?? '';
  if (step === 'shipping_rates.json') {
    await delay(state, state.ctx.opts.shippingRatesDelayMs);
    json(req, res, 200, { shipping_rates: SHIPPING_RATES.map((r) => ({ handle: r.handle, title: r.title, price: formatMoney(r.cents) })) });
    return true;
  }
  const isGet = method === 'GET' || method === 'HEAD';
  const order = session.orderNumber === undefined ? undefined : state.checkouts.orders().find((o) => o.number === session.orderNumber);
  if (step === 'thank-you') {
    if (!order) return (redirect(res, 302, checkoutPath(session.token)), true);
    return (html(req, res, 200, thankYouPage(session, order)), true);
  }
  if (order) return (redirect(res, 302, checkoutPath(session.token, 'thank-you')), true);
  if (step === 'complete') {
    if (method !== 'POST') return (redirect(res, 302, checkoutPath(session.token)), true);
    complete(req, res, state, session, (await readForm(req)).form);
    return true;
  }

  if (state.ctx.opts.checkout === 'one-page') {
    if (step !== '' || !isGet) return (redirect(res, 302, checkoutPath(session.token)), true);
    return (html(req, res, 200, onePageCheckout(session, defective, { ...session.info }, {}, hostedOf(state))), true);
  }

  if (step === '') return (redirect(res, 302, checkoutPath(session.token, 'information')), true);
  if (step === 'information') {
    if (isGet) return (html(req, res, 200, informationStep(session, defective, { ...session.info }, {}, state.ctx.opts.trackingBusyMs)), true);
    const { values, errors } = validateInformation((await readForm(req)).form);
    if (Object.keys(errors).length > 0) return (html(req, res, 200, informationStep(session, defective, { ...values }, errors, state.ctx.opts.trackingBusyMs)), true);
    session.info = values;
    return (redirect(res, 302, checkoutPath(session.token, 'shipping')), true);
  }
  if (!session.info) return (redirect(res, 302, checkoutPath(session.token, 'information')), true);
  if (step === 'shipping') {
    if (isGet) return (html(req, res, 200, shippingStep(session, defective, undefined, {}, hostedOf(state))), true);
    const form = (await readForm(req)).form;
    const { rate, errors } = validateShipping(form);
    if (!rate) return (html(req, res, 200, shippingStep(session, defective, form.get('shippingRate') ?? undefined, errors)), true);
    session.rate = rate;
    return (redirect(res, 302, checkoutPath(session.token, 'payment')), true);
  }
  if (!session.rate) return (redirect(res, 302, checkoutPath(session.token, 'shipping')), true);
  if (isGet) return (html(req, res, 200, paymentStep(session, {}, {}, hostedOf(state))), true);
  return (redirect(res, 302, checkoutPath(session.token, 'payment')), true);
};
