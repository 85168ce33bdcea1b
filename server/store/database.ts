/** Opens the SQLite file the way Riposte needs it (WAL, foreign keys) and applies committed migrations. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema>;

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Connection {
  db: Db;
  sqlite: Database.Database;
}

/**
 * The server's own connection waits this long for another writer (an import) to let go of the
 * write lock. better-sqlite3 waits synchronously, so the whole server stands still meanwhile:
 * better to answer 503 "try again" soon (see isBusy) than to freeze for seconds.
 */
const SERVER_BUSY_MS = 500;
/** An import or export on its own connection may wait longer for the server's short writes. */
const TOOL_BUSY_MS = 5_000;

/** Opens the database and applies any migrations not yet applied. */
export function openDatabase(file: string): Connection {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = connect(file, { busyMs: SERVER_BUSY_MS });
  migrate(connection.db, { migrationsFolder: MIGRATIONS });
  return connection;
}

/** A further connection to an opened (so migrated) database, e.g. for a long import or a consistent export. */
export function connect(file: string, options: { readonly?: boolean; busyMs?: number } = {}): Connection {
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyMs ?? TOOL_BUSY_MS}`);
  return { db: drizzle(sqlite, { schema }), sqlite };
}

/** Whether an error means another connection holds the write lock (e.g. an import is running). */
export function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}
