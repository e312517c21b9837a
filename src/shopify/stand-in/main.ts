// Runs the Shopify stand-in on its own, for developing the app without a Shopify store:
//   npm run stand-in -- --port 4100 --api-key dev-key --api-secret dev-secret \
//     --shop demo.myshopify.com --storefront http://127.0.0.1:4000
// then start the app with SHOPIFY_API_KEY/SECRET set to the same values, SHOPIFY_API_ORIGIN=http://127.0.0.1:4100 and
// SHOPIFY_DEV_STOREFRONT_ORIGINS=http://127.0.0.1:4000 (the one private storefront origin its audits may reach).
import { parseArgs } from 'node:util';
import { startShopifyStandIn } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    'api-key': { type: 'string', default: 'dev-api-key' },
    'api-secret': { type: 'string', default: 'dev-api-secret' },
    shop: { type: 'string', default: 'demo.myshopify.com' },
    storefront: { type: 'string', default: 'http://127.0.0.1:4000' },
  },
});

const storefront = new URL(values.storefront);
const standIn = await startShopifyStandIn({ apiKey: values['api-key'], apiSecret: values['api-secret'], port: Number(values.port) });
standIn.addShop({ shop: values.shop, primaryDomain: storefront.host, primaryUrl: storefront.origin });
process.stdout.write(
  [
    `Shopify stand-in at ${standIn.url} with shop ${values.shop} (storefront ${storefront.origin})`,
    `  app env:      SHOPIFY_API_KEY=${values['api-key']} SHOPIFY_API_SECRET=${values['api-secret']} SHOPIFY_API_ORIGIN=${standIn.url} SHOPIFY_DEV_STOREFRONT_ORIGINS=${storefront.origin}`,
    `  session token: curl '${standIn.url}/_stand-in/session-token?shop=${values.shop}'`,
    `  webhook:       curl -X POST ${standIn.url}/_stand-in/webhooks -H 'content-type: application/json' \\`,
    `                   -d '{"url":"http://127.0.0.1:3000/api/webhooks","topic":"themes/publish","shop":"${values.shop}"}'`,
    '',
  ].join('\n'),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void standIn.close().then(() => process.exit(0)));
}
