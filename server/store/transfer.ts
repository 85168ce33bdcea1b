/**
 * Whole-database export and restore: every table's rows in a fixed order, read from one
 * consistent snapshot, and written back with their ids so a restored database is identical.
 */
import { count, getTableColumns, sql } from 'drizzle-orm';
import type { Connection } from './database.ts';
import { first, type Executor } from './executor.ts';
import {
  adminSessions,
  admins,
  auditLog,
  authRequests,
  bans,
  comments,
  commentVotes,
  pageLikes,
  sessions,
  settings,
  sites,
  threads,
  users,
} from './schema.ts';
import { allRows, insertionOrder, type Table } from './sqlite-dialect.ts';

/**
 * The tables an export holds, under the names the export format uses, parents before children.
 * A new table belongs here or in NOT_EXPORTED (a test checks that every table is in one of them).
 */
export const EXPORTED_TABLES = {
  sites,
  users,
  threads,
  comments,
  likes: pageLikes,
  votes: commentVotes,
  settings,
  bans,
  audit: auditLog,
} as const;

/**
 * Tables left out of exports on purpose: short-lived sign-in state, useless after a move;
 * admins (password hashes stay on their server: `riposte admin add` again after a move).
 */
export const NOT_EXPORTED = { sessions, authRequests, admins, adminSessions } as const;
export type ExportedTableName = keyof typeof EXPORTED_TABLES;
export const EXPORTED_TABLE_NAMES = Object.keys(EXPORTED_TABLES) as ExportedTableName[];

/** Columns that are not data but kept up by triggers (a restore remakes them): not exported. */
export const DERIVED_COLUMNS: Partial<Record<ExportedTableName, readonly string[]>> = {
  threads: ['version'],
  comments: ['upvotes', 'downvotes'],
};

/** Rows as they go into and out of an export: the schema's own (camelCase) field names. */
export type ExportRow = Record<string, unknown>;

/**
 * Yields every row of every exported table from one read transaction, so the export is
 * consistent even while the server keeps writing (WAL readers see a fixed snapshot).
 */
export async function* snapshotRows(connection: Connection): AsyncGenerator<{ table: ExportedTableName; row: ExportRow }> {
  const { db, sqlite } = connection;
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('BEGIN');
  try {
    for (const table of EXPORTED_TABLE_NAMES) {
      const derived = DERIVED_COLUMNS[table] ?? [];
      const columns = Object.entries(getTableColumns(EXPORTED_TABLES[table])).filter(([key]) => !derived.includes(key));
      // rowid order is insertion order, which a restore keeps: a re-export comes out the same.
      const query = db.select().from(EXPORTED_TABLES[table]).orderBy(insertionOrder).toSQL();
      for (const stored of sqlite.prepare(query.sql).iterate(...query.params) as Iterable<Record<string, unknown>>) {
        const row: ExportRow = {};
        for (const [key, column] of columns) {
          const value = stored[column.name];
          row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
        }
        yield { table, row };
      }
    }
  } finally {
    if (own) sqlite.exec('COMMIT');
  }
}

/** Writing a restore; runs inside the import's transaction. */
export function restoreQueries(x: Executor) {
  const rowCount = async (table: Table) => first(await x.read.select({ n: count() }).from(table))?.n ?? 0;
  return {
    /** True when nothing has been posted yet: a restore may only fill an empty database. */
    async isEmpty(): Promise<boolean> {
      for (const table of [threads, comments, pageLikes, commentVotes, users, bans, auditLog])
        if ((await rowCount(table)) > 0) return false;
      return true;
    },
    /**
     * Inserts rows with their ids. Sites and settings replace what a fresh server made by
     * itself (the default site, a new hashing key), so the restored ones win.
     */
    insert(table: ExportedTableName, rows: ExportRow[]): Promise<void> {
      if (rows.length === 0) return Promise.resolve();
      return x.write(async (db) => {
        if (table === 'sites') {
          for (const row of rows) await db.delete(sites).where(sql`${sites.id} = ${row.id}`);
        }
        if (table === 'settings') {
          for (const row of rows) await db.delete(settings).where(sql`${settings.key} = ${row.key}`);
        }
        await db.insert(EXPORTED_TABLES[table] as Table).values(rows);
      });
    },
    /**
     * The first comment whose parent is missing, in another thread, or in a loop of parents
     * (1 → 2 → 1), which no thread could draw; undefined when every reply hangs under a
     * response to the page. Two queries over ids only, whatever the number of comments.
     */
    async commentTreeProblem(): Promise<{ id: number; parentId: number; problem: 'missing' | 'other-thread' | 'loop' } | undefined> {
      const stray = first(
        await allRows<{ id: number; parentId: number; missing: number }>(
          x.read,
          sql`
        SELECT c.id AS id, c.parent_id AS parentId, p.id IS NULL AS missing
        FROM ${comments} c LEFT JOIN ${comments} p ON p.id = c.parent_id
        WHERE c.parent_id IS NOT NULL AND (p.id IS NULL OR p.thread_id <> c.thread_id)
        ORDER BY c.id LIMIT 1`,
        ),
      );
      if (stray) return { id: stray.id, parentId: stray.parentId, problem: stray.missing ? 'missing' : 'other-thread' };
      // Every parent exists now, so a comment not reached by walking down from the responses
      // to the page sits in, or under, a loop. Each comment is reached at most once (it has one
      // parent), so the walk ends; SQLite indexes parent_id for it on the fly.
      const looped = first(
        await allRows<{ id: number; parentId: number }>(
          x.read,
          sql`
        WITH RECURSIVE reached(id) AS (
          SELECT id FROM ${comments} WHERE parent_id IS NULL
          UNION ALL
          SELECT c.id FROM ${comments} c JOIN reached r ON c.parent_id = r.id
        )
        SELECT id AS id, parent_id AS parentId FROM ${comments}
        WHERE id NOT IN (SELECT id FROM reached)
        ORDER BY id LIMIT 1`,
        ),
      );
      return looped && { id: looped.id, parentId: looped.parentId, problem: 'loop' };
    },
  };
}
