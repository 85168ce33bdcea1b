/**
 * Which database errors mean "try again in a moment" (503) and which mean "this value cannot be
 * stored" (400), on either database, so the HTTP layer never needs to know a driver's codes.
 */
import { isFull as isSqliteFull } from './database.ts';
import { StoreBusyError } from './executor.ts';
import { sqlState } from './postgres-errors.ts';
import { isBusy as isSqliteBusy } from './sqlite-writer.ts';

/**
 * PostgreSQL's SQLSTATEs for "not now": a lock wait past lock_timeout (55P03), a deadlock or
 * serialisation failure still there after retries (40P01, 40001), a statement cancelled (57014),
 * no connection slot or memory (class 53), the server shutting down or starting (57P01-57P03),
 * a broken connection (class 08).
 */
const BUSY_STATES = /^(55P03|40P01|40001|57014|57P0[123]|53...|08...)$/;
/** PostgreSQL's SQLSTATE for a full disk (in class 53, but not "try again in a moment"). */
const DISK_FULL = '53100';
/** A connection refused or cut before PostgreSQL could answer (it restarts, fails over, or is not up yet). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Whether the error means the database is busy or out of reach for now: nothing was written, and a retry may go through. */
export function isBusy(error: unknown): boolean {
  if (isFull(error)) return false;
  if (error instanceof StoreBusyError || isSqliteBusy(error) || BUSY_STATES.test(sqlState(error))) return true;
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ('code' in e && UNREACHABLE.has(String(e.code))) return true;
  }
  return false;
}

/**
 * PostgreSQL's SQLSTATEs for a value its types cannot hold: a number out of range (22003: an id
 * past 2^31 - 1), text with U+0000 (22021) or with a code point the encoding lacks (22P05).
 * Input is checked and cleaned before it gets here; this is the backstop that keeps a value
 * a check missed a 400, never a 500.
 */
const UNSTORABLE_STATES = new Set(['22003', '22021', '22P05']);

export function isUnstorable(error: unknown): boolean {
  return UNSTORABLE_STATES.has(sqlState(error));
}

/** Whether an error means the disk (or SQLite's size cap, RIPOSTE_DB_MAX_MB) is full: nothing was written. */
export function isFull(error: unknown): boolean {
  return isSqliteFull(error) || sqlState(error) === DISK_FULL;
}
