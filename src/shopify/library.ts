// The single instance of @shopify/shopify-api the app uses. @shopify/shopify-app-express has no "exports" map,
// so Node loads its CommonJS build, which loads shopify-api's CommonJS build. Anything we share with it (the
// fetch hook, error classes for instanceof, Session) must come from that same instance, not the ESM one an
// `import` would give, or the stand-in redirect and error handling silently miss.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const api = require('@shopify/shopify-api') as typeof import('@shopify/shopify-api');
const runtime = require('@shopify/shopify-api/runtime') as typeof import('@shopify/shopify-api/runtime');
require('@shopify/shopify-api/adapters/node');

export const { ApiVersion, LogSeverity, Session, GraphqlQueryError, HttpRetriableError, HttpThrottlingError } = api;
export const { setAbstractFetchFunc } = runtime;
