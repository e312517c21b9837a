// shopify.app.toml is what Shopify acts on; this keeps it and the code from drifting apart.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { APP_PROXY_PREFIX } from '../../src/server/routes/app-proxy.ts';
import { SHOPIFY_API_VERSION } from '../../src/shopify/shopify-app.ts';
import { HANDLED_WEBHOOK_TOPICS } from '../../src/shopify/webhook-handlers.ts';

interface AppToml {
  embedded: boolean;
  extension_directories: string[];
  access_scopes: { scopes: string; use_legacy_install_flow: boolean };
  webhooks: { api_version: string; subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
  app_proxy: { url: string; subpath: string; prefix: string };
}

const toml = parse(readFileSync(new URL('../../shopify.app.toml', import.meta.url), 'utf8')) as unknown as AppToml;

describe('shopify.app.toml', () => {
  it('is an embedded app with Shopify-managed installation and the plugin extensions', () => {
    expect(toml.embedded).toBe(true);
    expect(toml.access_scopes.use_legacy_install_flow).toBe(false);
    expect(toml.extension_directories).toEqual(['plugin/*']);
  });

  it('requests exactly the scopes the server is configured with by default', () => {
    const defaults = readConfig({ SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: 's' }).shopify!.scopes;
    expect(toml.access_scopes.scopes.split(',').sort()).toEqual([...defaults].sort());
  });

  it('subscribes to every handled topic, compliance topics included, at /api/webhooks on the pinned version', () => {
    expect(toml.webhooks.api_version).toBe(SHOPIFY_API_VERSION);
    const subscribed = toml.webhooks.subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]);
    expect(subscribed.map((t) => t.toUpperCase().replace('/', '_')).sort()).toEqual([...HANDLED_WEBHOOK_TOPICS].sort());
    expect(toml.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []).sort()).toEqual(['customers/data_request', 'customers/redact', 'shop/redact']);
    expect(new Set(toml.webhooks.subscriptions.map((s) => s.uri))).toEqual(new Set(['/api/webhooks']));
  });

  it('proxies /apps/storefront-auditor to the route the server mounts', () => {
    expect(`/${toml.app_proxy.prefix}/${toml.app_proxy.subpath}`).toBe(APP_PROXY_PREFIX);
    expect(new URL(toml.app_proxy.url).pathname).toBe(APP_PROXY_PREFIX);
  });
});
