// The platform knowledge this module has besides the selector defaults (selectors.ts): how Shopify names its
// checkout steps and which of its endpoints take card data or complete an order. All of it is default
// config: a store on another platform adds its own through options (customSteps, blockUrlPatterns).

/** Shopify's classic `?step=` names and the page names the report uses for them. */
export const STEP_ALIASES: Readonly<Record<string, string>> = {
  contact_information: 'information',
  shipping_method: 'shipping',
  payment_method: 'payment',
};

/** Card vaults receive card numbers: nothing of ours may ever talk to one (Shopify's is deposit.*.shopifycs.com). */
export const CARD_VAULT_HOST = /(^|\.)([^/]*shopifycs\.com|pay\.shopify\.com)$/i;

/** GraphQL operations (in the URL or a POST body) that complete or pay for an order. */
export const COMPLETION_OPERATION = /SubmitForCompletion|CompleteCheckout|checkoutComplete|PollForReceipt|SubmitPayment|CompletePayment|PlaceOrder/i;
