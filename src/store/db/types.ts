// The small surface every repository is written against. Both backends implement it, so a repository
// never knows which engine it runs on; the few SQL differences live in `Dialect`.

export type Backend = 'sqlite' | 'postgres';

/** Values a query may bind. Booleans become 1/0 on SQLite; undefined binds as NULL. */
export type SqlParam = string | number | bigint | boolean | null | undefined | Uint8Array;

export interface Dialect {
  readonly backend: Backend;
  /** Column types, spelled for this engine. */
  readonly types: {
    /** Auto-incrementing primary key that never reuses ids, so id order is creation order. */
    id: string;
    bigint: string;
    real: string;
    bool: string;
    /** JSON documents: JSONB on PostgreSQL, TEXT on SQLite. Repositories always bind and read JSON text. */
    json: string;
    /** Instants: TIMESTAMPTZ on PostgreSQL, ISO-8601 UTC text on SQLite. Always read back as ISO strings. */
    timestamp: string;
  };
  /** SQL expression for "now", usable as a column default. */
  readonly now: string;
  /** Row locking for work-queue claims: `FOR UPDATE SKIP LOCKED` on PostgreSQL, nothing on SQLite (one writer). */
  readonly skipLocked: string;
  /** Largest number of bound parameters one statement may carry. */
  readonly maxParams: number;
}

export interface RunResult {
  changes: number;
}

/** Query methods. SQL uses `?` placeholders on both engines; the PostgreSQL adapter rewrites them to $n. */
export interface Queryable {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlParam[]): Promise<RunResult>;
}

/** A column of a bulk insert: its name and the PostgreSQL type of its values (the element type of the array bound for it). */
export interface BulkColumn {
  name: string;
  pgType: 'text' | 'float8' | 'int8' | 'bool' | 'timestamptz';
}

export interface BulkInsertOptions {
  /** Skip rows that would violate a unique index (`ON CONFLICT DO NOTHING`) instead of failing. */
  ignoreConflicts?: boolean;
}

export interface Db extends Queryable {
  /**
   * Inserts many rows into `table` atomically (all or none), in the fastest form the engine has: on PostgreSQL
   * one statement binding one array per column (`INSERT … SELECT * FROM unnest($1::text[], …)`, a prepared
   * statement whatever the row count); on SQLite multi-row INSERTs in one transaction. Returns rows inserted.
   */
  insertMany(table: string, columns: readonly BulkColumn[], rows: readonly (readonly SqlParam[])[], options?: BulkInsertOptions): Promise<number>;
  /**
   * Runs `fn` in one transaction: commits when it resolves, rolls back when it throws (and rethrows).
   * Use only the `tx` handed to `fn` inside it; on SQLite other callers wait until it ends.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Holds a cross-process lock named by `key` for the duration of `fn`: a PostgreSQL advisory lock, or
   * SQLite's write lock. Used so that two processes starting at once never both run a migration.
   */
  withExclusiveLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
