import { parseArgs } from 'node:util';
import { THEME_NAMES, type ThemeName } from './options.ts';
import { startDemoStore } from './server.ts';

/** CLI: node src/demo-store/main.ts [--variant fixed] [--port 4000] [--products 10000] [--checkout one-page] [--password] */
const USAGE = `usage: node src/demo-store/main.ts [--variant defective|fixed] [--port N] [--products N] [--checkout three-page|one-page] [--password] [--slow-collection-ms N] [--theme ${THEME_NAMES.join('|')}]`;

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variant: { type: 'string' },
      port: { type: 'string' },
      products: { type: 'string' },
      checkout: { type: 'string' },
      password: { type: 'boolean' },
      theme: { type: 'string' },
      'slow-collection-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const store = await startDemoStore({
    variant: values.variant as 'defective' | 'fixed' | undefined,
    port: intOption(values.port, 'port'),
    productCount: intOption(values.products, 'products'),
    checkout: values.checkout as 'three-page' | 'one-page' | undefined,
    password: values.password,
    theme: values.theme as ThemeName | undefined,
    slowCollectionMs: intOption(values['slow-collection-ms'], 'slow-collection-ms'),
  });
  console.log(`demo store (${store.variant}, theme ${store.options.theme}, ${store.options.productCount} products, ${store.options.checkout} checkout)`);
  console.log(`  storefront  ${store.url}`);
  console.log(`  app CDN     ${store.appCdnUrl}`);
  console.log(`  external    ${store.externalUrl}`);
  const stop = (): void => {
    void store.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`demo store: ${err instanceof Error ? err.message : String(err)}`);
  console.error(USAGE);
  process.exit(2);
});
