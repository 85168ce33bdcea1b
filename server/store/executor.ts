/**
 * What query groups run on: `read` for reads outside a transaction, `write(fn)` for anything
 * that changes rows (fn gets the writer to itself, and all of fn lands or none of it). A
 * transaction's executor reads and writes on the writer it already holds. Query code awaits
 * the query builders and never calls a driver's own `.get()/.all()/.run()`, so the same
 * code can run on another driver.
 */
import type { Db } from './database.ts';

export interface Executor {
  /** Reads outside a transaction (on SQLite, a connection of their own that WAL lets read while a write is open). */
  readonly read: Db;
  /** Runs fn with exclusive use of the writer, in one transaction. */
  write<T>(fn: (db: Db) => Promise<T>): Promise<T>;
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

/** Raised when the database stays locked by another process (an import) past the wait a request may make. */
export class StoreBusyError extends Error {
  constructor() {
    super('The database is locked by another writer (an import?); nothing was written.');
    this.name = 'StoreBusyError';
  }
}
