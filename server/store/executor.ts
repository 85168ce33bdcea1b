/**
 * What query groups run on: `read` for reads outside a transaction, `write(fn)` for anything
 * that changes rows (fn gets a connection in a transaction, and all of fn lands or none of it),
 * `tables` to query (SQLite's or PostgreSQL's, typed as schema.ts's) and `dialect` for the few
 * words the two databases spell differently. A transaction's executor reads and writes on the
 * connection it already holds. Query code awaits the query builders and never calls a driver's
 * own `.get()/.all()/.run()`, so the same code runs on either database.
 */
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './database.ts';
import type * as schema from './schema.ts';

/**
 * The tables of schema.ts; on PostgreSQL their twins from postgres-schema.ts under the same
 * names, typed as these (postgres-store.ts holds that one cast), so query code is written once.
 */
export type Tables = typeof schema;

/** What query code says differently on SQLite (sqlite-dialect.ts) and PostgreSQL (postgres-dialect.ts). */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The rows of a hand-written query. */
  allRows<T>(db: Db, query: SQL): Promise<T[]>;
  /** `column` contains `q` anywhere, ignoring ASCII case; LIKE's wildcards in `q` match themselves. */
  contains(column: SQLiteColumn, q: string): SQL;
  /**
   * Comments (by `id`) whose text, author name or email may contain `q`, from a search index:
   * a superset that `contains` then narrows; undefined where no index serves `q` (every comment
   * is a candidate). SQLite: the comments_search FTS5 trigram table (3 characters or more);
   * PostgreSQL: none here, its pg_trgm indexes serve `contains` itself.
   */
  searchIndex(id: SQLiteColumn, q: string): SQL | undefined;
  /** A text column in byte order (SQLite's own; PostgreSQL sorts by its collation unless told), for exports that must match. */
  byteOrder(column: SQLiteColumn): SQL;
  /**
   * Runs fn so that a statement failing in it (a constraint) leaves the transaction usable:
   * SQLite undoes only the failed statement; PostgreSQL needs a savepoint.
   */
  attempt<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T>;
  /** The database's message when the error is a broken constraint (unique, foreign key, not null, check): the data's fault. */
  constraintProblem(error: unknown): string | undefined;
  /**
   * Locks the rows `where` picks from `table` until the transaction ends, before a
   * read-then-write on them (SQLite's one writer needs none; PostgreSQL's writers run side by side).
   */
  lockRows(db: Db, table: SQLiteTable, where: SQL): Promise<void>;
  /**
   * Ends a select of rows to take for oneself (the outbox's claim): PostgreSQL's writers run
   * side by side, so each locks what it picks and passes over rows another has locked
   * (`for update skip locked`); SQLite's one writer needs nothing.
   */
  readonly skipLocked: SQL;
  /** After inserting rows with their own ids: the ids the database makes next come after them. */
  idsInserted(db: Db): Promise<void>;
}

export interface Executor {
  /** Reads outside a transaction (SQLite: a connection of its own that WAL lets read while a write is open; PostgreSQL: the pool). */
  readonly read: Db;
  readonly tables: Tables;
  readonly dialect: Dialect;
  /** Runs fn in one transaction (SQLite: with the writer to itself). */
  write<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

/**
 * A statement built and prepared once per connection, on first use: a comment's post runs the
 * same few statements every time, and building one with drizzle and preparing it costs more
 * than running it. On SQLite the connections live as long as the server (the writer, the
 * reader); on PostgreSQL a transaction's connection gets its own, as its query groups do.
 */
export function preparedOn<P>(make: (db: Db) => P): (db: Db) => P {
  const made = new WeakMap<Db, P>();
  return (db) => {
    let prepared = made.get(db);
    if (prepared === undefined) {
      prepared = make(db);
      made.set(db, prepared);
    }
    return prepared;
  };
}

/** The first row of a result, if any. */
export function first<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** The row an INSERT or UPDATE ... RETURNING must have given back. */
export function one<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('riposte store: a statement that must return a row returned none.');
  return row;
}

/**
 * Raised when the database stays locked by another writer (an import, another instance's long
 * transaction) past the wait a request may make, or has no connection free: nothing was written.
 */
export class StoreBusyError extends Error {
  constructor(cause?: unknown) {
    super('The database is locked by another writer (an import?) or has no connection free; nothing was written.', { cause });
    this.name = 'StoreBusyError';
  }
}
