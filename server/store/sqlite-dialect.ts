/**
 * The few places where query code needs SQLite's own words or driver: each named here, so
 * another database (PostgreSQL) gives each one a twin and the query files stay as they are.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/** The dialect's table alias (a table joined twice, as a comment and its parent) and table type. */
export { alias } from 'drizzle-orm/sqlite-core';
export type Table = SQLiteTable;
import type { Db } from './database.ts';

/** Rows a write changed: better-sqlite3 says `changes` (node-postgres says `rowCount`). */
export function rowsAffected(result: { changes: number }): number {
  return result.changes;
}

/** The rows of a hand-written query (better-sqlite3: `all`; node-postgres: `execute(...).rows`). */
export async function allRows<T>(db: Db, query: SQL): Promise<T[]> {
  return db.all<T>(query);
}

/**
 * `column` contains `q` anywhere, ignoring case: SQLite's LIKE ignores ASCII case by itself
 * (PostgreSQL wants ILIKE). LIKE's own wildcards in `q` are escaped, so "50%" means that.
 */
export function contains(column: SQLiteColumn, q: string): SQL {
  return sql`${column} like ${`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} escape '\\'`;
}

/** In an upsert's update, the value the refused insert brought (`excluded.` in SQLite and PostgreSQL alike). */
export function excluded(column: SQLiteColumn): SQL {
  return sql.raw(`excluded.${column.name}`);
}

/** Rows in the order they were inserted (SQLite's rowid), which a restore keeps, so a re-export comes out the same. */
export const insertionOrder = sql`rowid`;
