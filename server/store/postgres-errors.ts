/**
 * Reading PostgreSQL's errors without loading its driver: store-errors.ts classifies errors on
 * either database, and a server on SQLite should not carry `pg` in memory for that.
 */
import type { DatabaseError } from 'pg';

/** pg's DatabaseError, known by what only it carries: the server's SQLSTATE `code` and a `severity`. */
function isDatabaseError(error: Error): error is DatabaseError {
  return 'severity' in error && 'code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
}

/** The database's own error behind `error` (drizzle wraps it in a DrizzleQueryError, as `cause`), if any. */
export function databaseError(error: unknown): DatabaseError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (isDatabaseError(e)) return e;
  return undefined;
}

/** The SQLSTATE of the database error behind `error`, or '' for any other error. */
export const sqlState = (error: unknown): string => databaseError(error)?.code ?? '';
