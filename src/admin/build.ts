// Builds the admin UI when dist/admin is missing or older than its sources, so `start`/`serve` can always pass
// a current `adminStaticDir` to createServer. Vite is a devDependency: a packaged install ships dist/admin.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_DIRS = [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../i18n', import.meta.url))];
export const ADMIN_DIST_DIR = fileURLToPath(new URL('../../dist/admin', import.meta.url));

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

async function builtAt(): Promise<number | null> {
  try {
    return (await stat(join(ADMIN_DIST_DIR, 'index.html'))).mtimeMs;
  } catch {
    return null;
  }
}

/** Runs `vite build` for the admin UI into dist/admin. */
export async function buildAdmin(): Promise<string> {
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), logLevel: 'warn' });
  return ADMIN_DIST_DIR;
}

/** The built admin UI directory, building it first when missing or older than any source file. */
export async function ensureAdminBuilt(): Promise<string> {
  const built = await builtAt();
  if (built !== null) {
    const sources = Math.max(...(await Promise.all(SOURCE_DIRS.map(newestMtime))));
    if (sources <= built) return ADMIN_DIST_DIR;
  }
  return buildAdmin();
}
