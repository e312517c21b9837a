// One connection per SQLite file per process. node:sqlite blocks the thread while it waits for a lock, so a
// second connection in the same process, waiting on a transaction the first holds across an await, would
// stall the event loop until busy_timeout. Opening the same file twice therefore shares one handle, which
// closes with its last user.
import { openSqliteDb } from './sqlite.ts';
import type { Db } from './types.ts';

const open = new Map<string, { db: Db; users: number }>();

export function shareSqliteDb(path: string): Db {
  if (path === ':memory:') return openSqliteDb(path);
  let entry = open.get(path);
  if (!entry) {
    entry = { db: openSqliteDb(path), users: 0 };
    open.set(path, entry);
  }
  entry.users++;
  const shared = entry;
  let closed = false;
  const live = (): Db => {
    if (closed) throw new Error('store is closed');
    return shared.db;
  };
  return {
    dialect: shared.db.dialect,
    all: async (sql, params) => live().all(sql, params),
    get: async (sql, params) => live().get(sql, params),
    run: async (sql, params) => live().run(sql, params),
    insertMany: async (table, columns, rows, options) => live().insertMany(table, columns, rows, options),
    transaction: async (fn) => live().transaction(fn),
    withExclusiveLock: async (key, fn) => live().withExclusiveLock(key, fn),
    async close() {
      if (closed) return;
      closed = true;
      if (--shared.users === 0) {
        open.delete(path);
        await shared.db.close();
      }
    },
  };
}
