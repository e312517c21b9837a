// The two real engines every store test runs against: a SQLite file in a fresh temp directory, and a fresh
// PostgreSQL schema in the shared `test` database (unique per test file, dropped afterwards), so parallel
// users of that database never see each other's tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.ts';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Options that open a store on a fresh, private database. Call once per isolated database you need. */
  fresh(): StoreOptions;
  open(options?: Partial<StoreOptions>): Promise<Store>;
  cleanup(): Promise<void>;
}

function randomSuffix(): string {
  return `${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

export function sqliteBackend(): TestBackend {
  const dirs: string[] = [];
  let current: StoreOptions | null = null;
  const fresh = (): StoreOptions => {
    const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
    dirs.push(dir);
    current = { dataDir: dir };
    return current;
  };
  return {
    name: 'sqlite',
    fresh,
    open: (options = {}) => openStore({ ...(current ?? fresh()), ...options }),
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): TestBackend {
  const schemas: string[] = [];
  let current: StoreOptions | null = null;
  const fresh = (): StoreOptions => {
    const schema = `t_store_${randomSuffix()}`;
    schemas.push(schema);
    current = { url: PG_URL, schema, poolSize: 4 };
    return current;
  };
  return {
    name: 'postgres',
    fresh,
    open: (options = {}) => openStore({ ...(current ?? fresh()), ...options }),
    async cleanup() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export const BACKENDS: Array<[string, () => TestBackend]> = [
  ['sqlite', sqliteBackend],
  ['postgres', postgresBackend],
];
