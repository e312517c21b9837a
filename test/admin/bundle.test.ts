// The admin's shipped JS: within the 150 KB gzip budget, with the catalogues the admin renders and without the
// server's and CLI's (admin-index.ts). A namespace added to index.ts must be placed in one list or the other.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminBuilt } from '../../src/admin/build.ts';
import { CATALOGUES as ADMIN, SERVER_ONLY_NAMESPACES } from '../../src/i18n/messages/admin-index.ts';
import { CATALOGUES as ALL } from '../../src/i18n/messages/index.ts';
import { ALERTS_STRINGS } from '../../src/i18n/messages/alerts.ts';
import { BASIS_STRINGS } from '../../src/i18n/messages/basis.ts';
import { CLI_STRINGS } from '../../src/i18n/messages/cli.ts';

let js = '';
let gzipBytes = 0;

beforeAll(async () => {
  const assets = join(await ensureAdminBuilt(), 'assets');
  for (const name of (await readdir(assets)).filter((n) => n.endsWith('.js'))) {
    const file = await readFile(join(assets, name));
    js += file.toString('utf8');
    gzipBytes += gzipSync(file, { level: 9 }).length;
  }
}, 120_000);

describe('admin bundle', () => {
  it('ships at most 150 KB of gzipped JS', () => {
    console.log(`admin JS: ${(gzipBytes / 1024).toFixed(1)} KB gzip -9`);
    expect(gzipBytes).toBeLessThanOrEqual(150 * 1024);
  });

  it('carries the catalogues it renders and leaves out the CLI, digest and alert texts', () => {
    expect(js).toContain(BASIS_STRINGS.fromPlateau);
    expect(js).not.toContain(CLI_STRINGS['help.audit']);
    expect(js).not.toContain(ALERTS_STRINGS.testLine);
    const placed = new Set([...ADMIN.map((c) => c.namespace), ...SERVER_ONLY_NAMESPACES]);
    expect(ALL.map((c) => c.namespace).filter((n) => !placed.has(n))).toEqual([]);
  });
});
