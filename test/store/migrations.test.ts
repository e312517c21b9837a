// Migrations on both engines: versioned, idempotent, each in a transaction, safe when processes start at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, openStore, resolveStoreTarget, type Migration } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from './backends.ts';
import { runFixture } from './child.ts';

async function versions(store: Awaited<ReturnType<typeof openStore>>): Promise<number[]> {
  const rows = await store.db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((r) => Number(r.version));
}

describe('migration files', () => {
  it('are numbered in the storage range 001–099 or an area range, with no clashes', async () => {
    const migrations = await loadMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(5);
    expect(migrations.map((m) => m.version)).toEqual([...new Set(migrations.map((m) => m.version))].sort((a, b) => a - b));
    for (const m of migrations) expect(m.version).toBeLessThan(400);
  });

  it('refuses two files with the same number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-clash-'));
    try {
      writeFileSync(join(dir, '010-a.ts'), 'export function up() { return []; }\n');
      writeFileSync(join(dir, '010-b.ts'), 'export function up() { return []; }\n');
      await expect(loadMigrations(dir)).rejects.toThrow(/two migrations share version 010/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('store URL', () => {
  it('defaults to a SQLite file in the data directory and rejects unknown schemes clearly', () => {
    expect(resolveStoreTarget({ dataDir: '/tmp/x' })).toEqual({ backend: 'sqlite', location: '/tmp/x/storefront-auditor.sqlite' });
    expect(resolveStoreTarget({ url: 'postgresql://u@h/db' }).backend).toBe('postgres');
    expect(resolveStoreTarget({ url: 'sqlite:/tmp/a.db' })).toEqual({ backend: 'sqlite', location: '/tmp/a.db' });
    expect(() => resolveStoreTarget({ url: 'mysql://root:secret@h/db' })).toThrow(/unsupported DATABASE_URL "mysql:\/\/root:\*\*\*@h\/db"/);
  });

  it('explains an unreachable PostgreSQL and an unusable data directory', async () => {
    await expect(openStore({ url: 'postgres://postgres@127.0.0.1:1/test' })).rejects.toThrow(/cannot connect to PostgreSQL/);
    const dir = mkdtempSync(join(tmpdir(), 'store-bad-dir-'));
    try {
      writeFileSync(join(dir, 'file'), 'not a directory');
      await expect(openStore({ dataDir: join(dir, 'file', 'sub') })).rejects.toMatchObject({ code: 'config' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(BACKENDS)('migrations on %s', (_name, makeBackend) => {
  const backend: TestBackend = makeBackend();
  afterAll(() => backend.cleanup());

  it('applies every migration once, records it, and applies nothing on the next start', async () => {
    const options = backend.fresh();
    const first = await openStore(options);
    const all = (await loadMigrations()).map((m) => m.version);
    expect(first.migrations.applied).toEqual(all);
    expect(await versions(first)).toEqual(all);
    await first.close();
    const second = await openStore(options);
    expect(second.migrations).toEqual({ applied: [], current: Math.max(...all) });
    expect(await versions(second)).toEqual(all);
    await second.close();
  });

  it('applies a new migration added later, and rolls back a failing one completely', async () => {
    const options = backend.fresh();
    const base = await loadMigrations();
    const added: Migration = { version: 150, name: 'added-later', up: () => ['CREATE TABLE later_things (shop TEXT NOT NULL, x INTEGER)'] };
    const broken: Migration = {
      version: 151,
      name: 'broken',
      up: () => ['CREATE TABLE half_done (id INTEGER)', 'INSERT INTO no_such_table VALUES (1)'],
    };
    await expect(openStore({ ...options, migrations: [...base, added, broken] })).rejects.toThrow(/migration 151-broken failed/);
    const store = await openStore({ ...options, migrations: [...base, added] });
    expect(await versions(store)).toContain(150);
    expect(await versions(store)).not.toContain(151);
    // The failed migration's first statement was rolled back with it.
    await expect(store.db.all('SELECT * FROM half_done')).rejects.toThrow();
    await store.db.run('INSERT INTO later_things (shop, x) VALUES (?, ?)', ['s', 1]);
    expect((await store.deleteShopData('s')).later_things).toBe(1);
    await store.close();
  });

  it('is safe when four processes start at once on a fresh database', async () => {
    const options = backend.fresh();
    const startAt = String(Date.now() + 1_500);
    const results = await Promise.all(Array.from({ length: 4 }, () => runFixture('open-store.ts', [JSON.stringify(options), startAt])));
    for (const r of results) expect(r.stderr, r.stderr).not.toMatch(/Error/);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const applied = results.flatMap((r) => (JSON.parse(r.stdout) as { applied: number[] }).applied).sort((a, b) => a - b);
    const all = (await loadMigrations()).map((m) => m.version);
    // Every migration was applied by exactly one of the processes.
    expect(applied).toEqual(all);
    const store = await openStore(options);
    expect(await versions(store)).toEqual(all);
    await store.close();
  });

  it.runIf(backend.name === 'postgres')('is safe when four pools in one process migrate at once', async () => {
    const options = backend.fresh();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(options)));
    const applied = stores.flatMap((s) => s.migrations.applied).sort((a, b) => a - b);
    expect(applied).toEqual((await loadMigrations()).map((m) => m.version));
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe('SQLite in one process', () => {
  it('shares one connection between stores opened on the same file, so their transactions never deadlock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-shared-'));
    try {
      const [a, b] = await Promise.all([openStore({ dataDir: dir }), openStore({ dataDir: dir })]);
      // A holds a write transaction across an await while B writes: B waits its turn instead of stalling.
      await Promise.all([
        a.db.transaction(async (tx) => {
          await tx.run("INSERT INTO settings (shop, name, value, updated_at) VALUES ('s', 'a', '1', 'now')");
          await new Promise((resolve) => setTimeout(resolve, 50));
        }),
        b.settings.set('s', 'b', 2),
      ]);
      expect(await b.settings.getAll('s')).toEqual({ a: 1, b: 2 });
      await a.close();
      await expect(a.settings.get('s', 'a')).rejects.toThrow(/store is closed/);
      expect(await b.settings.get('s', 'a')).toBe(1);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
