/**
 * SQL that query code writes the same way for SQLite and PostgreSQL: a table alias (drizzle's
 * alias is the same proxy in both dialects) and an upsert's `excluded.` row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A table joined twice (a comment and its parent) under another name. */
export { alias } from 'drizzle-orm/sqlite-core';
/** Any table, as query code names it (typed as SQLite's; see executor.ts's Tables). */
export type Table = SQLiteTable;

/** A LIKE pattern for `q` anywhere, LIKE's own wildcards in it escaped (with `\\`), so "50%" means that. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** In an upsert's update, the value the refused insert brought. */
export function excluded(column: SQLiteColumn): SQL {
  return sql.raw(`excluded."${column.name}"`);
}
