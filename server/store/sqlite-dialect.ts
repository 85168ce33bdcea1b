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
  // A trigram index finds nothing shorter than a trigram (undefined: no index for this search).
  searchIndex: (id, q) => {
    const trigrams = trigramsOf(q);
    return trigrams.length === 0
      ? undefined
      : sql`${id} in (select rowid from comments_search where comments_search match ${trigrams.join(' AND ')})`;
  },
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

/**
 * q's trigrams as FTS5 strings, for an index that keeps no positions (detail=none: about a
 * third of the size of one with them): rows holding all of them are a superset of those
 * containing q, which LIKE then checks. FTS5 folds all of Unicode's case, so the superset also
 * holds LIKE's case-blind matches.
 */
function trigramsOf(q: string): string[] {
  const chars = [...q];
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const trigram = chars.slice(i, i + 3).join('');
    trigrams.add(`"${trigram.replaceAll('"', '""')}"`);
  }
  return [...trigrams];
}
