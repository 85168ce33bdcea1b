/** PostgreSQL's words for what query code says differently on each database (see executor.ts's Dialect; sqlite-dialect.ts is the twin). */
import { type SQL, sql } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import type { Dialect } from './executor.ts';
import { type PostgresDb, resetIdSequences } from './postgres-database.ts';
import { databaseError } from './postgres-errors.ts';
import { likePattern } from './sql-words.ts';

/** What `Db` is at run time on PostgreSQL: the pool's database or a transaction (postgres-store.ts hands it in as Db). */
type PostgresHandle = PostgresDb | PgTransaction<never, never, never>;
const handle = (db: Db): PostgresHandle => db as unknown as PostgresHandle;

/** SQLSTATE class 23, integrity constraint violation. */
const CONSTRAINT_CLASS = '23';

export const postgresDialect: Dialect = {
  name: 'postgres',
  allRows: async <T>(db: Db, query: SQL) => (await handle(db).execute(query)).rows as T[],
  // LIKE is case-sensitive here; ILIKE folds case by the database's locale (the same as SQLite's for ASCII).
  contains: (column, q) => sql`${column} ilike ${likePattern(q)} escape '\\'`,
  // The pg_trgm GIN indexes on the searched columns (migration 0010) serve ILIKE directly.
  searchIndex: () => undefined,
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
