// A temporary directory for what nobody asked to keep (screenshots, Chromium's profile), removed when the
// process ends however it ends: normal exit, an error, Ctrl-C or SIGTERM. Nothing lands in the working directory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

// Chromium makes its singleton socket at $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket and refuses to
// start ("Socket path too long") when that passes a Unix socket path's limit, 103 bytes on macOS (107 on
// Linux). macOS's own TMPDIR (/var/folders/…/T/, 49 bytes) or a CI workspace's is long enough to reach it once
// our directory is added, so Chromium's TMPDIR falls back to /tmp when the system's would be too long.
const SOCKET_PATH_MAX = 103;
const CHROMIUM_SOCKET_TAIL = '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length;
const PREFIX = 'storefront-audit-';

export interface ScratchDir {
  path: string;
  /** A directory for child processes' TMPDIR (Chromium's temporary files), short enough for its socket. */
  childTmp: string;
  remove(): void;
}

export function makeScratchDir(prefix = PREFIX): ScratchDir {
  hook();
  const path = track(mkdtempSync(join(tmpdir(), prefix)));
  const childTmp = path.length + CHROMIUM_SOCKET_TAIL <= SOCKET_PATH_MAX || !existsSync('/tmp') ? path : track(mkdtempSync(join('/tmp', prefix)));
  return {
    path,
    childTmp,
    remove() {
      for (const dir of new Set([path, childTmp])) {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
        dirs.delete(dir);
      }
    },
  };
}

function track(dir: string): string {
  dirs.add(dir);
  return dir;
}
