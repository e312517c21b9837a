// Where Node's compile cache lives for this package, shared by the bin (src/cli/bin.js) and the benchmarks that
// start the crawler as the CLI does. The cache keeps compiled code (and, for the sources, the type-stripped text)
// between runs: without it a run pays again to strip and compile a few hundred modules, and type stripping alone
// loads a WebAssembly compiler of ~17 MB into every thread that imports a .ts file. It lives in the user's cache
// directory, never in the working directory or TMPDIR; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Plain JavaScript: it runs before any TypeScript is loaded.
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function compileCacheDir() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'storefront-audit', 'node-compile-cache');
}

/** Enables the cache for this thread (worker threads are given it by whoever starts them). */
export function enableCompileCache() {
  module.enableCompileCache?.(compileCacheDir());
}
