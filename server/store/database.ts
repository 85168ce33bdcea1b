/**
 * SQLite through better-sqlite3: opening the file (WAL, foreign keys), applying committed
 * migrations, and the server's two connections: a reader (WAL lets it read while a write is
 * open) and a writer whose turns (sqlite-writer.ts) commit every write waiting at once, each
 * write in a savepoint of its own. better-sqlite3 waits for a lock synchronously, stalling the
 * whole server, so no connection waits (busy_timeout 0): a write that finds another process's
 * lock (an import) tries again after an asynchronous pause, until its deadline.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectPath } from '../runtime/project-root.ts';
import type { Executor } from './executor.ts';
import * as schema from './schema.ts';
import { sqliteDialect } from './sqlite-dialect.ts';
import { groupCommit, retryWhileBusy } from './sqlite-writer.ts';
import { startCheckpointer } from './wal-checkpointer.ts';

export type Db = BetterSQLite3Database<typeof schema>;

const MIGRATIONS = projectPath('server/store/migrations');

export interface Connection {
  db: Db;
  sqlite: Database.Database;
}

/**
 * How long a request's write may wait for another process's write lock before the answer is
 * 503 "busy, try again": long enough to slip between an import's commits, short enough that
 * the commenter is told soon.
 */
export const WRITE_WAIT_MS = 2_000;
/** An import or a start-up migration may wait longer for the server's short writes. */
export const TOOL_WAIT_MS = 5_000;

/** A connection to the file; the caller has migrated it (openSqlite) or only reads. `maxBytes` caps the database's size (0: none). */
export function connect(file: string, options: { readonly?: boolean; maxBytes?: number } = {}): Connection {
  const sqlite = new Database(file, { readonly: options.readonly ?? false, timeout: 0 });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  // Past the cap SQLite refuses to grow the file with SQLITE_FULL, as on a full disk (see isFull).
  if (options.maxBytes)
    sqlite.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / Number(sqlite.pragma('page_size', { simple: true }))))}`);
  // After each checkpoint that empties the log, cut it back to this size: a burst of writes (or a
  // long read that held checkpoints back) would otherwise leave it at its largest for good.
  if (!options.readonly) sqlite.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return { db: drizzle(sqlite, { schema }), sqlite };
}

/** The write-ahead log kept after a checkpoint: SQLite checkpoints by itself at about this size (1,000 pages). */
const WAL_KEPT_BYTES = 4 * 1024 * 1024;

/**
 * Copies the write-ahead log into the database and empties the log file, after a large write
 * (an import): one transaction's log holds every page it wrote, several times the data for a
 * large import. A reader still in the log makes it a partial checkpoint; the log is then cut
 * back at the next one (journal_size_limit).
 */
export function checkpoint({ sqlite }: Connection): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** Whether an error means the disk (or the database's size cap) is full: nothing was written. */
export function isFull(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_FULL';
}

/** How a store behaves: its size cap, and how its writes wait for another process's write lock (an import's, held for minutes). */
export interface StoreOptions {
  /** The database's size cap in bytes (RIPOSTE_DB_MAX_MB); 0 or none: only the disk limits it. */
  maxBytes?: number;
  /**
   * Told when start-up (migrations), or a patient store's write, starts waiting for another
   * process's lock. Given it, start-up waits as long as it takes, where it would give up after
   * TOOL_WAIT_MS.
   */
  onWait?: () => void;
  /** A command-line tool: every write waits as long as it takes, where a request's gives up after WRITE_WAIT_MS. */
  patient?: boolean;
  /** The server: the write-ahead log is checkpointed from a thread of its own (wal-checkpointer.ts), not by the writer. */
  checkpointInBackground?: boolean;
}

/** An executor over a connection already held in a transaction: reads and writes go straight to it. */
export function directExecutor({ db }: Connection): Executor {
  return { read: db, tables: schema, dialect: sqliteDialect, write: (fn) => fn(db) };
}

export interface SqliteDatabase {
  /** The writer's connection itself, for an in-memory database's export (it has no other). */
  writer: Connection;
  /** Reads on the reader, writes through the writer's turns, each write all or nothing. */
  queued: Executor;
  /**
   * Runs fn holding the writer, in its next turn (sqlite-writer.ts): all of fn lands or none of
   * it, answered once committed; the executor goes straight to the writer (always the same one).
   */
  exclusive<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How many migrations the database has had (none before the first). */
function appliedMigrations(sqlite: Database.Database): number {
  const made = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return made ? Number(sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()) : 0;
}

/**
 * After an upgrade (run with foreign keys off): rows whose references point nowhere, said
 * once, loudly. Nothing is changed or refused: the rows are the owner's, and what to do with
 * them is a person's call.
 */
function reportBrokenReferences(sqlite: Database.Database): void {
  let broken: { table: string }[];
  try {
    broken = sqlite.pragma('foreign_key_check') as { table: string }[];
  } catch (error) {
    // SQLite refuses the check itself when a key names a column with no unique index.
    console.error(`riposte: after upgrading the database, its references could not be checked; the server goes on: ${error}`);
    return;
  }
  if (broken.length === 0) return;
  const tables = [...new Set(broken.map((row) => row.table))].join(', ');
  console.error(
    `riposte: after upgrading the database, ${broken.length} row(s) refer to rows that do not exist (in ${tables}; SQLite's PRAGMA foreign_key_check lists them); the server goes on.`,
  );
}

/** Opens the server's connections to the file and applies any migrations not yet applied. */
export async function openSqlite(file: string, options: StoreOptions = {}): Promise<SqliteDatabase> {
  if (file !== ':memory:' && !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // A new database is readable by its owner only (SQLite gives its -wal and -shm the same mode): it holds emails and the hashing key.
    closeSync(openSync(file, 'a', 0o600));
  }
  const writer = connect(file, { maxBytes: options.maxBytes });
  // Migrating takes the write lock only when a migration is due: a server restarted during an import starts at once.
  const migrateBy = options.onWait || options.patient ? Number.POSITIVE_INFINITY : performance.now() + TOOL_WAIT_MS;
  const before = appliedMigrations(writer.sqlite);
  // Foreign keys off while migrating, as SQLite's procedure for rebuilding a table asks (the
  // pragma does nothing inside the migrations' transaction): dropping a table someone's key
  // points at would otherwise empty that key in every row (ON DELETE SET NULL).
  writer.sqlite.pragma('foreign_keys = OFF');
  try {
    await retryWhileBusy(() => migrate(writer.db, { migrationsFolder: MIGRATIONS }), migrateBy, options.onWait);
  } finally {
    writer.sqlite.pragma('foreign_keys = ON');
  }
  if (appliedMigrations(writer.sqlite) > before) reportBrokenReferences(writer.sqlite);
  // An in-memory database exists only on its one connection.
  const reader = file === ':memory:' ? writer : connect(file);
  if (reader !== writer) reader.sqlite.pragma('query_only = ON');
  const checkpointer = options.checkpointInBackground && file !== ':memory:' ? startCheckpointer(file) : null;
  if (checkpointer) writer.sqlite.pragma('wal_autocheckpoint = 0');
  const write = groupCommit(writer.sqlite, options.patient ? options.onWait : undefined);
  const direct = directExecutor(writer);
  const exclusive = <T>(fn: (tx: Executor) => Promise<T>): Promise<T> => {
    // The wait counts from the request, queue included: behind a stuck lock, later writes give up in time too.
    const deadline = options.patient ? Number.POSITIVE_INFINITY : performance.now() + WRITE_WAIT_MS;
    return write(() => fn(direct), deadline);
  };
  return {
    writer,
    queued: { read: reader.db, tables: schema, dialect: sqliteDialect, write: (fn) => exclusive((tx) => fn(tx.read)) },
    exclusive,
    async close() {
      // The checkpointer first: the last connection to close copies what is left of the log back.
      await checkpointer?.stop();
      writer.sqlite.close();
      if (reader !== writer) reader.sqlite.close();
    },
  };
}
