/**
 * Whole-database export and restore: every table's rows in a fixed order (by primary key,
 * text in byte order, so both databases write the same file), and written back with their
 * ids so a restored database is identical. Each store reads the rows from one consistent
 * snapshot in its own way (sqlite-store.ts, postgres-store.ts) from the reads planned here.
 */
import { asc, count, getTableColumns, sql } from 'drizzle-orm';
import { first, type Executor, type Tables } from './executor.ts';
import type { Table } from './sql-words.ts';

/**
 * The tables an export holds, under the names the export format uses (schema.ts's name, and
 * the columns of its primary key), parents before children. A new table belongs here or in
 * NOT_EXPORTED (a test checks that every table is in one of them).
 */
export const EXPORTED = {
  sites: { table: 'sites', key: ['id'] },
  users: { table: 'users', key: ['id'] },
  threads: { table: 'threads', key: ['id'] },
  comments: { table: 'comments', key: ['id'] },
  likes: { table: 'pageLikes', key: ['threadId', 'likerHash'] },
  votes: { table: 'commentVotes', key: ['commentId', 'voter'] },
  settings: { table: 'settings', key: ['key'] },
  bans: { table: 'bans', key: ['id'] },
  audit: { table: 'auditLog', key: ['id'] },
  // Readers' addresses go with the site they subscribed on (the privacy note in the README says so).
  mailAddresses: { table: 'mailAddresses', key: ['address'] },
  mailStops: { table: 'mailStops', key: ['address', 'siteId'] },
  subscriptions: { table: 'subscriptions', key: ['id'] },
  mentions: { table: 'mentions', key: ['id'] },
} as const satisfies Record<string, { table: keyof Tables; key: readonly string[] }>;

/**
 * Tables left out of exports on purpose: short-lived sign-in state and rate limits' counts,
 * useless after a move; admins (password hashes stay on their server: `riposte admin add`
 * again after a move); the outbox (what was still to send belongs to the old server: a
 * restore must not mail again).
 */
export const NOT_EXPORTED: readonly (keyof Tables)[] = [
  'sessions',
  'authRequests',
  'admins',
  'adminSessions',
  'rateLimits',
  'emailSignIns',
  'outboxEvents',
  'outbox',
];
export type ExportedTableName = keyof typeof EXPORTED;
export const EXPORTED_TABLE_NAMES = Object.keys(EXPORTED) as ExportedTableName[];

/** The table an export calls `name`, from this database's tables. */
export function exportedTable(tables: Tables, name: ExportedTableName): Table {
  return tables[EXPORTED[name].table];
}

/** Columns that are not data but kept up by triggers (a restore remakes them): not exported. */
export const DERIVED_COLUMNS: Partial<Record<ExportedTableName, readonly string[]>> = {
  threads: ['version', 'changes'],
  comments: ['upvotes', 'downvotes'],
};

/** Rows as they go into and out of an export: the schema's own (camelCase) field names. */
export type ExportRow = Record<string, unknown>;

/** How a store reads one table for an export: the query, and how a row as the driver gives it becomes an export row. */
export interface ExportRead {
  table: ExportedTableName;
  query: { sql: string; params: unknown[] };
  toRow(stored: Record<string, unknown>): ExportRow;
}

/** The reads of a whole export, in order, over the executor's tables and dialect. */
export function exportReads(x: Executor): ExportRead[] {
  return EXPORTED_TABLE_NAMES.map((name) => {
    const table = exportedTable(x.tables, name);
    const all = getTableColumns(table);
    const derived = DERIVED_COLUMNS[name] ?? [];
    const columns = Object.entries(all).filter(([key]) => !derived.includes(key));
    const order = EXPORTED[name].key.map((key) => {
      const column = all[key]!;
      return asc(column.dataType === 'string' ? x.dialect.byteOrder(column) : column);
    });
    return {
      table: name,
      query: x.read
        .select()
        .from(table)
        .orderBy(...order)
        .toSQL(),
      toRow(stored) {
        const row: ExportRow = {};
        for (const [key, column] of columns) {
          const value = stored[column.name];
          row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
        }
        return row;
      },
    };
  });
}

/** Writing a restore; runs inside the import's transaction. */
export function restoreQueries(x: Executor) {
  const { auditLog, bans, comments, commentVotes, pageLikes, settings, sites, threads, users } = x.tables;
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
     * itself (the default site, a new hashing key), so the restored ones win. A row that
     * breaks a constraint (a comment of a missing thread, an id twice) is the file's fault:
     * the answer is the database's message, and nothing of the batch is written.
     */
    insert(table: ExportedTableName, rows: ExportRow[]): Promise<{ problem: string } | undefined> {
      if (rows.length === 0) return Promise.resolve(undefined);
      return x.write(async (tx) => {
        try {
          return await x.dialect.attempt(tx, async (db) => {
            if (table === 'sites') {
              for (const row of rows) await db.delete(sites).where(sql`${sites.id} = ${row.id}`);
            }
            if (table === 'settings') {
              for (const row of rows) await db.delete(settings).where(sql`${settings.key} = ${row.key}`);
            }
            await db.insert(exportedTable(x.tables, table)).values(rows);
            return undefined;
          });
        } catch (err) {
          const problem = x.dialect.constraintProblem(err);
          if (problem === undefined) throw err;
          return { problem };
        }
      });
    },
    /** Once every row is in: the ids the database makes next come after the restored ones. */
    finish(): Promise<void> {
      return x.write((db) => x.dialect.idsInserted(db));
    },
    /**
     * The first comment whose parent is missing, in another thread, or in a loop of parents
     * (1 → 2 → 1), which no thread could draw; undefined when every reply hangs under a
     * response to the page. Two queries over ids only, whatever the number of comments.
     */
    async commentTreeProblem(): Promise<{ id: number; parentId: number; problem: 'missing' | 'other-thread' | 'loop' } | undefined> {
      const stray = first(
        await x.dialect.allRows<{ id: number; parentId: number; missing: number | boolean }>(
          x.read,
          sql`
        SELECT c.id AS id, c.parent_id AS "parentId", p.id IS NULL AS missing
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
        await x.dialect.allRows<{ id: number; parentId: number }>(
          x.read,
          sql`
        WITH RECURSIVE reached(id) AS (
          SELECT id FROM ${comments} WHERE parent_id IS NULL
          UNION ALL
          SELECT c.id FROM ${comments} c JOIN reached r ON c.parent_id = r.id
        )
        SELECT id AS id, parent_id AS "parentId" FROM ${comments}
        WHERE id NOT IN (SELECT id FROM reached)
        ORDER BY id LIMIT 1`,
        ),
      );
      return looped && { id: looped.id, parentId: looped.parentId, problem: 'loop' };
    },
  };
}
