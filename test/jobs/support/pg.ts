// A unique PostgreSQL schema per test file (store tables) plus one for pg-boss, dropped afterwards, so
// engineers running tests at the same time never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchemas(...schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Both queue modes, for `describe.each`: the embedded queue on SQLite, pg-boss on PostgreSQL. */
export const QUEUE_BACKENDS = [
  { name: 'embedded (SQLite)', pg: false },
  { name: 'scale-out (pg-boss, PostgreSQL)', pg: true },
] as const;
