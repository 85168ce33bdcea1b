/** SQLite's words for what query code says differently on each database (see executor.ts's Dialect; postgres-dialect.ts is the twin). */
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Dialect } from './executor.ts';
import { likePattern } from './sql-words.ts';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  allRows: async (db, query) => db.all(query),
  // SQLite's LIKE ignores ASCII case by itself.
  contains: (column, q) => sql`${column} like ${likePattern(q)} escape '\\'`,
  // BINARY, SQLite's default collation, compares the UTF-8 bytes.
  byteOrder: (column) => sql`${column}`,
  // A failed statement is undone alone; the transaction goes on.
  attempt: (db, fn) => fn(db),
  constraintProblem: (error) =>
    error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT') ? error.message : undefined,
  // The one writer has the database to itself: nobody writes between a read and its write.
  lockRows: async () => {},
  skipLocked: sql``,
  // AUTOINCREMENT follows explicit ids by itself.
  idsInserted: async () => {},
};
