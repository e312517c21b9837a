// The single entry point: picks the backend from the URL, runs pending migrations and hands back the
// repositories. Configuration comes from the caller; nothing here reads the environment.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openPostgresDb } from './db/postgres.ts';
import { shareSqliteDb } from './db/sqlite-registry.ts';
import type { Backend, Db } from './db/types.ts';
import { StoreError } from './errors.ts';
import { loadMigrations, runMigrations, type Migration, type MigrationResult } from './migrate.ts';
import { alertsRepository } from './repos/alerts.ts';
import { fixStatusRepository } from './repos/fixes.ts';
import { jobsRepository } from './repos/jobs.ts';
import { deleteShopData } from './repos/redact.ts';
import { rumRepository } from './repos/rum.ts';
import { rumSessionsRepository } from './repos/rum-sessions.ts';
import { runsRepository } from './repos/runs.ts';
import { schedulesRepository } from './repos/schedules.ts';
import { sessionsRepository } from './repos/sessions.ts';
import { settingsRepository } from './repos/settings.ts';
import { shopsRepository } from './repos/shops.ts';
import { webhooksRepository } from './repos/webhooks.ts';

export const DEFAULT_DATA_DIR = '.data';
export const SQLITE_FILE_NAME = 'storefront-auditor.sqlite';

export interface StoreOptions {
  /** postgres://… or postgresql://… selects PostgreSQL; `sqlite:<path>` a SQLite file; unset the default file. */
  url?: string;
  /** Where the default SQLite file lives (default `.data`); created when missing. */
  dataDir?: string;
  /** PostgreSQL only: schema to use (created when missing) instead of the connection's default search_path. */
  schema?: string;
  /** PostgreSQL only: pool size (default 10). */
  poolSize?: number;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** Migrations to apply instead of the files in src/store/migrations (for tests of the migrator itself). */
  migrations?: Migration[];
}

export interface Store {
  readonly backend: Backend;
  /** Where the data lives: the SQLite file path, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Raw access for other areas' own repositories over their own tables (migrations 100–399). */
  readonly db: Db;
  readonly migrations: MigrationResult;
  shops: ReturnType<typeof shopsRepository>;
  runs: ReturnType<typeof runsRepository>;
  fixes: ReturnType<typeof fixStatusRepository>;
  settings: ReturnType<typeof settingsRepository>;
  schedules: ReturnType<typeof schedulesRepository>;
  jobs: ReturnType<typeof jobsRepository>;
  alerts: ReturnType<typeof alertsRepository>;
  sessions: ReturnType<typeof sessionsRepository>;
  webhooks: ReturnType<typeof webhooksRepository>;
  rum: ReturnType<typeof rumRepository>;
  rumSessions: ReturnType<typeof rumSessionsRepository>;
  /** Deletes every row held for `shop` in every per-shop table, in one transaction. */
  deleteShopData(shop: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

interface Target {
  backend: Backend;
  location: string;
}

export function resolveStoreTarget(options: Pick<StoreOptions, 'url' | 'dataDir'>): Target {
  const url = options.url?.trim();
  if (!url) return { backend: 'sqlite', location: join(resolve(options.dataDir ?? DEFAULT_DATA_DIR), SQLITE_FILE_NAME) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { backend: 'postgres', location: url };
  if (/^sqlite:/i.test(url)) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new StoreError('config', 'DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:/var/lib/auditor/db.sqlite');
    return { backend: 'sqlite', location: path === ':memory:' ? path : resolve(path) };
  }
  throw new StoreError(
    'config',
    `unsupported DATABASE_URL ${JSON.stringify(redactUrl(url))}: use postgres://…, postgresql://… or sqlite:<path>, or leave it unset for the default SQLite file`,
  );
}

async function openDb(target: Target, options: StoreOptions): Promise<Db> {
  if (target.backend === 'postgres') {
    return openPostgresDb(target.location, { schema: options.schema, poolSize: options.poolSize });
  }
  if (target.location !== ':memory:') {
    const dir = resolve(target.location, '..');
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError('config', `cannot create the data directory ${dir}: ${(error as Error).message}`);
    }
  }
  try {
    return shareSqliteDb(target.location);
  } catch (error) {
    throw new StoreError('config', `cannot open the SQLite database ${target.location}: ${(error as Error).message}`);
  }
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const target = resolveStoreTarget(options);
  const db = await openDb(target, options);
  let migrations: MigrationResult = { applied: [], current: 0 };
  try {
    if (options.migrate !== false) migrations = await runMigrations(db, options.migrations ?? (await loadMigrations()));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return {
    backend: target.backend,
    location: target.backend === 'postgres' ? redactUrl(target.location) : target.location,
    db,
    migrations,
    shops: shopsRepository(db),
    runs: runsRepository(db),
    fixes: fixStatusRepository(db),
    settings: settingsRepository(db),
    schedules: schedulesRepository(db),
    jobs: jobsRepository(db),
    alerts: alertsRepository(db),
    sessions: sessionsRepository(db),
    webhooks: webhooksRepository(db),
    rum: rumRepository(db),
    rumSessions: rumSessionsRepository(db),
    deleteShopData: (shop) => deleteShopData(db, shop),
    close: () => db.close(),
  };
}
