/** PostgreSQL's words for what query code says differently on each database (see executor.ts's Dialect; sqlite-dialect.ts is the twin). */
import { type SQL, sql } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from './database.ts';
import type { Dialect } from './executor.ts';
import { type PostgresDb, resetIdSequences } from './postgres-database.ts';
import { likePattern } from './sql-words.ts';

/** What `Db` is at run time on PostgreSQL: the pool's database or a transaction (postgres-store.ts hands it in as Db). */
type PostgresHandle = PostgresDb | PgTransaction<never, never, never>;
const handle = (db: Db): PostgresHandle => db as unknown as PostgresHandle;

/** SQLSTATE class 23, integrity constraint violation. */
const CONSTRAINT_CLASS = '23';

/** The database's own error behind `error` (drizzle wraps it in a DrizzleQueryError, as `cause`), if any. */
export function databaseError(error: unknown): pg.DatabaseError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof pg.DatabaseError) return e;
  return undefined;
}

/** The SQLSTATE of the database error behind `error`, or '' for any other error. */
export const sqlState = (error: unknown): string => databaseError(error)?.code ?? '';

export const postgresDialect: Dialect = {
  name: 'postgres',
  allRows: async <T>(db: Db, query: SQL) => (await handle(db).execute(query)).rows as T[],
  // LIKE is case-sensitive here; ILIKE folds case by the database's locale (the same as SQLite's for ASCII).
  contains: (column, q) => sql`${column} ilike ${likePattern(q)} escape '\\'`,
  byteOrder: (column) => sql`${column} collate "C"`,
  attempt: (db, fn) => handle(db).transaction((savepoint) => fn(savepoint as unknown as Db)),
  constraintProblem: (error) => {
    const found = databaseError(error);
    if (!found?.code?.startsWith(CONSTRAINT_CLASS)) return undefined;
    // The detail names the key: Key (thread_id)=(99) is not present in table "threads".
    return found.detail ? `${found.message}: ${found.detail}` : found.message;
  },
  lockRows: async (db, table, where) => {
    await handle(db).execute(sql`select 1 from ${table} where ${where} for update`);
  },
  skipLocked: sql`for update skip locked`,
  idsInserted: (db) => resetIdSequences(handle(db)),
};
