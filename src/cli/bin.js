#!/usr/bin/env node
// The package's bin. From a checkout, Node 24 runs the TypeScript sources directly. Node will not strip types
// inside node_modules, so an installed copy runs the build in dist/ (`npm run build`, done by `prepack`).
import { existsSync } from 'node:fs';

const built = new URL('../../dist/src/cli/main.js', import.meta.url);
const entry = existsSync(built) ? built : new URL('./main.ts', import.meta.url);
const { main } = await import(entry.href);
process.exit(await main(process.argv.slice(2)));
