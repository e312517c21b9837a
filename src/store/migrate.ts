// Versioned migrations, run on start. Each file in ./migrations is `NNN-name.ts` and exports
// `up(dialect): string[]`. Number ranges keep areas from clashing: 001–099 storage core, 100–199 Shopify app,
// 200–299 jobs/schedules/alerts, 300–399 real-user data. Each migration runs in its own transaction together
// with its row in schema_migrations, so a migration is either fully applied and recorded, or not at all.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Db, Dialect } from './db/types.ts';

export interface Migration {
  version: number;
  name: string;
  up: (dialect: Dialect) => string[];
}

export interface MigrationModule {
  up: (dialect: Dialect) => string[];
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE_NAME = /^(\d{3})-([a-z0-9][a-z0-9-]*)\.(ts|js)$/;

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  const seen = new Map<number, string>();
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const version = Number(match[1]);
    const name = match[2] as string;
    const clash = seen.get(version);
    if (clash) throw new Error(`two migrations share version ${match[1]}: ${clash} and ${file}`);
    seen.set(version, file);
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<MigrationModule>;
    if (typeof mod.up !== 'function') throw new Error(`migration ${file} does not export up(dialect)`);
    migrations.push({ version, name, up: mod.up });
  }
  return migrations;
}

export interface MigrationResult {
  applied: number[];
  current: number;
}

async function appliedVersions(db: Db): Promise<Set<number>> {
  const rows = await db.all<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => Number(r.version)));
}

export async function runMigrations(db: Db, migrations: Migration[]): Promise<MigrationResult> {
  const { types } = db.dialect;
  return db.withExclusiveLock('schema_migrations', async () => {
    await db.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${types.timestamp} NOT NULL)`,
    );
    const already = await appliedVersions(db);
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (already.has(migration.version)) continue;
      const ran = await db.transaction(async (tx) => {
        // Re-checked inside the transaction: on SQLite another process may have applied it meanwhile.
        const done = await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]);
        if (done) return false;
        for (const statement of migration.up(db.dialect)) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        return true;
      }).catch((error: Error) => {
        throw new Error(`migration ${String(migration.version).padStart(3, '0')}-${migration.name} failed: ${error.message}`, { cause: error });
      });
      if (ran) applied.push(migration.version);
    }
    const all = await appliedVersions(db);
    return { applied, current: Math.max(0, ...all) };
  });
}
