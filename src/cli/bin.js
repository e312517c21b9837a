#!/usr/bin/env node
// The package's bin. From a checkout, Node 24 runs the TypeScript sources directly. Node will not strip types
// inside node_modules, so an installed copy runs the build in dist/ (`npm run build`, done by `prepack`).
//
// Node's compile cache keeps the compiled code (and, for the sources, the type-stripped text) between runs, so
// a run does not pay again to compile a few hundred modules: without it, stripping the types alone costs more
// than the 0.5 s the first request of an audit has (docs/cli.md, start-up). It lives in the user's cache
// directory, never in the working directory or TMPDIR; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
module.enableCompileCache?.(join(cacheHome, 'storefront-audit', 'node-compile-cache'));

const installed = fileURLToPath(import.meta.url).split(sep).includes('node_modules');
const built = new URL('../../dist/src/cli/main.js', import.meta.url);
const entry = installed && existsSync(built) ? built : new URL('./main.ts', import.meta.url);
const { main } = await import(entry.href);
process.exit(await main(process.argv.slice(2)));
