/**
 * What each database gives the store (index.ts puts the query groups on top): SQLite's in
 * sqlite-store.ts, PostgreSQL's in postgres-store.ts. Everything above this line of the store
 * is the same code for both.
 */
import type { Executor } from './executor.ts';
import type { Signals } from './signals.ts';
import type { ExportedTableName, ExportRow } from './transfer.ts';

export interface Backend {
  dialect: 'sqlite' | 'postgres';
  /** The SQLite file (':memory:' for none); null on PostgreSQL. */
  file: string | null;
  /** The database as messages name it: the file, or the URL without its password. */
  description: string;
  /** Reads outside transactions; each write its own transaction. */
  queued: Executor;
  /**
   * Runs fn in one transaction, with an executor held in it. On PostgreSQL, fn may run again
   * when the database chose it to break a deadlock: it must do nothing but database work.
   */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs an import in one transaction on a connection of its own, one import at a time;
   * requests are served meanwhile (their writes wait for what the import has locked, and give up in time).
   */
  importTransaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Every row of every exported table, from one consistent snapshot, read while the server keeps writing. */
  exportRows(): AsyncGenerator<{ table: ExportedTableName; row: ExportRow }>;
  /** Messages to every process on this database (live updates): in process on SQLite, LISTEN/NOTIFY on PostgreSQL. */
  signals: Signals;
  /** Waits for what is in flight, then closes every connection. */
  close(): Promise<void>;
}
