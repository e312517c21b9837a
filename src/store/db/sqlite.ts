// SQLite backend on the built-in node:sqlite. The engine is synchronous and this process holds one
// connection, so statements are queued behind a promise chain: an open transaction owns the connection
// until it ends, and nobody else's statement can land inside it.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { createTxGuard } from './tx-guard.ts';
import type { Db, Dialect, Queryable, RunResult, SqlParam } from './types.ts';

export const sqliteDialect: Dialect = {
  backend: 'sqlite',
  types: {
    id: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    bigint: 'INTEGER',
    real: 'REAL',
    bool: 'INTEGER',
    json: 'TEXT',
    timestamp: 'TEXT',
  },
  now: "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
  skipLocked: '',
  maxParams: 32_000,
};

const STATEMENT_CACHE_SIZE = 256;

type Bindable = string | number | bigint | null | Uint8Array;

function bind(params: readonly SqlParam[]): Bindable[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

export interface SqliteOptions {
  /** How long a writer waits for another process's write lock before failing, in ms. */
  busyTimeoutMs?: number;
}

// Switching a fresh file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once instead of
// calling the busy handler when another process is doing the same switch. So several processes opening a new
// database together retry here, within the same busy timeout. The wait is synchronous because the whole
// connection is, and it only happens while a database is being opened.
const SQLITE_BUSY = 5;

function switchToWal(raw: DatabaseSync, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      raw.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      const busy = ((error as { errcode?: number }).errcode ?? 0) % 256 === SQLITE_BUSY;
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, Math.min(5 * attempt, 50));
    }
  }
}

export function openSqliteDb(path: string, options: SqliteOptions = {}): Db {
  const raw = new DatabaseSync(path, { enableForeignKeyConstraints: true });
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000));
  raw.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  if (path !== ':memory:') switchToWal(raw, busyTimeoutMs);
  // WAL + NORMAL stays durable across process crashes (only an OS crash can lose the last commits).
  raw.exec('PRAGMA synchronous = NORMAL');

  const cache = new Map<string, StatementSync>();
  function prepare(sql: string): StatementSync {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
      cache.set(sql, stmt);
      return stmt;
    }
    stmt = raw.prepare(sql);
    cache.set(sql, stmt);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return stmt;
  }

  const direct: Queryable = {
    dialect: sqliteDialect,
    async all<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      return prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, params: readonly SqlParam[] = []): Promise<T | undefined> {
      return prepare(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql: string, params: readonly SqlParam[] = []): Promise<RunResult> {
      return { changes: Number(prepare(sql).run(...bind(params)).changes) };
    },
  };

  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  const guard = createTxGuard();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    try {
      guard.assertOutside();
    } catch (error) {
      return Promise.reject(error);
    }
    const result = tail.then(() => {
      if (closed) throw new Error('store is closed');
      return fn();
    });
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    dialect: sqliteDialect,
    all: (sql, params) => serial(() => direct.all(sql, params)),
    get: (sql, params) => serial(() => direct.get(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    insertMany(table, columns, rows, options = {}) {
      return serial(async () => {
        if (rows.length === 0) return 0;
        const head = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES `;
        // Not INSERT OR IGNORE: that would also skip rows breaking NOT NULL or CHECK, which must fail.
        const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '';
        const placeholder = `(${columns.map(() => '?').join(', ')})`;
        // Up to 2,000 rows and the engine's parameter limit per statement, all in one transaction.
        const size = Math.max(1, Math.min(2_000, Math.floor(sqliteDialect.maxParams / columns.length)));
        raw.exec('BEGIN IMMEDIATE');
        try {
          let inserted = 0;
          for (let i = 0; i < rows.length; i += size) {
            const chunk = rows.slice(i, i + size);
            const values: SqlParam[] = [];
            for (const row of chunk) {
              if (row.length !== columns.length) throw new Error(`a row of ${row.length} values for ${columns.length} columns of ${table}`);
              values.push(...row);
            }
            inserted += Number(prepare(head + new Array(chunk.length).fill(placeholder).join(', ') + tail).run(...bind(values)).changes);
          }
          raw.exec('COMMIT');
          return inserted;
        } catch (error) {
          if (raw.isTransaction) raw.exec('ROLLBACK');
          throw error;
        }
      });
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return serial(async () => {
        // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading read locks.
        raw.exec('BEGIN IMMEDIATE');
        let open = true;
        // The handle stops working when the transaction ends, so a leaked `tx` cannot write outside the queue.
        const ended = () => {
          if (!open) throw new Error('transaction already ended: this tx handle can no longer be used');
        };
        const tx: Queryable = {
          dialect: sqliteDialect,
          all: async (sql, params) => (ended(), direct.all(sql, params)),
          get: async (sql, params) => (ended(), direct.get(sql, params)),
          run: async (sql, params) => (ended(), direct.run(sql, params)),
        };
        try {
          const value = await guard.within(() => fn(tx)).finally(() => {
            open = false;
          });
          raw.exec('COMMIT');
          return value;
        } catch (error) {
          if (raw.isTransaction) raw.exec('ROLLBACK');
          throw error;
        }
      });
    },
    // Every migration runs in a BEGIN IMMEDIATE transaction that re-checks whether it was applied, which is
    // already exclusive across processes; no extra lock is needed.
    withExclusiveLock: (_key, fn) => fn(),
    close: () =>
      serial(async () => {
        closed = true;
        cache.clear();
        raw.close();
      }),
  };
}
