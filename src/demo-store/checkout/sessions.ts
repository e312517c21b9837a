import type { Cart } from '../cart.ts';
import { newToken } from '../cart.ts';
import type { ShippingRate } from './regions.ts';
import type { Address, Payment } from './validate.ts';

/** Checkout state per token (in memory, bounded) and the orders placed through `/complete`. */
export interface CheckoutLine {
  variantId: number;
  handle: string;
  title: string;
  quantity: number;
  priceCents: number;
}

export interface CheckoutSession {
  token: string;
  lines: CheckoutLine[];
  subtotalCents: number;
  info?: Address;
  rate?: ShippingRate;
  orderNumber?: number;
}

export interface DemoOrder {
  number: number;
  token: string;
  email: string;
  lines: CheckoutLine[];
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  shippingRate: string;
  shippingAddress: Omit<Address, 'email'>;
  cardLast4: string;
  placedAt: string;
}

const MAX_SESSIONS = 5000;

export class CheckoutBook {
  readonly #sessions = new Map<string, CheckoutSession>();
  readonly #orders: DemoOrder[] = [];

  create(cart: Cart): CheckoutSession {
    if (this.#sessions.size >= MAX_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value!);
    const lines = cart.lines.map((l) => ({ variantId: l.product.variantId, handle: l.product.handle, title: l.product.title, quantity: l.quantity, priceCents: l.product.priceCents }));
    const session: CheckoutSession = { token: newToken(), lines, subtotalCents: lines.reduce((s, l) => s + l.priceCents * l.quantity, 0) };
    this.#sessions.set(session.token, session);
    return session;
  }

  /** The lines of the checkout started last (what the shopper's cart held), for tests. */
  latestLines(): CheckoutLine[] {
    return [...this.#sessions.values()].at(-1)?.lines.map((l) => ({ ...l })) ?? [];
  }

  get(token: string): CheckoutSession | undefined {
    return this.#sessions.get(token);
  }

  place(session: CheckoutSession, info: Address, rate: ShippingRate, payment: Payment): DemoOrder {
    const { email, ...shippingAddress } = info;
    const order: DemoOrder = {
      number: 1001 + this.#orders.length, token: session.token, email, lines: session.lines, subtotalCents: session.subtotalCents,
      shippingCents: rate.cents, totalCents: session.subtotalCents + rate.cents, shippingRate: rate.handle, shippingAddress,
      cardLast4: payment.cardNumber.slice(-4), placedAt: new Date().toISOString(),
    };
    this.#orders.push(order);
    session.info = info;
    session.rate = rate;
    session.orderNumber = order.number;
    return order;
  }

  orders(): DemoOrder[] {
    return this.#orders.map((o) => ({ ...o, lines: o.lines.map((l) => ({ ...l })), shippingAddress: { ...o.shippingAddress } }));
  }
}
