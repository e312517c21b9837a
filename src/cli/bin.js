#!/usr/bin/env node
// The package's bin. From a checkout, Node 24 runs the TypeScript sources directly. Node will not strip types
// inside node_modules, so an installed copy runs the build in dist/ (`npm run build`, done by `prepack`).
//
// Node's compile cache (src/setup/compile-cache.mjs) keeps the compiled code, and for the sources the
// type-stripped text, between runs: without it, stripping the types alone costs more than the 0.5 s the first
// request of an audit has (docs/cli.md, start-up).
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCompileCache } from '../setup/compile-cache.mjs';

enableCompileCache();

const installed = fileURLToPath(import.meta.url).split(sep).includes('node_modules');
const built = new URL('../../dist/src/cli/main.js', import.meta.url);
const entry = installed && existsSync(built) ? built : new URL('./main.ts', import.meta.url);
const { main } = await import(entry.href);
process.exit(await main(process.argv.slice(2)));
