/** The store: every query Riposte makes, over one database. The only module that knows SQL. */
import { adminCommentQueries } from './admin-comments.ts';
import { adminSessionQueries } from './admin-sessions.ts';
import { adminQueries } from './admins.ts';
import { auditQueries } from './audit.ts';
import { authRequestQueries } from './auth-requests.ts';
import { banQueries } from './bans.ts';
import { commentQueries } from './comments.ts';
import { connect, directExecutor, inTransaction, isBusy, openSqlite, TOOL_WAIT_MS, type Connection } from './database.ts';
import type { Executor } from './executor.ts';
import { importQueries } from './imports.ts';
import { likeQueries } from './likes.ts';
import { sessionQueries } from './sessions.ts';
import { settingQueries } from './settings.ts';
import { siteQueries } from './sites.ts';
import { threadQueries } from './threads.ts';
import { restoreQueries, snapshotRows, type ExportedTableName, type ExportRow } from './transfer.ts';
import { userQueries } from './users.ts';
import { voteQueries } from './votes.ts';

export { isBusy };

/**
 * Every query group, one per table (the admin view's comment lists apart), over one executor:
 * the store's own (reads on the reader, queued writes) or a transaction's.
 */
function queryGroups(x: Executor) {
  return {
    sites: siteQueries(x),
    threads: threadQueries(x),
    comments: commentQueries(x),
    adminComments: adminCommentQueries(x),
    likes: likeQueries(x),
    votes: voteQueries(x),
    settings: settingQueries(x),
    users: userQueries(x),
    sessions: sessionQueries(x),
    authRequests: authRequestQueries(x),
    admins: adminQueries(x),
    adminSessions: adminSessionQueries(x),
    bans: banQueries(x),
    audit: auditQueries(x),
  };
}

/** What a transaction's callback gets: the same query groups, all on the transaction. */
export type StoreTransaction = ReturnType<typeof queryGroups>;

/** What an import may do inside its transaction. */
export interface ImportTransaction {
  sites: ReturnType<typeof siteQueries>;
  imports: ReturnType<typeof importQueries>;
  restore: ReturnType<typeof restoreQueries>;
}

export type Store = Awaited<ReturnType<typeof openStore>>;

/** Opens (and migrates) the database file; ':memory:' keeps everything on one connection. */
export async function openStore(file: string) {
  const database = await openSqlite(file);
  // Each transaction's executor gets its query groups once: on SQLite every transaction runs on
  // the one writer (so they are built once, statements prepared once); a pool would give others.
  const groupsOf = new WeakMap<Executor, StoreTransaction>();
  const groups = (tx: Executor): StoreTransaction => {
    const made = groupsOf.get(tx) ?? queryGroups(tx);
    groupsOf.set(tx, made);
    return made;
  };
  /** A further connection to the same file; an in-memory database has only the one. */
  const another = (readonly: boolean): Connection | null => (file === ':memory:' ? null : connect(file, { readonly }));
  return {
    file,
    ...queryGroups(database.queued),
    /**
     * Runs fn in one transaction: all of its writes land, or none. It waits its turn for the
     * writer, then takes the write lock at once (IMMEDIATE). Inside, use `tx`, never the store
     * itself: a write on the store would wait for the transaction that waits for it.
     */
    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return database.exclusive((tx) => fn(groups(tx)));
    },
    /**
     * Runs an import that reads its file as it goes: one transaction on a connection of its
     * own, so requests served meanwhile never write inside it, and a failure rolls it all back.
     * It holds the write lock while it runs: readers go on, other writers wait (and give up in time).
     */
    async importTransaction<T>(fn: (tx: ImportTransaction) => Promise<T>): Promise<T> {
      const connection = another(false);
      if (!connection) return database.exclusive((tx) => fn({ sites: groups(tx).sites, ...importGroups(tx) }));
      try {
        const tx = directExecutor(connection);
        return await inTransaction(connection, performance.now() + TOOL_WAIT_MS, () => fn({ sites: siteQueries(tx), ...importGroups(tx) }));
      } finally {
        connection.sqlite.close();
      }
    },
    /** Every row of every table, from one consistent snapshot (its own read-only connection). */
    async *exportRows(): AsyncGenerator<{ table: ExportedTableName; row: ExportRow }> {
      const connection = another(true);
      try {
        yield* snapshotRows(connection ?? database.writer);
      } finally {
        connection?.sqlite.close();
      }
    },
    close(): void {
      database.close();
    },
  };
}

function importGroups(x: Executor) {
  return { imports: importQueries(x), restore: restoreQueries(x) };
}
