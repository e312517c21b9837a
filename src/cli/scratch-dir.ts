// A temporary directory for what nobody asked to keep (screenshots, Chromium's profile), removed when the
// process ends however it ends: normal exit, an error, Ctrl-C or SIGTERM. Nothing lands in the working directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const dir of dirs) {
    // Chromium may still be writing its profile for a moment after it is killed; retry briefly.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    dirs.delete(dir);
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      // Last in line, after Puppeteer's own exit handler has killed Chromium, so the profile is not in use.
      process.removeListener('exit', removeAll);
      process.on('exit', removeAll);
      process.exit(code);
    });
  }
}

export function makeScratchDir(prefix = 'storefront-audit-'): { path: string; remove(): void } {
  hook();
  const path = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(path);
  return {
    path,
    remove() {
      rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      dirs.delete(path);
    },
  };
}
