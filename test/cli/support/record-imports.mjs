// Preloaded with --import by the start-up tests: records every package the process resolves, and prints the
// list to stderr at exit, so a test can prove `--help` and usage errors never load Lighthouse or Puppeteer.
import { registerHooks } from 'node:module';

const packages = new Set();
registerHooks({
  resolve(specifier, context, next) {
    if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !specifier.startsWith('file:')) {
      packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
    return next(specifier, context);
  },
});
process.on('exit', () => process.stderr.write(`\nimported-packages: ${[...packages].sort().join(',')}\n`));
