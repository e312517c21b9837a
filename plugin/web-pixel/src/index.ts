// Storefront Auditor funnel pixel. Runs in Shopify's strict sandbox, which only delivers events when the
// shopper allowed analytics (customer_privacy in shopify.extension.toml). Sends anonymous events: the event's
// id, name, Shopify's anonymous client id (the embed's beacons carry the same id, so speed joins outcome),
// time, page path and order value. No names, emails, addresses or cart contents.
import { register } from '@shopify/web-pixels-extension';

const EVENTS = [
  'page_viewed', 'product_viewed', 'collection_viewed', 'product_added_to_cart', 'cart_viewed', 'checkout_started',
  'checkout_contact_info_submitted', 'checkout_address_info_submitted', 'checkout_shipping_info_submitted',
  'payment_info_submitted', 'checkout_completed',
] as const;

interface WireEvent {
  id: string;
  name: string;
  clientId: string;
  ts: string;
  p?: string;
  value?: number;
  currency?: string;
}

register(({ analytics, init, settings }) => {
  const shop = init.data.shop.myshopifyDomain;
  const url = `${settings.ingestUrl}?shop=${encodeURIComponent(shop)}&key=${encodeURIComponent(settings.ingestKey)}`;
  let queue: WireEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      const events = queue.slice(0, 50);
      queue = queue.slice(50);
      // text/plain keeps it a simple CORS request (no preflight); keepalive lets it outlive the page.
      void fetch(url, { method: 'POST', body: JSON.stringify({ events }), keepalive: true, headers: { 'content-type': 'text/plain' } }).catch(() => {});
    }
  };

  for (const name of EVENTS) {
    analytics.subscribe(name, (event) => {
      const data = (event as { data?: { checkout?: { totalPrice?: { amount?: number }; currencyCode?: string } } }).data;
      queue.push({
        id: event.id, name, clientId: event.clientId, ts: event.timestamp,
        p: event.context?.document?.location?.pathname?.slice(0, 512),
        value: data?.checkout?.totalPrice?.amount, currency: data?.checkout?.currencyCode,
      });
      if (name === 'checkout_completed' || queue.length >= 50) flush();
      else timer ??= setTimeout(flush, 2000);
    });
  }
});
