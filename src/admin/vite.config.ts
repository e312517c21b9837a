// Builds the admin UI into dist/admin: one small JS bundle (Preact + uPlot), one CSS file, no external loads.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const ADMIN_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const ADMIN_OUT_DIR = fileURLToPath(new URL('../../dist/admin', import.meta.url));

export default defineConfig({
  root: ADMIN_ROOT,
  // The message catalogues the admin renders, not every namespace (see src/i18n/messages/admin-index.ts).
  resolve: { alias: [{ find: /^\.\/messages\/index\.ts$/, replacement: fileURLToPath(new URL('../i18n/messages/admin-index.ts', import.meta.url)) }] },
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: ADMIN_OUT_DIR, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
});
