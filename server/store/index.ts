/** The store: every query Riposte makes, over one database. The only module that knows SQL. */
import { adminQueries } from './admins.ts';
import { authRequestQueries } from './auth-requests.ts';
import { commentQueries } from './comments.ts';
import { connect, openDatabase, type Connection } from './database.ts';
import { importQueries } from './imports.ts';
import { likeQueries } from './likes.ts';
import { moderationQueries } from './moderation.ts';
import { sessionQueries } from './sessions.ts';
import { settingQueries } from './settings.ts';
import { siteQueries } from './sites.ts';
import { threadQueries } from './threads.ts';
import { restoreQueries, snapshotRows } from './transfer.ts';
import { userQueries } from './users.ts';

export type Store = ReturnType<typeof openStore>;

/** What an import may do inside its transaction. */
export interface ImportTransaction {
  sites: ReturnType<typeof siteQueries>;
  imports: ReturnType<typeof importQueries>;
  restore: ReturnType<typeof restoreQueries>;
}

export function openStore(file: string) {
  const main = openDatabase(file);
  const { db, sqlite } = main;
  /** A further connection to the same file; an in-memory database has only the one. */
  const another = (readonly: boolean): Connection => (file === ':memory:' ? main : connect(file, { readonly }));
  return {
    file,
    sites: siteQueries(db),
    threads: threadQueries(db),
    comments: commentQueries(db),
    likes: likeQueries(db),
    settings: settingQueries(db),
    users: userQueries(db),
    sessions: sessionQueries(db),
    authRequests: authRequestQueries(db),
    admins: adminQueries(db),
    moderation: moderationQueries(db),
    /**
     * Runs fn in one transaction: all of its writes land, or none. It takes the write lock at
     * once (IMMEDIATE), so a busy database is found before any work, and waits as it should.
     */
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn).immediate();
    },
    /**
     * Runs an import that reads its file as it goes: one transaction on a connection of its
     * own, so requests served meanwhile never write inside it, and a failure rolls it all back.
     * It holds the write lock while it runs: readers go on, other writers wait (busy_timeout).
     */
    async importTransaction<T>(fn: (tx: ImportTransaction) => Promise<T>): Promise<T> {
      const connection = another(false);
      connection.sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn({
          sites: siteQueries(connection.db),
          imports: importQueries(connection.db),
          restore: restoreQueries(connection.db),
        });
        connection.sqlite.exec('COMMIT');
        return result;
      } catch (err) {
        if (connection.sqlite.inTransaction) connection.sqlite.exec('ROLLBACK');
        throw err;
      } finally {
        if (connection !== main) connection.sqlite.close();
      }
    },
    /** Every row of every table, from one consistent snapshot (its own read-only connection). */
    *exportRows() {
      const connection = another(true);
      try {
        yield* snapshotRows(connection);
      } finally {
        if (connection !== main) connection.sqlite.close();
      }
    },
    close(): void {
      sqlite.close();
    },
  };
}
