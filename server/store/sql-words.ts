/**
 * SQL that query code writes the same way for SQLite and PostgreSQL: a table alias (drizzle's
 * alias is the same proxy in both dialects) and an upsert's `excluded.` row.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/**
 * What the duplicate check's index holds of a comment's text (comments_thread_body_ends): its
 * first and last 32 characters. Texts that begin alike (a greeting, a template) seldom also end
 * alike; the start alone made a thread's every new comment read all those before it that began
 * the same way. One expression for SQLite and PostgreSQL, in the index and in the check, though
 * for texts under 32 characters they read its end differently (a start of zero or below:
 * PostgreSQL takes the whole text, SQLite counts from the right); each database only compares
 * its own keys, so the check is the same.
 */
export const bodyEnds = (text: SQLWrapper): SQL => sql`(substr(${text}, 1, 32) || substr(${text}, (length(${text}) - 31)))`;
