/** The store's SQLite side (see backend.ts): the file's reader and queued writer, an import's own connection, an export's snapshot. */
import type { Backend } from './backend.ts';
import { checkpoint, connect, directExecutor, openSqlite, TOOL_WAIT_MS, type Connection, type StoreOptions } from './database.ts';
import { inProcessSignals } from './signals.ts';
import { inTransaction } from './sqlite-writer.ts';
import { exportReads, type ExportedTableName, type ExportRow } from './transfer.ts';

/**
 * Yields every row of every exported table from one read transaction, so the export is
 * consistent even while the server keeps writing (WAL readers see a fixed snapshot); rows are
 * read one at a time (better-sqlite3's iterate), so memory stays small.
 */
async function* snapshotRows(connection: Connection): AsyncGenerator<{ table: ExportedTableName; row: ExportRow }> {
  const { sqlite } = connection;
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('BEGIN');
  try {
    for (const { table, query, toRow } of exportReads(directExecutor(connection))) {
      for (const stored of sqlite.prepare(query.sql).iterate(...query.params) as Iterable<Record<string, unknown>>) {
        yield { table, row: toRow(stored) };
      }
    }
  } finally {
    if (own) sqlite.exec('COMMIT');
  }
}

/** Opens (and migrates) the file; ':memory:' keeps everything on one connection. */
export async function openSqliteBackend(file: string, options: StoreOptions = {}): Promise<Backend> {
  const database = await openSqlite(file, options);
  /** A further connection to the same file; an in-memory database has only the one. */
  const another = (readonly: boolean): Connection | null =>
    file === ':memory:' ? null : connect(file, { readonly, maxBytes: options.maxBytes });
  return {
    dialect: 'sqlite',
    file,
    description: file,
    queued: database.queued,
    signals: inProcessSignals(),
    // Waits its turn for the writer, then takes the write lock at once (IMMEDIATE).
    transaction: (fn) => database.exclusive(fn),
    // The import holds the write lock while it runs: readers go on, other writers wait (and give up in time).
    async importTransaction(fn) {
      const connection = another(false);
      if (!connection) return database.exclusive(fn);
      try {
        const tx = directExecutor(connection);
        // A command-line tool waits as long as another import holds the lock, saying so once.
        const deadline = options.patient ? Number.POSITIVE_INFINITY : performance.now() + TOOL_WAIT_MS;
        const result = await inTransaction(connection.sqlite, deadline, () => fn(tx), options.patient ? options.onWait : undefined);
        checkpoint(connection);
        return result;
      } finally {
        connection.sqlite.close();
      }
    },
    async *exportRows() {
      const connection = another(true);
      try {
        yield* snapshotRows(connection ?? database.writer);
      } finally {
        connection?.sqlite.close();
      }
    },
    async close() {
      await database.close();
    },
  };
}
